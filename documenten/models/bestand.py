"""A file on a case (a doctor's letter, an ID copy, a signed plan). Deleted only by marking: the
file stays until the case's retention period ends."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from intake.models import Casus

from .opslag import document_pad


class DocumentType(models.TextChoices):
    MEDISCH_ADVIES = "medisch_advies", "Medisch advies"
    IDENTITEITSBEWIJS = "identiteitsbewijs", "Identiteitsbewijs"
    PLAN = "plan", "Plan"
    VERSLAG = "verslag", "Verslag"
    CORRESPONDENTIE = "correspondentie", "Correspondentie"
    OVERIG = "overig", "Overig"


class CasusDocumentQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(verwijderd_op__isnull=True)


class CasusDocument(models.Model):
    casus = models.ForeignKey(
        Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="documenten"
    )
    documenttype = models.CharField("documenttype", max_length=20, choices=DocumentType.choices)
    omschrijving = models.CharField("omschrijving", max_length=300)
    bestandsnaam = models.CharField("bestandsnaam", max_length=160)
    bestand = models.FileField("bestand", upload_to=document_pad, max_length=200)
    content_type = models.CharField("bestandstype", max_length=120)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField("SHA-256", max_length=64)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="toegevoegd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    toegevoegd_op = models.DateTimeField("toegevoegd op", default=timezone.now)
    verwijderd_op = models.DateTimeField("verwijderd op", null=True, blank=True)
    verwijderd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="verwijderd door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verwijderreden = models.CharField("reden van verwijderen", max_length=300, blank=True)

    objects = CasusDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "casusdocument"
        verbose_name_plural = "casusdocumenten"
        ordering = ["-toegevoegd_op", "-id"]
        indexes = [
            models.Index(
                fields=["casus", "toegevoegd_op"],
                name="casusdocument_actief",
                condition=Q(verwijderd_op__isnull=True),
            )
        ]

    def __str__(self):
        return self.bestandsnaam
