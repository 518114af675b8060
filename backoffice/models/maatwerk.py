"""The steps of maatwerk hung on a Casus: onderzoek, persoonlijk plan, aanvraag, besluit and
voorziening. Changed only through ``backoffice.services``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from intake.models import Casus
from netwerk.models import Partner

from .catalogus import Eenheid, Product


class Onderzoek(models.Model):
    """The onderzoek (keukentafelgesprek) after a melding."""

    casus = models.ForeignKey(
        Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="onderzoeken"
    )
    gestart_op = models.DateField("gestart op")
    gesprek_datum = models.DateField("datum keukentafelgesprek", null=True, blank=True)
    deelnemers = models.CharField("deelnemers aan het gesprek", max_length=300, blank=True)
    verslag = models.TextField("verslag", blank=True)
    eigen_mogelijkheden = models.TextField("eigen mogelijkheden van de inwoner", blank=True)
    mantelzorg = models.TextField("mantelzorg en sociaal netwerk", blank=True)
    voorliggende_voorzieningen = models.TextField("voorliggende en algemene voorzieningen", blank=True)
    afgerond_op = models.DateField("afgerond op", null=True, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "onderzoek"
        verbose_name_plural = "onderzoeken"
        ordering = ["-gestart_op", "-id"]

    def __str__(self):
        return f"Onderzoek {self.casus_id} ({self.gestart_op:%d-%m-%Y})"


class PersoonlijkPlan(models.Model):
    """The persoonlijk plan the inhabitant may hand in within 7 days of the melding (Wmo)."""

    casus = models.ForeignKey(
        Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="persoonlijke_plannen"
    )
    ontvangen_op = models.DateField("ontvangen op")
    samenvatting = models.TextField("samenvatting")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="geregistreerd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "persoonlijk plan"
        verbose_name_plural = "persoonlijke plannen"
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self):
        return f"Persoonlijk plan {self.ontvangen_op:%d-%m-%Y}"


class Aanvraag(models.Model):
    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="aanvragen")
    wet = models.CharField("wet", max_length=20)
    ontvangen_op = models.DateField("ontvangen op")
    omschrijving = models.TextField("wat vraagt de inwoner aan")
    voorschot_gevraagd = models.BooleanField(
        "voorschot gevraagd", default=False, help_text="Alleen Participatiewet (art. 52)."
    )
    voorschot_verleend_op = models.DateField("voorschot verleend op", null=True, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="geregistreerd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "aanvraag"
        verbose_name_plural = "aanvragen"
        ordering = ["-ontvangen_op", "-id"]
        indexes = [models.Index(fields=["ontvangen_op"], name="aanvraag_ontvangen")]  # rapportage

    def __str__(self):
        return f"Aanvraag {self.ontvangen_op:%d-%m-%Y}"


class Besluit(models.Model):
    """A beschikking on an aanvraag (or a new one after a gegrond bezwaar)."""

    class Soort(models.TextChoices):
        TOEKENNING = "toekenning", "Toekenning"
        GEDEELTELIJK = "gedeeltelijke_toekenning", "Gedeeltelijke toekenning"
        AFWIJZING = "afwijzing", "Afwijzing"

    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="besluiten")
    aanvraag = models.ForeignKey(
        Aanvraag,
        verbose_name="aanvraag",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="besluiten",
    )
    soort = models.CharField("besluit", max_length=30, choices=Soort.choices)
    besluitdatum = models.DateField("datum besluit")
    verzonden_op = models.DateField(
        "bekendgemaakt (verzonden) op", help_text="De bezwaartermijn loopt vanaf de dag hierna."
    )
    motivering = models.TextField("motivering")
    grondslag = models.CharField("wettelijke grondslag", max_length=300)
    na_bezwaar = models.ForeignKey(
        "backoffice.Bezwaar",
        verbose_name="genomen na gegrond bezwaar",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nieuwe_besluiten",
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt = models.DateTimeField("vastgelegd", default=timezone.now)

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["-besluitdatum", "-id"]
        indexes = [models.Index(fields=["besluitdatum"], name="besluit_datum")]  # rapportage
        constraints = [
            models.CheckConstraint(condition=~Q(motivering=""), name="besluit_heeft_motivering"),
            models.CheckConstraint(
                condition=Q(verzonden_op__gte=models.F("besluitdatum")), name="besluit_verzonden_na_besluit"
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.besluitdatum:%d-%m-%Y}"


class Leveringsvorm(models.TextChoices):
    NATURA = "natura", "Zorg in natura"
    PGB = "pgb", "Persoonsgebonden budget (pgb)"


class Frequentie(models.TextChoices):
    PER_DAG = "dag", "per dag"
    PER_WEEK = "week", "per week"
    PER_MAAND = "maand", "per maand"
    PER_VIER_WEKEN = "4weken", "per 4 weken"
    TOTAAL = "totaal", "totaal binnen de looptijd"


class EindeMelder(models.TextChoices):
    """Who outside the gemeente reported the end of a voorziening."""

    AANBIEDER = "aanbieder", "Zorgaanbieder (stopbericht)"
    BRP = "brp", "BRP (overlijden)"


class VoorzieningQuerySet(models.QuerySet):
    def lopend(self, op=None):
        op = op or timezone.localdate()
        return self.filter(beeindigd_op__isnull=True, einddatum__gte=op)


class Voorziening(models.Model):
    """A granted provision (toewijzing): product, provider, volume, period."""

    casus = models.ForeignKey(
        Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="voorzieningen"
    )
    besluit = models.ForeignKey(
        Besluit, verbose_name="besluit", on_delete=models.PROTECT, related_name="voorzieningen"
    )
    product = models.ForeignKey(Product, verbose_name="product", on_delete=models.PROTECT, related_name="+")
    leveringsvorm = models.CharField(
        "leveringsvorm", max_length=10, choices=Leveringsvorm.choices, default=Leveringsvorm.NATURA
    )
    aanbieder = models.ForeignKey(
        Partner,
        verbose_name="zorgaanbieder",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="voorzieningen",
    )
    volume = models.DecimalField("volume", max_digits=9, decimal_places=2)
    eenheid = models.CharField("eenheid", max_length=10, choices=Eenheid.choices)
    frequentie = models.CharField("frequentie", max_length=10, choices=Frequentie.choices)
    startdatum = models.DateField("startdatum")
    einddatum = models.DateField("einddatum", db_index=True)
    beeindigd_op = models.DateField("vroegtijdig beëindigd op", null=True, blank=True)
    beeindigingsreden = models.CharField("reden van beëindiging", max_length=300, blank=True)
    # What the outside world reported (the provider's start and stop messages, the BRP): the end of
    # a voorziening that someone outside the gemeente reported gets one signal to the regisseur.
    gestart_op = models.DateField("gestart op (gemeld door de aanbieder)", null=True, blank=True)
    # db_default: the demo's COPY (altena.bulk) names only the columns it knows.
    einde_gemeld_door = models.CharField(
        "einde gemeld door", max_length=10, choices=EindeMelder.choices, blank=True, default="", db_default=""
    )

    objects = VoorzieningQuerySet.as_manager()

    class Meta:
        verbose_name = "voorziening"
        verbose_name_plural = "voorzieningen"
        ordering = ["startdatum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gte=models.F("startdatum")), name="voorziening_eind_na_start"
            ),
            models.CheckConstraint(condition=Q(volume__gt=0), name="voorziening_volume_positief"),
        ]
        indexes = [
            models.Index(
                fields=["einddatum"], name="voorziening_lopend_eind", condition=Q(beeindigd_op__isnull=True)
            ),
            models.Index(fields=["startdatum"], name="voorziening_start"),  # rapportage
            # The zorg_gestopt sweep: only the few ends reported from outside.
            models.Index(
                fields=["beeindigd_op"], name="voorziening_einde_gemeld", condition=~Q(einde_gemeld_door="")
            ),
        ]

    def __str__(self):
        return f"{self.product} {self.startdatum:%d-%m-%Y} t/m {self.eind:%d-%m-%Y}"

    @property
    def eind(self):
        """The real last day: the early end when stopped, otherwise the granted end date."""
        return self.beeindigd_op or self.einddatum

    @property
    def is_lopend(self) -> bool:
        return self.beeindigd_op is None and self.einddatum >= timezone.localdate()

    @property
    def omvang(self) -> str:
        volume = f"{self.volume:f}".rstrip("0").rstrip(".")
        return f"{volume} {self.get_eenheid_display()} {self.get_frequentie_display()}"


class VoorzieningMutatie(models.Model):
    """The outbox of the backoffice: a voorziening was granted, changed or ended. Written by the
    backoffice service in the transaction of the change itself, so a committed change always has
    its row; a task of the berichten app turns pending rows into toewijzingen and 301s and marks
    them done in its own transaction (docs/berichtenverkeer.md, "Outbox")."""

    class Soort(models.TextChoices):
        TOEGEKEND = "toegekend", "Toegekend"
        GEWIJZIGD = "gewijzigd", "Gewijzigd"
        BEEINDIGD = "beeindigd", "Beëindigd"

    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="+")
    voorziening = models.ForeignKey(
        Voorziening, verbose_name="voorziening", on_delete=models.CASCADE, related_name="mutaties"
    )
    soort = models.CharField("soort", max_length=10, choices=Soort.choices)
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now)
    verwerkt_op = models.DateTimeField("verwerkt op", null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField("pogingen", default=0)
    volgende_poging = models.DateTimeField("volgende poging", null=True, blank=True)
    laatste_fout = models.TextField("laatste fout", blank=True)

    class Meta:
        verbose_name = "mutatie van een voorziening"
        verbose_name_plural = "mutaties van voorzieningen"
        ordering = ["id"]
        indexes = [
            models.Index(fields=["id"], name="mutatie_open", condition=Q(verwerkt_op__isnull=True)),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} voorziening {self.voorziening_id}"
