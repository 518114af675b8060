"""Kernen (villages), teams and their werkgebied. Partners of the sociale kaart join them here."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models

postcodegebied_validator = RegexValidator(
    r"^[1-9][0-9]{3}$", "Een postcodegebied is vier cijfers, zoals 4254."
)


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


class Partner(models.Model):
    """A maatschappelijke partner in the network (the sociale kaart). Deactivated, never deleted."""

    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=30, choices=PartnerSoort.choices, db_index=True)
    gemeente = models.CharField("gemeente", max_length=100, db_index=True)
    omschrijving = models.TextField("wat biedt de partner", blank=True)
    leefgebieden = ArrayField(
        models.CharField(max_length=40), verbose_name="leefgebieden", default=list, blank=True
    )
    kernen = models.ManyToManyField(Kern, verbose_name="kernen", blank=True, related_name="partners")
    alle_kernen = models.BooleanField("werkt in alle kernen", default=False)
    adres = models.CharField("adres", max_length=200, blank=True)
    telefoon = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("website", blank=True)
    bereikbaarheid = models.CharField("openingstijden / bereikbaarheid", max_length=200, blank=True)
    agb_code = models.CharField("AGB-code", max_length=8, blank=True)
    kvk_nummer = models.CharField("KvK-nummer", max_length=8, blank=True)
    istandaarden_categorieen = ArrayField(
        models.CharField(max_length=2), verbose_name="iStandaarden-categorieën", default=list, blank=True
    )
    actief = models.BooleanField("actief", default=True, db_index=True)

    class Meta:
        verbose_name = "partner"
        verbose_name_plural = "partners"
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    @property
    def is_zorgaanbieder(self) -> bool:
        return self.soort in ZORGAANBIEDER_SOORTEN


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
