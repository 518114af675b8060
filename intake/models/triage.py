"""What triage and assessment hang on a case: referrals (Verwijzing) and ZRM scores."""

from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from netwerk.leefgebieden import Leefgebied
from netwerk.models import Partner

from .casus import Casus

# The partner portal's first sort key: referrals waiting for acceptance before accepted ones. One
# expression for the query (partner.selectors.overzicht) and its index, so PostgreSQL matches them.
PORTAAL_WACHT_EERST = models.Case(
    models.When(status="verstuurd", then=models.Value(0)), default=models.Value(1),
    output_field=models.IntegerField(),
)  # fmt: skip


class GedeeldGegeven(models.TextChoices):
    """What the inwoner consented to share with the partner of one referral (the consent's scope).

    The BSN, other cases and the maatwerk history are never among them: no choice can share them.
    """

    NAAM = "naam", "Naam"
    KERN = "kern", "Woonkern"
    ADRES = "adres", "Adres"
    TELEFOON = "telefoon", "Telefoonnummer"
    EMAIL = "email", "E-mailadres"
    GEBOORTEDATUM = "geboortedatum", "Geboortedatum"
    HULPVRAAG = "hulpvraag", "Hulpvraag (in de woorden van de inwoner)"
    LEEFGEBIEDEN = "leefgebieden", "Leefgebieden"


# What a referral shares unless the desk worker narrows it with the inwoner.
STANDAARD_GEDEELD = [
    GedeeldGegeven.NAAM,
    GedeeldGegeven.KERN,
    GedeeldGegeven.TELEFOON,
    GedeeldGegeven.EMAIL,
    GedeeldGegeven.HULPVRAAG,
]
CONTACT_GEGEVENS = (GedeeldGegeven.ADRES, GedeeldGegeven.TELEFOON, GedeeldGegeven.EMAIL)


class Uitkomst(models.TextChoices):
    """How a partner closed a referral."""

    DOEL_BEREIKT = "doel_bereikt", "Doel bereikt"
    INGETROKKEN = "ingetrokken", "Inwoner trok zich terug"
    MEER_NODIG = "meer_nodig", "Meer nodig dan wij kunnen bieden"


class VerwijzingQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(status__in=Verwijzing.ACTIEVE_STATUSSEN)

    def voor_partner(self, partner_id):
        """The referrals addressed to one partner organisation: the only ones its workers see."""
        if partner_id is None:
            return self.none()
        return self.filter(partner_id=partner_id)


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
    # The consent's scope at the moment of referral: which fields the partner may see.
    gedeelde_gegevens = ArrayField(
        models.CharField(max_length=20, choices=GedeeldGegeven.choices),
        verbose_name="gedeelde gegevens (toestemming)",
        default=list,
        db_default=RawSQL("'{}'::varchar(20)[]", ()),
        blank=True,
    )
    # The partner's own answers (partner portal) or as recorded by staff.
    geaccepteerd_op = models.DateTimeField("geaccepteerd op", null=True, blank=True)
    eerste_contact_op = models.DateField("eerste contact op", null=True, blank=True)
    # Database defaults too, so bulk loaders (seed_demo's INSERT ... SELECT) need not name them.
    uitkomst = models.CharField(
        "uitkomst", max_length=20, choices=Uitkomst.choices, blank=True, default="", db_default=""
    )
    opschaling_gevraagd_op = models.DateTimeField("opschaling gevraagd op", null=True, blank=True)
    opschaling_reden = models.TextField("reden opschaling (partner)", blank=True, default="", db_default="")
    versie = models.PositiveIntegerField("versie", default=1)

    objects = VerwijzingQuerySet.as_manager()

    class Meta:
        verbose_name = "verwijzing"
        verbose_name_plural = "verwijzingen"
        ordering = ["-verstuurd_op", "-id"]
        indexes = [
            models.Index(fields=["casus", "status"], name="verwijzing_casus_status"),
            models.Index(fields=["partner", "status"], name="verwijzing_partner_status"),
            # The partner portal's list in its own order (waiting first, newest first), so a page
            # of 25 reads about 25 referrals instead of sorting every open one of the partner.
            models.Index(
                "partner",
                PORTAAL_WACHT_EERST,
                models.F("verstuurd_op").desc(),
                models.F("id").desc(),
                condition=Q(status__in=["verstuurd", "geaccepteerd"]),
                name="verwijzing_portaal_volgorde",
            ),
        ]

    def __str__(self):
        return f"{self.casus} → {self.partner} ({self.get_status_display()})"

    @property
    def is_actief(self) -> bool:
        return self.status in self.ACTIEVE_STATUSSEN

    @property
    def is_nieuw(self) -> bool:
        """Sent, and not yet accepted or refused by the partner."""
        return self.status == self.Status.VERSTUURD

    def volgende_statussen(self) -> tuple[str, ...]:
        return self.VOLGENDE_STATUSSEN.get(self.status, ())

    def deelt(self, gegeven: str) -> bool:
        return gegeven in (self.gedeelde_gegevens or [])

    @property
    def gedeelde_labels(self) -> list[str]:
        return [GedeeldGegeven(g).label for g in self.gedeelde_gegevens or [] if g in GedeeldGegeven.values]


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
