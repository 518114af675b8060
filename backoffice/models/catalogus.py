"""Reference data a beheerder keeps in admin: the product catalogue and the decreed feestdagen."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from intake.models import Wet
from netwerk.istandaarden import IStandaardCategorie

# One list of the iStandaarden categories for the whole project (partners declare them too).
Categorie = IStandaardCategorie

WMO_CATEGORIEEN = frozenset(f"{n:02d}" for n in range(1, 19))
JEUGD_CATEGORIEEN = frozenset(str(n) for n in range(40, 56))


class Eenheid(models.TextChoices):
    MINUUT = "minuut", "minuut"
    UUR = "uur", "uur"
    DAGDEEL = "dagdeel", "dagdeel"
    DAG = "dag", "dag"
    ETMAAL = "etmaal", "etmaal"
    STUK = "stuk", "stuk"
    EURO = "euro", "euro"


class ProductQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(actief=True)

    def voor_wet(self, wet: str):
        return self.filter(wet=wet)


class Product(models.Model):
    """A maatwerk product of the catalogue. Wmo and Jeugd products carry their iStandaarden
    category and product code; Participatiewet products have none."""

    wet = models.CharField("wet", max_length=20, choices=Wet.choices, db_index=True)
    naam = models.CharField("naam", max_length=150)
    categorie = models.CharField(
        "iStandaarden-categorie", max_length=2, choices=Categorie.choices, blank=True
    )
    productcode = models.CharField(
        "productcode", max_length=5, blank=True, help_text="De code binnen de categorie, bijv. 02A01."
    )
    eenheid = models.CharField("standaard eenheid", max_length=10, choices=Eenheid.choices)
    actief = models.BooleanField("actief", default=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "productcatalogus"
        ordering = ["wet", "categorie", "productcode", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["wet", "naam"], name="product_naam_uniek_per_wet"),
            models.CheckConstraint(
                condition=Q(wet="participatiewet") | ~Q(categorie=""),
                name="product_istandaard_heeft_categorie",
            ),
        ]

    def __str__(self):
        if self.categorie:
            return f"{self.naam} ({self.categorie} {self.productcode})".replace(" )", ")")
        return self.naam

    def clean(self):
        errors = {}
        if self.wet == Wet.WMO and self.categorie not in WMO_CATEGORIEEN:
            errors["categorie"] = "Een Wmo-product hoort in een Wmo-categorie (01 tot en met 18)."
        elif self.wet == Wet.JEUGDWET and self.categorie not in JEUGD_CATEGORIEEN:
            errors["categorie"] = "Een Jeugdwet-product hoort in een Jeugd-categorie (40 tot en met 55)."
        elif self.wet == Wet.PARTICIPATIEWET and self.categorie:
            errors["categorie"] = "Participatiewet-producten vallen niet onder de iStandaarden."
        if self.productcode and self.categorie and not self.productcode.startswith(self.categorie):
            errors["productcode"] = "De productcode begint met de code van de categorie."
        if errors:
            raise ValidationError(errors)


class Feestdag(models.Model):
    """A day gelijkgesteld with an algemeen erkende feestdag by decree (Algemene termijnenwet
    art. 3 lid 3). The Atw's own feestdagen are computed by law in ``backoffice.termijnen``."""

    datum = models.DateField("datum", unique=True)
    omschrijving = models.CharField("omschrijving", max_length=100)
    grondslag = models.CharField(
        "grondslag", max_length=200, help_text="Het besluit en de Staatscourant waarin de dag is geregeld."
    )

    class Meta:
        verbose_name = "gelijkgestelde feestdag"
        verbose_name_plural = "gelijkgestelde feestdagen (Algemene termijnenwet)"
        ordering = ["datum"]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"
