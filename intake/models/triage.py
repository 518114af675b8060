"""What triage and assessment hang on a case: referrals (Verwijzing) and ZRM scores."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from netwerk.leefgebieden import Leefgebied
from netwerk.models import Partner

from .casus import Casus


class VerwijzingQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(status__in=Verwijzing.ACTIEVE_STATUSSEN)


class Verwijzing(models.Model):
    """A referral of a case to a partner in the voorliggend veld, with the partner's feedback."""

    class Status(models.TextChoices):
        VERSTUURD = "verstuurd", "Verstuurd"
        GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
        AFGEWEZEN = "afgewezen", "Afgewezen door partner"
        AFGEROND = "afgerond", "Afgerond"

    ACTIEVE_STATUSSEN = (Status.VERSTUURD, Status.GEACCEPTEERD)
    # Which feedback may follow which status; afgewezen and afgerond are final.
    VOLGENDE_STATUSSEN = {
        Status.VERSTUURD: (Status.GEACCEPTEERD, Status.AFGEWEZEN, Status.AFGEROND),
        Status.GEACCEPTEERD: (Status.AFGEROND, Status.AFGEWEZEN),
    }

    casus = models.ForeignKey(
        Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="verwijzingen"
    )
    partner = models.ForeignKey(
        Partner, verbose_name="partner", on_delete=models.PROTECT, related_name="verwijzingen"
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.VERSTUURD)
    toelichting = models.TextField("toelichting voor de partner", blank=True)
    verstuurd_op = models.DateTimeField("verstuurd op", db_index=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="verwezen door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terugkoppeling_tekst = models.TextField("terugkoppeling van de partner", blank=True)
    terugkoppeling_datum = models.DateField("datum terugkoppeling", null=True, blank=True)
    terugkoppeling_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="terugkoppeling vastgelegd door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    afgerond_op = models.DateTimeField("afgerond op", null=True, blank=True)
    versie = models.PositiveIntegerField("versie", default=1)

    objects = VerwijzingQuerySet.as_manager()

    class Meta:
        verbose_name = "verwijzing"
        verbose_name_plural = "verwijzingen"
        ordering = ["-verstuurd_op", "-id"]
        indexes = [
            models.Index(fields=["casus", "status"], name="verwijzing_casus_status"),
            models.Index(fields=["partner", "status"], name="verwijzing_partner_status"),
        ]

    def __str__(self):
        return f"{self.casus} → {self.partner} ({self.get_status_display()})"

    @property
    def is_actief(self) -> bool:
        return self.status in self.ACTIEVE_STATUSSEN

    def volgende_statussen(self) -> tuple[str, ...]:
        return self.VOLGENDE_STATUSSEN.get(self.status, ())


ZRM_GELDIG_DAGEN = 30  # a ZRM score describes the present; older than this it is stale


class ZrmScore(models.Model):
    """One scored ZRM domain of a case, always with its reason. Only relevant domains are scored
    (necessity, AVG); there is never a full matrix."""

    class Bron(models.TextChoices):
        QUICKSCAN = "quickscan", "Quickscan aan de voordeur"
        ONDERZOEK = "onderzoek", "Onderzoek"

    class Score(models.IntegerChoices):
        ACUUT = 1, "1 – acute problematiek"
        NIET_ZELFREDZAAM = 2, "2 – niet zelfredzaam"
        BEPERKT = 3, "3 – beperkt zelfredzaam"
        VOLDOENDE = 4, "4 – voldoende zelfredzaam"
        VOLLEDIG = 5, "5 – volledig zelfredzaam"

    casus = models.ForeignKey(
        Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="zrm_scores"
    )
    domein = models.CharField("domein", max_length=40, choices=Leefgebied.choices)
    score = models.PositiveSmallIntegerField(
        "score", choices=Score.choices, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    reden = models.TextField("reden", help_text="Waarom is dit domein relevant voor de hulpvraag?")
    gescoord_op = models.DateField("gescoord op")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gescoord door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bron = models.CharField("bron", max_length=20, choices=Bron.choices, default=Bron.QUICKSCAN)

    class Meta:
        verbose_name = "ZRM-score"
        verbose_name_plural = "ZRM-scores"
        ordering = ["-gescoord_op", "domein"]
        indexes = [models.Index(fields=["casus", "gescoord_op"], name="zrm_casus_datum")]
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="zrm_score_1_tot_5"),
            models.CheckConstraint(condition=~Q(reden=""), name="zrm_score_heeft_reden"),
        ]

    def __str__(self):
        return f"{self.get_domein_display()}: {self.score}"

    @property
    def is_verouderd(self) -> bool:
        return self.gescoord_op < timezone.localdate() - timedelta(days=ZRM_GELDIG_DAGEN)
