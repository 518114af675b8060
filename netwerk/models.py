"""Kernen (villages), teams and their werkgebied. Partners of the sociale kaart join them here."""

from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .istandaarden import IStandaardCategorie
from .leefgebieden import Leefgebied
from .search import genormaliseerd, normaliseer
from .validators import normaliseer_nummer, valideer_agb_code, valideer_kvk_nummer

postcodegebied_validator = RegexValidator(
    r"^[1-9][0-9]{3}$", "Een postcodegebied is vier cijfers, zoals 4254."
)


class Gemeente(models.Model):
    """A municipality as a controller (verwerkingsverantwoordelijke): its identity for letters and messages.

    Kernen, teams and partners name their gemeente by ``naam`` (the same text as ``Kern.gemeente``).
    """

    naam = models.CharField("naam", max_length=100, unique=True)
    cbs_code = models.CharField(
        "CBS-gemeentecode",
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^[0-9]{4}$", "Een CBS-gemeentecode is vier cijfers, zoals 1959.")],
        help_text="Vier cijfers (Altena 1959, Westerkwartier 1969), voor iWmo/iJw-berichten en CBS-exports.",
    )
    postadres = models.CharField("postadres", max_length=200, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    plaats = models.CharField("plaats", max_length=100, blank=True)
    telefoon = models.CharField("telefoon", max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("website", blank=True)

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class KernQuerySet(models.QuerySet):
    def van_gemeente(self, gemeente: str):
        return self.filter(gemeente=gemeente)

    def voor_postcode(self, postcode: str):
        """Kernen whose postcode areas contain this postcode (matched on its four digits)."""
        digits = (postcode or "").replace(" ", "")[:4]
        return self.filter(postcodegebieden__contains=[digits]) if len(digits) == 4 else self.none()


class Kern(models.Model):
    """A village (kern) of a (merged) municipality. Data, not code: any municipality can be loaded."""

    naam = models.CharField("naam", max_length=100)
    voormalige_gemeente = models.CharField("voormalige gemeente", max_length=100)
    gemeente = models.CharField("gemeente", max_length=100, db_index=True)
    postcodegebieden = ArrayField(
        models.CharField(max_length=4, validators=[postcodegebied_validator]),
        verbose_name="postcodegebieden",
        default=list,
        blank=True,
        help_text="De cijfers van de postcodes in deze kern, gescheiden door komma's (bijv. 4254,4255).",
    )

    objects = KernQuerySet.as_manager()

    class Meta:
        verbose_name = "kern"
        verbose_name_plural = "kernen"
        ordering = ["gemeente", "naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="kern_uniek_per_gemeente")]

    def __str__(self):
        return self.naam


class Team(models.Model):
    """A team of staff with its werkgebied (kernen). No kernen means the whole municipality."""

    naam = models.CharField("naam", max_length=100, unique=True)
    gemeente = models.CharField("gemeente", max_length=100, db_index=True)
    kernen = models.ManyToManyField(
        Kern, verbose_name="werkgebied (kernen)", blank=True, related_name="teams"
    )
    leden = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="leden", blank=True, related_name="teams"
    )

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class PartnerSoort(models.TextChoices):
    WELZIJN = "welzijn", "Welzijnsorganisatie"
    MAATSCHAPPELIJK_WERK = "maatschappelijk_werk", "Maatschappelijk werk"
    JGZ = "jgz", "Jeugdgezondheidszorg (consultatiebureau)"
    SCHOOL = "school", "School"
    HUISARTS = "huisarts", "Huisarts / praktijkondersteuner"
    WIJKAGENT = "wijkagent", "Wijkagent"
    SCHULDHULP = "schuldhulp", "Schuldhulpverlening"
    WONINGCORPORATIE = "woningcorporatie", "Woningcorporatie"
    VRIJWILLIGERS = "vrijwilligers", "Vrijwilligers / mantelzorgsteunpunt"
    CLIENTRAAD = "clientraad", "Cliënt- en participatieraad"
    ZORGAANBIEDER_WMO = "zorgaanbieder_wmo", "Zorgaanbieder Wmo"
    ZORGAANBIEDER_JEUGD = "zorgaanbieder_jeugd", "Zorgaanbieder Jeugd"
    KERK = "kerk", "Kerk / gemeenschap"
    ANDERS = "anders", "Anders"


ZORGAANBIEDER_SOORTEN = (PartnerSoort.ZORGAANBIEDER_WMO, PartnerSoort.ZORGAANBIEDER_JEUGD)


class PartnerQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(actief=True)

    def voor_kern(self, kern):
        """Partners that serve this kern: named in their kernen, or serving every kern of its gemeente."""
        in_kern = Partner.kernen.through.objects.filter(kern=kern).values("partner_id")
        return self.filter(Q(pk__in=in_kern) | Q(alle_kernen=True, gemeente=kern.gemeente))

    def met_leefgebied(self, leefgebied: str):
        return self.filter(leefgebieden__contains=[leefgebied])

    def met_naam(self, naam: str):
        """Partners with this name, ignoring case, accents and surrounding spaces."""
        return self.alias(_naam_norm=genormaliseerd("naam")).filter(_naam_norm=normaliseer(naam))

    def voor_sociale_kaart(self):
        """What a list of partners shows at once: kernen, contactpersonen and capacity in three fixed
        queries."""
        return self.prefetch_related("kernen", "contactpersonen", "aanbod")


class Partner(models.Model):
    """A maatschappelijke partner in the network (the sociale kaart). Deactivated, never deleted."""

    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=30, choices=PartnerSoort.choices, db_index=True)
    gemeente = models.CharField("gemeente", max_length=100, db_index=True)
    omschrijving = models.TextField("wat biedt de partner", blank=True)
    leefgebieden = ArrayField(
        models.CharField(max_length=40, choices=Leefgebied.choices),
        verbose_name="leefgebieden",
        default=list,
        blank=True,
    )
    kernen = models.ManyToManyField(Kern, verbose_name="kernen", blank=True, related_name="partners")
    alle_kernen = models.BooleanField("werkt in alle kernen", default=False)
    adres = models.CharField("adres", max_length=200, blank=True)
    telefoon = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("website", blank=True)
    bereikbaarheid = models.CharField("openingstijden / bereikbaarheid", max_length=200, blank=True)
    agb_code = models.CharField(
        "AGB-code",
        max_length=8,
        blank=True,
        validators=[valideer_agb_code],
        help_text="8 cijfers; verplicht voor zorgaanbieders (Wmo en Jeugd).",
    )
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[valideer_kvk_nummer], help_text="8 cijfers."
    )
    istandaarden_categorieen = ArrayField(
        models.CharField(max_length=2, choices=IStandaardCategorie.choices),
        verbose_name="iStandaarden-categorieën",
        default=list,
        blank=True,
        help_text="De categorieën (iWmo/iJw) die deze zorgaanbieder levert.",
    )
    actief = models.BooleanField("actief", default=True, db_index=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = "partner"
        verbose_name_plural = "partners"
        ordering = ["naam"]
        indexes = [
            GinIndex(OpClass(genormaliseerd("naam"), name="gin_trgm_ops"), name="partner_naam_trgm"),
            GinIndex(fields=["leefgebieden"], name="partner_leefgebieden_gin"),
        ]

    def __str__(self):
        return self.naam

    @property
    def is_zorgaanbieder(self) -> bool:
        return self.soort in ZORGAANBIEDER_SOORTEN

    def clean_fields(self, exclude=None):
        # Normalise what people paste ("98 00 12 34") before the field validators see it.
        self.agb_code = normaliseer_nummer(self.agb_code)
        self.kvk_nummer = normaliseer_nummer(self.kvk_nummer)
        self.naam = (self.naam or "").strip()
        super().clean_fields(exclude=exclude)

    def clean(self):
        errors = {}
        if self.is_zorgaanbieder and not self.agb_code:
            errors["agb_code"] = "Een zorgaanbieder (Wmo of Jeugd) moet een AGB-code hebben."
        if self.istandaarden_categorieen and not self.is_zorgaanbieder:
            errors["istandaarden_categorieen"] = (
                "Alleen een zorgaanbieder (Wmo of Jeugd) levert iStandaarden-categorieën."
            )
        if self.naam and self.gemeente:
            dubbel = self.dubbele_naam_melding()
            if dubbel:
                errors["naam"] = dubbel
        if errors:
            raise ValidationError(errors)

    def dubbele_naam_melding(self) -> str:
        """A Dutch message when another partner with this name works in one of the same kernen.

        A form or import sets ``kernen_voor_controle`` (the kernen about to be saved); otherwise the
        saved kernen count. Deactivated partners count too: reactivate those instead of doubling them.
        """
        kernen = getattr(self, "kernen_voor_controle", None)
        if kernen is None:
            kernen = list(self.kernen.all()) if self.pk else []
        others = Partner.objects.filter(gemeente=self.gemeente).met_naam(self.naam).exclude(pk=self.pk)
        if not self.alle_kernen:
            gedeeld = Partner.kernen.through.objects.filter(kern__in=[k.pk for k in kernen])
            others = others.filter(Q(alle_kernen=True) | Q(pk__in=gedeeld.values("partner_id")))
        ander = others.prefetch_related("kernen").first()
        if ander is None:
            return ""
        if ander.alle_kernen:
            waar = f"die in alle kernen van {self.gemeente} werkt"
        else:
            namen = {k.naam for k in ander.kernen.all()}
            if not self.alle_kernen:
                namen &= {k.naam for k in kernen}
            if not namen:
                waar = f"in {self.gemeente}"
            else:
                waar = ("in kern " if len(namen) == 1 else "in de kernen ") + ", ".join(sorted(namen))
        niet_actief = " (gedeactiveerd; activeer die partner liever opnieuw)" if not ander.actief else ""
        return (
            f"Er is al een partner met de naam “{ander.naam}” {waar}{niet_actief}. "
            "Kies een andere naam of pas de bestaande partner aan."
        )


class Contactpersoon(models.Model):
    partner = models.ForeignKey(
        Partner, verbose_name="partner", on_delete=models.CASCADE, related_name="contactpersonen"
    )
    naam = models.CharField("naam", max_length=150)
    rol = models.CharField("rol", max_length=100, blank=True)
    telefoon = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)

    class Meta:
        verbose_name = "contactpersoon"
        verbose_name_plural = "contactpersonen"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


def capaciteit_geldig_weken() -> int:
    """After how many weeks a partner's confirmed capacity counts as stale (setting, default 4)."""
    return int(getattr(settings, "SOCIALE_KAART_CAPACITEIT_GELDIG_WEKEN", 4))


class Capaciteit(models.TextChoices):
    RUIMTE = "ruimte", "Ruimte nu"
    WACHTLIJST = "wachtlijst", "Wachtlijst"
    VOL = "vol", "Vol"


class AanbodQuerySet(models.QuerySet):
    def actueel(self, vandaag=None):
        """Offers whose capacity was confirmed within the configured number of weeks."""
        vandaag = vandaag or timezone.localdate()
        return self.filter(bevestigd_op__gt=vandaag - timedelta(weeks=capaciteit_geldig_weken()))


class Aanbod(models.Model):
    """One offer of a partner on the sociale kaart with its current capacity (room now, a waiting
    list with expected weeks, or full) and the date the partner last confirmed it."""

    partner = models.ForeignKey(
        Partner, verbose_name="partner", on_delete=models.CASCADE, related_name="aanbod"
    )
    naam = models.CharField("aanbod", max_length=150)
    capaciteit = models.CharField(
        "capaciteit", max_length=12, choices=Capaciteit.choices, default=Capaciteit.RUIMTE
    )
    wachttijd_weken = models.PositiveSmallIntegerField(
        "verwachte wachttijd (weken)", null=True, blank=True, help_text="Alleen bij een wachtlijst."
    )
    bevestigd_op = models.DateField("laatst bevestigd op", null=True, blank=True)
    bevestigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="bevestigd door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AanbodQuerySet.as_manager()

    class Meta:
        verbose_name = "aanbod"
        verbose_name_plural = "aanbod"
        ordering = ["partner", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "naam"], name="aanbod_uniek_per_partner"),
            models.CheckConstraint(
                condition=Q(capaciteit="wachtlijst") | Q(wachttijd_weken__isnull=True),
                name="aanbod_wachttijd_alleen_bij_wachtlijst",
            ),
        ]

    def __str__(self):
        return f"{self.partner}: {self.naam}"

    def clean(self):
        if self.capaciteit != Capaciteit.WACHTLIJST:
            self.wachttijd_weken = None
        elif self.wachttijd_weken is None:
            raise ValidationError(
                {"wachttijd_weken": "Vul bij een wachtlijst de verwachte wachttijd in weken in."}
            )

    @property
    def capaciteit_kleur(self) -> str:
        """The Bootstrap colour of the capacity badge."""
        return {Capaciteit.RUIMTE: "success", Capaciteit.WACHTLIJST: "warning"}.get(self.capaciteit, "danger")

    @property
    def is_verouderd(self) -> bool:
        """No confirmation, or one older than the configured number of weeks."""
        if self.bevestigd_op is None:
            return True
        return self.bevestigd_op <= timezone.localdate() - timedelta(weeks=capaciteit_geldig_weken())

    @property
    def capaciteit_tekst(self) -> str:
        if self.capaciteit == Capaciteit.WACHTLIJST and self.wachttijd_weken is not None:
            return (
                f"Wachtlijst, ca. {self.wachttijd_weken} {'week' if self.wachttijd_weken == 1 else 'weken'}"
            )
        return self.get_capaciteit_display()
