"""Signals (reminders and escalations), their admin-editable rules and the e-mail digests.

A ``Signaal`` is made only by a sweep (``signalen.sweeps``), in set-based SQL, and its unique key
(rule, case, subject, reference date, repetition, target) is enforced by the database: a second
beat, a retried task or a worker killed halfway can never make it twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from intake.models import Casus
from netwerk.models import Team


class SignaalSoort(models.TextChoices):
    """The kinds of signal; one sweep per kind (see ``signalen.sweeps``)."""

    TERMIJN_NADERT = "termijn_nadert", "Wettelijke termijn nadert"
    TERMIJN_VERSTREKEN = "termijn_verstreken", "Wettelijke termijn overschreden"
    MELDING_NIET_TOEGEWEZEN = "melding_niet_toegewezen", "Melding niet toegewezen"
    CRISIS_NIET_OPGEPAKT = "crisis_niet_opgepakt", "Crisis niet opgepakt"
    VERWIJZING_ZONDER_TERUGKOPPELING = "verwijzing_zonder_terugkoppeling", "Opschalen naar maatwerk?"
    VOORZIENING_EINDIGT = "voorziening_eindigt", "Herbeoordelen of afschalen?"
    BEZWAAR_NADERT = "bezwaar_nadert", "Beslistermijn bezwaar nadert"
    BEZWAAR_VERSTREKEN = "bezwaar_verstreken", "Beslistermijn bezwaar overschreden"
    # The network leg: what partners do (or fail to do) with a referral.
    VERWIJZING_NIET_GEACCEPTEERD = "verwijzing_niet_geaccepteerd", "Verwijzing niet geaccepteerd"
    VERWIJZING_AFGEWEZEN = "verwijzing_afgewezen", "Verwijzing afgewezen door partner"
    PARTNER_OPSCHALING = "partner_opschaling", "Partner vraagt opschaling"
    PARTNER_TERUGKOPPELING = "partner_terugkoppeling", "Terugkoppeling van partner"
    # Berichtenverkeer iWmo/iJw (rules over the berichten app's tables).
    VERZOEK_ONTVANGEN = "verzoek_ontvangen", "Verzoek van zorgaanbieder"
    RETOUR_MET_FOUTEN = "retour_met_fouten", "Retourbericht met fouten"
    GEEN_STARTBERICHT = "geen_startbericht", "Geen startbericht van aanbieder"
    # One per end of a voorziening reported from outside (a 307, the BRP): see backoffice.services.melding.
    ZORG_GESTOPT = "zorg_gestopt", "Zorg gestopt"


# Escalations: what the teamleider sees on the dashboard.
ESCALATIES = (
    SignaalSoort.TERMIJN_VERSTREKEN,
    SignaalSoort.MELDING_NIET_TOEGEWEZEN,
    SignaalSoort.CRISIS_NIET_OPGEPAKT,
    SignaalSoort.BEZWAAR_VERSTREKEN,
)


class DrempelEenheid(models.TextChoices):
    WERKDAGEN = "werkdagen", "werkdagen"
    DAGEN = "dagen", "kalenderdagen"
    UREN = "uren", "uren"
    WEKEN = "weken", "weken"


class SignaalRegel(models.Model):
    """The threshold of one rule, kept by the beheerder in admin (seeded by migration 0002)."""

    code = models.CharField("regel", max_length=40, choices=SignaalSoort.choices, unique=True)
    drempel = models.PositiveIntegerField(
        "drempel", help_text="Hoeveel (in de eenheid hiernaast) voor of na het moment het signaal komt."
    )
    eenheid = models.CharField("eenheid", max_length=10, choices=DrempelEenheid.choices, editable=False)
    herhalen_na_dagen = models.PositiveIntegerField(
        "herhalen na (dagen)",
        default=0,
        help_text="Alleen bij overschrijding: opnieuw signaleren zolang de termijn overschreden blijft. "
        "0 is niet herhalen.",
    )
    actief = models.BooleanField("actief", default=True)
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "signaalregel"
        verbose_name_plural = "signaalregels"
        ordering = ["code"]

    def __str__(self):
        return f"{self.get_code_display()} ({self.drempel} {self.get_eenheid_display()})"


class Doel(models.TextChoices):
    """For whom a signal is meant: part of the unique key, so a reassigned case makes no duplicate."""

    PERSOON = "persoon", "Behandelaar of regisseur"
    TEAMLEIDER = "teamleider", "Teamleider"


class SignaalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(afgehandeld_op__isnull=True)

    def inbox_volgorde(self):
        """Open signals first (newest first), then the handled ones, last handled first."""
        return self.order_by(models.F("afgehandeld_op").desc(nulls_first=True), "-aangemaakt", "-id")


class Signaal(models.Model):
    """One reminder or escalation about one case, for a person or for the teamleiders of a team."""

    regel = models.CharField("soort", max_length=40, choices=SignaalSoort.choices)
    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="signalen")
    doel = models.CharField("bedoeld voor", max_length=12, choices=Doel.choices)
    onderwerp = models.CharField(
        "onderwerp", max_length=60, help_text="Waar het signaal over gaat, bijv. 'termijn:12' of 'melding'."
    )
    peildatum = models.DateField(
        "datum", help_text="De termijn of de gebeurtenis waar het signaal over gaat."
    )
    herhaling = models.PositiveSmallIntegerField("herhaling", default=0)
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ontvanger",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signalen",
    )
    team = models.ForeignKey(
        Team,
        verbose_name="team (teamleiders)",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signalen",
    )
    tekst = models.CharField("tekst", max_length=300)
    aangemaakt = models.DateTimeField("aangemaakt")
    gelezen_op = models.DateTimeField("gelezen op", null=True, blank=True)
    gelezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gelezen door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    afgehandeld_op = models.DateTimeField("afgehandeld op", null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="afgehandeld door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SignaalQuerySet.as_manager()

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["-aangemaakt", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["casus", "regel", "onderwerp", "peildatum", "herhaling", "doel"],
                name="signaal_uniek",
            ),
            models.CheckConstraint(
                condition=(Q(ontvanger__isnull=False) & Q(team__isnull=True))
                | (Q(ontvanger__isnull=True) & Q(team__isnull=False)),
                name="signaal_een_ontvanger",
            ),
        ]
        indexes = [
            # The inbox: per recipient, open first (DESC puts NULL first in PostgreSQL), newest first.
            # The id is part of it: one sweep stamps thousands of signals with the same moment, and
            # without it PostgreSQL sorts that whole group to show a page of 25.
            models.Index(
                fields=["ontvanger", "-afgehandeld_op", "-aangemaakt", "-id"], name="signaal_inbox_ontvanger"
            ),
            models.Index(
                fields=["team", "-afgehandeld_op", "-aangemaakt", "-id"], name="signaal_inbox_teams"
            ),
        ]

    def __str__(self):
        return f"{self.get_regel_display()}: {self.casus_id} ({self.peildatum:%d-%m-%Y})"

    def get_absolute_url(self):
        return reverse("signalen:openen", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.afgehandeld_op is None

    @property
    def is_escalatie(self) -> bool:
        return self.regel in ESCALATIES


class Voorkeur(models.Model):
    """A staff member's wish for the daily e-mail digest of new signals."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="medewerker", on_delete=models.CASCADE, related_name="+"
    )
    dagelijkse_mail = models.BooleanField(
        "dagelijks een overzicht van nieuwe signalen per e-mail", default=False
    )

    class Meta:
        verbose_name = "signaalvoorkeur"
        verbose_name_plural = "signaalvoorkeuren"

    def __str__(self):
        return f"{self.gebruiker}: {'dagelijkse mail' if self.dagelijkse_mail else 'geen mail'}"


class Dagoverzicht(models.Model):
    """One daily digest for one recipient: at most one per day (unique), and each signal goes into
    at most one digest per recipient (``DagoverzichtSignaal``), so none is ever mailed twice."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="ontvanger", on_delete=models.CASCADE, related_name="+"
    )
    datum = models.DateField("datum")
    aangemaakt = models.DateTimeField("aangemaakt")
    aantal = models.PositiveIntegerField("aantal signalen", default=0)
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)

    class Meta:
        verbose_name = "dagoverzicht"
        verbose_name_plural = "dagoverzichten"
        ordering = ["-datum", "ontvanger"]
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "datum"], name="dagoverzicht_een_per_dag")
        ]

    def __str__(self):
        return f"{self.ontvanger} {self.datum:%d-%m-%Y} ({self.aantal})"


class DagoverzichtSignaal(models.Model):
    dagoverzicht = models.ForeignKey(Dagoverzicht, on_delete=models.CASCADE, related_name="regels")
    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "signaal in dagoverzicht"
        verbose_name_plural = "signalen in dagoverzichten"
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "signaal"], name="dagoverzicht_signaal_eenmaal")
        ]

    def __str__(self):
        return f"{self.dagoverzicht_id}: {self.signaal_id}"
