"""A letter sent on a case: its PDF stored once with a checksum, its bekendmaking, and, for a
besluit, the last day for a bezwaar. Never changed (a trigger refuses UPDATE); a correction is a
new letter that names the one it replaces."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from intake.models import Casus

from .opslag import brief_pad
from .sjabloon import BriefSjabloonVersie, BriefSoort


class Kanaal(models.TextChoices):
    POST = "post", "Post"
    EMAIL = "email", "E-mail"
    PORTAAL = "portaal", "Portaal"


class Brief(models.Model):
    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="brieven")
    soort = models.CharField("soort brief", max_length=30, choices=BriefSoort.choices)
    sleutel = models.CharField(
        "waarover", max_length=60, help_text="Het record waar de brief over gaat, bijv. besluit:12."
    )
    besluit = models.ForeignKey(
        "backoffice.Besluit",
        verbose_name="besluit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="brieven",
    )
    sjabloon_versie = models.ForeignKey(
        BriefSjabloonVersie, verbose_name="sjabloonversie", on_delete=models.PROTECT, related_name="brieven"
    )
    vervangt = models.OneToOneField(
        "self",
        verbose_name="vervangt de brief",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vervangen_door",
    )
    onderwerp = models.CharField("onderwerp", max_length=250)
    vrije_tekst = models.TextField("vrije tekst", blank=True)
    bestand = models.FileField("PDF", upload_to=brief_pad, max_length=200)
    sha256 = models.CharField("SHA-256", max_length=64)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    verzonden_op = models.DateField("bekendgemaakt (verzonden) op")
    kanaal = models.CharField("kanaal", max_length=10, choices=Kanaal.choices)
    einde_bezwaartermijn = models.DateField("laatste dag voor bezwaar of beroep", null=True, blank=True)
    termijn_regel = models.TextField("berekening van de termijn", blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="verzonden door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt = models.DateTimeField("vastgelegd", default=timezone.now)
    # Retention (issue 21): the PDF and the free text are destroyed when the case's term has passed;
    # the register keeps that a letter was sent, when, and its hash. The only UPDATE the trigger allows.
    vernietigd_op = models.DateTimeField("PDF vernietigd op", null=True, blank=True)

    class Meta:
        verbose_name = "brief"
        verbose_name_plural = "brieven"
        ordering = ["-verzonden_op", "-id"]
        constraints = [
            # Two consultants confirming the same letter at once make one letter.
            models.UniqueConstraint(
                fields=["sleutel"], condition=Q(vervangt__isnull=True), name="brief_een_per_onderwerp"
            ),
        ]
        indexes = [models.Index(fields=["casus", "verzonden_op"], name="brief_casus_datum")]

    def __str__(self):
        return f"{self.get_soort_display()} {self.verzonden_op:%d-%m-%Y}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Een verzonden brief kan niet worden gewijzigd; maak een correctie.")
        super().save(*args, **kwargs)

    @property
    def object_id(self) -> int:
        """The id of the record the letter is about (the last part of ``sleutel``)."""
        return int(self.sleutel.rsplit(":", 1)[1])

    @property
    def bestandsnaam(self) -> str:
        return f"{self.soort}-{self.casus.nummer}-{self.verzonden_op:%Y%m%d}.pdf"
