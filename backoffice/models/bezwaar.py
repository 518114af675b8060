"""A bezwaar (objection) against a besluit. It runs beside the case's fase, not in it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from intake.models import Casus

from .maatwerk import Besluit


class Bezwaar(models.Model):
    class Uitkomst(models.TextChoices):
        GEGROND = "gegrond", "Gegrond"
        ONGEGROND = "ongegrond", "Ongegrond"
        NIET_ONTVANKELIJK = "niet_ontvankelijk", "Niet-ontvankelijk"
        INGETROKKEN = "ingetrokken", "Ingetrokken"

    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="bezwaren")
    besluit = models.ForeignKey(
        Besluit, verbose_name="besluit", on_delete=models.PROTECT, related_name="bezwaren"
    )
    ontvangen_op = models.DateField("ontvangen op")
    einde_bezwaartermijn = models.DateField("einde bezwaartermijn")
    te_laat = models.BooleanField("te laat ingediend", default=False)
    adviescommissie = models.BooleanField("advies van een bezwaarcommissie", default=False)
    gronden = models.TextField("gronden van het bezwaar", blank=True)
    uitkomst = models.CharField("uitkomst", max_length=20, choices=Uitkomst.choices, blank=True)
    beslist_op = models.DateField("beslist op", null=True, blank=True)
    toelichting_beslissing = models.TextField("toelichting op de beslissing", blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="geregistreerd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt = models.DateTimeField("geregistreerd", default=timezone.now)

    class Meta:
        verbose_name = "bezwaar"
        verbose_name_plural = "bezwaren"
        ordering = ["-ontvangen_op", "-id"]
        indexes = [models.Index(fields=["uitkomst", "ontvangen_op"], name="bezwaar_uitkomst")]

    def __str__(self):
        return f"Bezwaar {self.ontvangen_op:%d-%m-%Y}"

    @property
    def is_gegrond(self) -> bool:
        return self.uitkomst == self.Uitkomst.GEGROND

    @property
    def is_open(self) -> bool:
        return not self.uitkomst
