"""Summary tables of the teamleider's dashboard (the app owns nothing else).

The dashboard's figures over a million cases cannot be counted within 100 ms on every page view, so a
Celery beat task (``rapportage.tasks.dashboard_verversen``, static schedule in settings) counts them
into these tables at a finer grain than any page shows: per scope group (team, behandelaar,
regisseur, kern, gemeente: the fields ``Casus.objects.zichtbaar_voor`` decides on). Every case belongs to
exactly one scope group, so the page adds the groups the user may see, also for distinct counts.
``Stand`` says when the tables were counted; the page shows it. See docs/rapportage.md.
"""

from django.conf import settings
from django.db import models


class Stand(models.Model):
    """When a summary was counted, for which day and with which referral threshold."""

    naam = models.CharField("naam", max_length=30, unique=True)
    berekend_op = models.DateTimeField("berekend op")
    peildatum = models.DateField("peildatum")
    wacht_weken = models.PositiveIntegerField("drempel verwijzingen (weken)")
    duur = models.FloatField("duur van de berekening (s)")

    class Meta:
        verbose_name = "stand"
        verbose_name_plural = "standen"

    def __str__(self):
        return f"{self.naam} {self.berekend_op:%Y-%m-%d %H:%M}"


def _fk(model, **kwargs):
    # No database constraint: a summary row never blocks deleting a case, user or team.
    return models.ForeignKey(
        model, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", **kwargs
    )


class ScopeGroep(models.Model):
    team = _fk("netwerk.Team")
    behandelaar = _fk(settings.AUTH_USER_MODEL)
    regisseur = _fk(settings.AUTH_USER_MODEL)
    kern = _fk("netwerk.Kern")
    gemeente = models.CharField(max_length=100, blank=True, default="")
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{type(self).__name__} {self.aantal}"


class OpenCasusTelling(ScopeGroep):
    """Open cases per scope group, law, fase, crisis, term and referral state and age class."""

    wet = models.CharField(max_length=20)
    fase = models.CharField(max_length=20)
    crisis = models.BooleanField()
    verstreken = models.BooleanField()
    binnen_7 = models.BooleanField()
    wachtend = models.BooleanField()
    leeftijd = models.SmallIntegerField(null=True)  # index in intake.stromen.LEEFTIJDSKLASSEN


class StroomTelling(ScopeGroep):
    """Distinct cases per scope group, ISO week and flow (``nieuw`` or a key of intake.stromen.STROMEN)."""

    week = models.DateField()
    stroom = models.CharField(max_length=30)


class VerwijzingTelling(ScopeGroep):
    """Distinct cases per scope group and partner kind with a referral (of each outcome) in the 12 weeks."""

    partner_soort = models.CharField(max_length=30)
    geaccepteerd = models.PositiveIntegerField(default=0)
    afgewezen = models.PositiveIntegerField(default=0)
    opgeschaald = models.PositiveIntegerField(default=0)
    open = models.PositiveIntegerField(default=0)


class RaadTelling(models.Model):
    """The raad report's additive counts per local day, current gemeente of the case, kern at the
    time (rapportage.raad_queries.kern_op), key (law or partner kind), measure and lead time in days
    (besluiten). A period's figure is the sum of its days: see rapportage.raad_stand."""

    dag = models.DateField()
    gemeente = models.CharField(max_length=100)
    kern_id = models.IntegerField(null=True)
    sleutel = models.CharField(max_length=30, blank=True)
    maat = models.CharField(max_length=30)
    dagen = models.IntegerField(null=True)
    aantal = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["gemeente", "dag"],
                include=["maat", "kern_id", "sleutel", "dagen", "aantal"],
                name="raadtelling_periode",
            )
        ]

    def __str__(self):
        return f"{self.dag} {self.maat} {self.aantal}"


class VoorzieningRegel(models.Model):
    """Every voorziening with what the raad report needs of it and nothing personal (the household
    is an opaque key), so the stock figures on a date need no joins."""

    gemeente = models.CharField(max_length=100)
    startdatum = models.DateField()
    eind = models.DateField()
    categorie = models.CharField(max_length=10, blank=True)
    leveringsvorm = models.CharField(max_length=20)
    wet = models.CharField(max_length=20)
    huishouden = models.BigIntegerField()  # the household id, or minus the inwoner id without one

    class Meta:
        indexes = [
            models.Index(fields=["gemeente", "startdatum"], name="voorzieningregel_start"),
            # The ended ones of a period by index, not by a scan of the whole history.
            models.Index(fields=["gemeente", "eind"], name="voorzieningregel_eind"),
        ]

    def __str__(self):
        return f"{self.categorie} {self.startdatum} - {self.eind}"


class VoorzieningStand(models.Model):
    """The stock figures of the raad report on one reference date (every month's last day up to the
    count): voorzieningen running that day per category and per leveringsvorm, and households by
    the number of laws of their running voorzieningen (``soort`` "stapeling", ``sleutel`` een, twee
    or drie). Counting them on every view scans every voorziening that ever started before the date,
    which grows with the history; a period ends on a month's last day, so the page reads them here."""

    peildatum = models.DateField()
    gemeente = models.CharField(max_length=100)
    soort = models.CharField(max_length=20)  # categorie, leveringsvorm or stapeling
    sleutel = models.CharField(max_length=20, blank=True)
    aantal = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["gemeente", "peildatum"],
                include=["soort", "sleutel", "aantal"],
                name="voorzieningstand_dag",
            )
        ]

    def __str__(self):
        return f"{self.peildatum} {self.soort} {self.sleutel} {self.aantal}"


class CbsControle(models.Model):
    """The last check of one half year's CBS delivery for one gemeente: how many records, and what
    cannot be delivered (counts per reason and the first rows the page shows). Checking reads every
    Jeugdwet trajectory of the half year (a second at a city's scale), so the page shows the check
    of the day and checks again on request; the downloaded file is always made afresh."""

    gemeente = models.CharField(max_length=100)
    van = models.DateField()
    tot = models.DateField()
    aantal = models.PositiveIntegerField()
    uitval_aantal = models.PositiveIntegerField()
    uitval_per_reden = models.JSONField(default=list)  # [[reden, aantal], ...], most first
    uitval_eerste = models.JSONField(default=list)  # [[casusnummer, product, reden], ...]
    berekend_op = models.DateTimeField()

    class Meta:
        verbose_name = "CBS-controle"
        verbose_name_plural = "CBS-controles"
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "van", "tot"], name="cbscontrole_per_halfjaar")
        ]

    def __str__(self):
        return f"{self.gemeente} {self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y}"
