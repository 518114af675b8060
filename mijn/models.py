"""Mijn Toegang's own records: the privacy officer's choice per gemeente whether staff names are
shown to inwoners, and the inwoner's answers to a request for information."""

from django.db import models
from django.utils import timezone

from intake.models import Casus


class Portaalinstelling(models.Model):
    """Per gemeente (the controller): what the inwoner sees of staff in "Wie keek in mijn dossier"
    and as contact. Set by the privacy officer in the admin."""

    gemeente = models.CharField("gemeente", max_length=100, unique=True)
    namen_tonen = models.BooleanField(
        "voornaam van medewerkers tonen",
        default=False,
        help_text="Uit: de inwoner ziet alleen team of organisatie en rol. Aan: ook de voornaam.",
    )
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    class Meta:
        verbose_name = "instelling Mijn Toegang"
        verbose_name_plural = "instellingen Mijn Toegang"
        ordering = ["gemeente"]

    def __str__(self):
        return f"Mijn Toegang {self.gemeente}"

    @classmethod
    def namen_zichtbaar(cls, gemeente: str) -> bool:
        return cls.objects.filter(gemeente=gemeente, namen_tonen=True).exists()


class InformatieAntwoord(models.Model):
    """The inwoner's answer, through Mijn Toegang, to a request for information that suspended a
    legal term (opschorting). The consultant resumes the term; the answer is on the case's timeline."""

    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="+")
    opschorting = models.ForeignKey(
        "backoffice.Opschorting", verbose_name="opschorting", on_delete=models.CASCADE, related_name="+"
    )
    tekst = models.TextField("antwoord")
    document = models.ForeignKey(
        "documenten.CasusDocument",
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ingediend_op = models.DateTimeField("ingediend op", default=timezone.now)

    class Meta:
        verbose_name = "antwoord van de inwoner"
        verbose_name_plural = "antwoorden van inwoners"
        ordering = ["-ingediend_op", "-id"]

    def __str__(self):
        return f"Antwoord op {self.casus.nummer} ({self.ingediend_op:%d-%m-%Y})"
