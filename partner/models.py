"""Partner accounts: which organisation a partner's worker belongs to, the invitations that make
such accounts, and the daily summary mailed to them (claimed once a day)."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from netwerk.models import Partner


def token_hash(token: str) -> str:
    """Invitation tokens are stored as a SHA-256 hash: the database never holds a usable link."""
    return hashlib.sha256(token.encode()).hexdigest()


class MedewerkerQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(actief=True, gebruiker__is_active=True)


class PartnerMedewerker(models.Model):
    """A worker of a partner organisation with an account: sees only its organisation's referrals."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="partner_medewerker",
    )
    partner = models.ForeignKey(
        Partner, verbose_name="partnerorganisatie", on_delete=models.PROTECT, related_name="medewerkers"
    )
    actief = models.BooleanField("actief", default=True)
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now)

    objects = MedewerkerQuerySet.as_manager()

    class Meta:
        verbose_name = "partnermedewerker"
        verbose_name_plural = "partnermedewerkers"
        ordering = ["partner", "gebruiker__username"]

    def __str__(self):
        return f"{self.gebruiker} ({self.partner})"


class Uitnodiging(models.Model):
    """An invitation by e-mail with a one-time, expiring link to set up a partner account."""

    partner = models.ForeignKey(
        Partner, verbose_name="partnerorganisatie", on_delete=models.CASCADE, related_name="uitnodigingen"
    )
    email = models.EmailField("e-mailadres")
    voornaam = models.CharField("voornaam", max_length=150, blank=True)
    achternaam = models.CharField("achternaam", max_length=150, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    verloopt_op = models.DateTimeField("verloopt op", editable=False)
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="uitgenodigd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now, editable=False)
    gebruikt_op = models.DateTimeField("gebruikt op", null=True, blank=True, editable=False)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangemaakt account",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = "uitnodiging partneraccount"
        verbose_name_plural = "uitnodigingen partneraccounts"
        ordering = ["-aangemaakt"]

    def __str__(self):
        return f"{self.email} ({self.partner})"

    @property
    def is_verlopen(self) -> bool:
        return self.verloopt_op <= timezone.now()

    @property
    def is_gebruikt(self) -> bool:
        return self.gebruikt_op is not None


class PartnerDagoverzicht(models.Model):
    """The claim of one day's summary mail for one partner worker: at most one per day."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    datum = models.DateField("datum")
    aantal = models.PositiveIntegerField("open verwijzingen", default=0)
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)

    class Meta:
        verbose_name = "dagoverzicht partner"
        verbose_name_plural = "dagoverzichten partners"
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "datum"], name="partner_dagoverzicht_een_per_dag")
        ]

    def __str__(self):
        return f"{self.gebruiker} {self.datum:%d-%m-%Y}"
