"""Berichtenverkeer iWmo/iJw 3.2: the code tables, the toewijzingen sent to providers, the start
and stop of care they report, every message sent or received, and the providers' verzoeken."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone

from backoffice.models import Voorziening
from intake.models import Casus
from netwerk.models import Partner


class Code(models.Model):
    """One code of an iStandaarden code list (WMO020, JZ020, WJ756, WMO757, WMO588, JZ588, ...)."""

    lijst = models.CharField("codelijst", max_length=10)
    code = models.CharField("code", max_length=5)
    betekenis = models.CharField("betekenis", max_length=300)

    class Meta:
        verbose_name = "code"
        verbose_name_plural = "codelijsten"
        ordering = ["lijst", "code"]
        constraints = [models.UniqueConstraint(fields=["lijst", "code"], name="code_uniek_per_lijst")]

    def __str__(self):
        return f"{self.lijst} {self.code} {self.betekenis}"


class Standaard(models.TextChoices):
    WMO = "wmo", "iWmo"
    JW = "jw", "iJw"


class ToewijzingQuerySet(models.QuerySet):
    def geldig_vanaf(self, datum):
        """Valid on or after ``datum``: the ones a 301 of that date must hold (rechtmatigheid)."""
        return self.filter(einddatum__gte=datum)


class Toewijzing(models.Model):
    """One toegewezen product at one aanbieder. A change keeps the nummer (an extension moves the
    einddatum, OP380); a change of omvang ends this one and starts a new one."""

    nummer = models.PositiveIntegerField("toewijzingnummer", unique=True)
    casus = models.ForeignKey(
        Casus, verbose_name="casus", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    aanbieder = models.ForeignKey(
        Partner, verbose_name="aanbieder", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    standaard = models.CharField("standaard", max_length=3, choices=Standaard.choices)
    voorziening = models.ForeignKey(
        Voorziening,
        verbose_name="voorziening",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="toewijzingen",
    )
    categorie = models.CharField("productcategorie", max_length=2)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", db_index=True)
    volume = models.PositiveIntegerField("volume")
    eenheid = models.CharField("eenheid (WJ756)", max_length=2)
    frequentie = models.CharField("frequentie (WMO757)", max_length=1)
    reden_wijziging = models.CharField("reden wijziging (WMO002/JZ002)", max_length=2, blank=True)
    referentie_aanbieder = models.CharField("referentie aanbieder", max_length=20, blank=True)
    toegewezen_op = models.DateTimeField("toewijzingsdatum en -tijd", default=timezone.now)
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now)

    objects = ToewijzingQuerySet.as_manager()

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        ordering = ["ingangsdatum", "nummer"]
        indexes = [models.Index(fields=["aanbieder", "casus"], name="toewijzing_aanbieder_casus")]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gte=models.F("ingangsdatum")), name="toewijzing_eind_na_start"
            )
        ]

    def __str__(self):
        return f"Toewijzing {self.nummer}"

    @property
    def product(self) -> str:
        return f"{self.categorie} {self.productcode}".strip()

    @property
    def omvang(self) -> str:
        from .codelijsten import WJ756, WMO757

        eenheid = WJ756.get(self.eenheid, self.eenheid).lower()
        return f"{self.volume} {eenheid} {WMO757.get(self.frequentie, '').lower()}"


class Levering(models.Model):
    """The start (305) and stop (307) of care the provider reported, keyed like the standard:
    toewijzing + begindatum (TR074)."""

    toewijzing = models.ForeignKey(
        Toewijzing, verbose_name="toewijzing", on_delete=models.CASCADE, related_name="leveringen"
    )
    begindatum = models.DateField("gestart op")
    einddatum = models.DateField("gestopt op", null=True, blank=True)
    reden_beeindiging = models.CharField("reden beëindiging", max_length=2, blank=True)
    startbericht = models.ForeignKey(
        "Bericht",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="startbericht",
    )
    stopbericht = models.ForeignKey(
        "Bericht",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="stopbericht",
    )

    class Meta:
        verbose_name = "levering"
        verbose_name_plural = "leveringen"
        ordering = ["begindatum"]
        constraints = [
            models.UniqueConstraint(fields=["toewijzing", "begindatum"], name="levering_uniek_per_begindatum")
        ]

    def __str__(self):
        return f"Levering {self.toewijzing.nummer} vanaf {self.begindatum:%d-%m-%Y}"

    @property
    def tijdelijk_gestopt(self) -> bool:
        from .codelijsten import TIJDELIJK_BEEINDIGD

        return self.reden_beeindiging == TIJDELIJK_BEEINDIGD


class Richting(models.TextChoices):
    UIT = "uit", "Verstuurd"
    IN = "in", "Ontvangen"


class Status(models.TextChoices):
    TE_VERSTUREN = "te_versturen", "Klaar om te versturen"
    VERSTUURD = "verstuurd", "Verstuurd"
    RETOUR_OK = "retour_ok", "Retour ontvangen zonder fouten"
    RETOUR_FOUTEN = "retour_fouten", "Retour ontvangen met fouten"
    ONTVANGEN = "ontvangen", "Ontvangen"
    VERWERKT = "verwerkt", "Verwerkt"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    ONLEESBAAR = "onleesbaar", "Onleesbaar"


STATUS_KLEUR = {
    Status.RETOUR_FOUTEN: "danger",
    Status.AFGEWEZEN: "danger",
    Status.ONLEESBAAR: "danger",
    Status.VERWERKT: "success",
    Status.RETOUR_OK: "success",
    Status.TE_VERSTUREN: "warning",
}


class BerichtQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Messages of a case the user may see, plus those without a case (unknown client,
        rejected) of the user's own gemeenten, for the consultants and teamleiders who handle the
        exchange there. A case-less message of another gemeente is never shown: it names a BSN that
        gemeente has no business with. A file that names no gemeente of this installation
        (unreadable, or addressed to an unknown gemeentecode) belongs to no one in particular and is
        shown to all of them, its screens masking every nine-digit number."""
        from intake.scope import gemeenten_query

        # A correlated EXISTS per message (a primary-key lookup), not "casus IN every case in
        # scope", which reads all of them.
        return self.filter(
            Casus.objects.zichtbaar_voor(user).bevat()
            | Q(casus__isnull=True, gemeente__in=gemeenten_query(user))
            | Q(casus__isnull=True, gemeente="")
        )


class Bericht(models.Model):
    """One message file, sent or received, with its XML kept for inspection and download."""

    richting = models.CharField("richting", max_length=3, choices=Richting.choices)
    berichttype = models.CharField("berichttype", max_length=8, blank=True, db_index=True)
    identificatie = models.CharField("identificatie", max_length=12, blank=True)
    dagtekening = models.DateField("dagtekening", null=True, blank=True)
    afzender = models.CharField("afzender", max_length=8, blank=True)
    ontvanger = models.CharField("ontvanger", max_length=8, blank=True)
    # The gemeente (its name, as Casus.gemeente) whose message this is: the addressee of a received
    # message (its Ontvanger, or the Afzender of a provider's retour), the sender of a sent one.
    # Empty when the file could not be read or named no gemeente of this installation.
    gemeente = models.CharField("gemeente", max_length=100, blank=True, db_index=True)
    aanbieder = models.ForeignKey(
        Partner, verbose_name="aanbieder", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    casus = models.ForeignKey(
        Casus, verbose_name="casus", null=True, blank=True, on_delete=models.PROTECT, related_name="berichten"
    )
    antwoord_op = models.ForeignKey(
        "self",
        verbose_name="antwoord op",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="antwoorden",
    )
    status = models.CharField("status", max_length=15, choices=Status.choices, db_index=True)
    retourcodes = ArrayField(
        models.CharField(max_length=4), verbose_name="retourcodes", default=list, blank=True
    )
    fouten = models.JSONField("fouten", default=list, blank=True)
    # False for a message the gemeente wrote while no schema folder was configured (BERICHTEN_XSD_MAP).
    schema_gecontroleerd = models.BooleanField("tegen schema gecontroleerd", default=True)
    inhoud = models.BinaryField("inhoud")
    bestandsnaam = models.CharField("bestandsnaam", max_length=200, blank=True)
    checksum = models.CharField("SHA-256", max_length=64, null=True, blank=True, unique=True)
    # The StUF referentienummer of the GGk envelope a received message came in (the crossRefnummer
    # of the envelope its retour goes out in); empty for a bare file.
    envelop_referentie = models.CharField("referentienummer GGk-envelop", max_length=40, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now, db_index=True)
    verstuurd_op = models.DateTimeField("verstuurd op", null=True, blank=True)
    verwerkt_op = models.DateTimeField("verwerkt op", null=True, blank=True)

    objects = BerichtQuerySet.as_manager()

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-aangemaakt", "-id"]
        indexes = [
            models.Index(fields=["afzender", "identificatie"], name="bericht_afzender_ident"),
            models.Index(fields=["status"], name="bericht_te_versturen", condition=Q(status="te_versturen")),
        ]

    def __str__(self):
        return f"{self.berichttype or 'Bericht'} {self.identificatie}".strip()

    @property
    def xml(self) -> str:
        return bytes(self.inhoud).decode("utf-8", errors="replace")

    @property
    def heeft_fouten(self) -> bool:
        return bool(self.fouten)

    @property
    def xml_gemaskeerd(self) -> str:
        """The XML for a screen: every BSN shown as its last three digits (the download keeps it)."""
        from .privacy import bsn_maskeren_in_tekst, bsn_maskeren_in_xml

        xml = bsn_maskeren_in_xml(self.xml)
        # A file of no known gemeente may be anything: every nine-digit number goes.
        return xml if self.gemeente else bsn_maskeren_in_tekst(xml)

    @property
    def fouten_gemaskeerd(self) -> list[dict]:
        from .privacy import bsn_maskeren_in_tekst

        return [{**f, "tekst": bsn_maskeren_in_tekst(f.get("tekst", ""))} for f in self.fouten]

    @property
    def status_kleur(self) -> str:
        """The Bootstrap colour of the status badge."""
        return STATUS_KLEUR.get(self.status, "secondary")

    @property
    def is_verwerkt_inkomend(self) -> bool:
        return self.richting == Richting.IN and self.status == Status.VERWERKT


class Verzoek(models.Model):
    """A provider's verzoek om toewijzing (315) or om wijziging (317): a task for the case that a
    consultant approves (a new 301) or rejects (a 319 with a reason from WJ759)."""

    class Soort(models.TextChoices):
        TOEWIJZING = "toewijzing", "Verzoek om toewijzing (315)"
        WIJZIGING = "wijziging", "Verzoek om wijziging (317)"

    class Uitkomst(models.TextChoices):
        OPEN = "open", "Te beoordelen"
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    bericht = models.OneToOneField(
        Bericht, verbose_name="bericht", on_delete=models.PROTECT, related_name="verzoek"
    )
    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.PROTECT, related_name="verzoeken")
    # None: the gemeente has no contract with this AGB code for this law (the consultant sees that,
    # and answers with WJ759 reden 3 "Geen contract" or records the contract first).
    aanbieder = models.ForeignKey(
        Partner, verbose_name="aanbieder", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    aanbieder_agb = models.CharField("AGB-code aanbieder", max_length=8, blank=True)
    standaard = models.CharField("standaard", max_length=3, choices=Standaard.choices)
    referentie_aanbieder = models.CharField("referentie aanbieder", max_length=20)
    producten = models.JSONField("gevraagde producten", default=list)
    uitkomst = models.CharField("uitkomst", max_length=12, choices=Uitkomst.choices, default=Uitkomst.OPEN)
    reden_afwijzing = models.CharField("reden afwijzing (WJ759)", max_length=1, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now)

    class Meta:
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        ordering = ["-aangemaakt", "-id"]

    def __str__(self):
        return f"{self.get_soort_display()} {self.referentie_aanbieder}"

    @property
    def wet_naam(self) -> str:
        """The law of the verzoek in words (for screens: no codes in templates)."""
        return "Wmo" if self.standaard == Standaard.WMO else "Jeugdwet"

    @property
    def zonder_contract(self) -> bool:
        return self.aanbieder_id is None

    @property
    def aanbieder_naam(self) -> str:
        return self.aanbieder.naam if self.aanbieder else f"AGB {self.aanbieder_agb} (geen contract)"

    @property
    def is_open(self) -> bool:
        return self.uitkomst == self.Uitkomst.OPEN
