"""The shared case model (Casus), its numbering and its append-only timeline."""

import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce

from netwerk.leefgebieden import Leefgebied
from netwerk.models import Kern, Team

from ..workflow import MAATWERK_FASEN, OPEN_FASEN, Fase, Route
from .inwoner import Huishouden, Inwoner


class Wet(models.TextChoices):
    WMO = "wmo", "Wmo 2015"
    JEUGDWET = "jeugdwet", "Jeugdwet"
    PARTICIPATIEWET = "participatiewet", "Participatiewet"


class Kanaal(models.TextChoices):
    BALIE = "balie", "Balie"
    TELEFOON = "telefoon", "Telefoon"
    EMAIL = "email", "E-mail"
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    VIA_PARTNER = "via_partner", "Via partner"
    # The inwoner's own melding through the portal (mijn app); the front door's queue shows it.
    MIJN_TOEGANG = "mijn_toegang", "Via Mijn Toegang"


class Verwijzer(models.TextChoices):
    ZELF = "zelf", "Inwoner zelf"
    HUISARTS = "huisarts", "Huisarts"
    SCHOOL = "school", "School"
    WIJKAGENT = "wijkagent", "Wijkagent"
    PARTNER = "partner", "Partner uit de sociale kaart"
    ANDERS = "anders", "Anders"


class Urgentie(models.TextChoices):
    NORMAAL = "normaal", "Normaal"
    HOOG = "hoog", "Hoog"


# The orders of the two work queues as ascending keys (keyset pagination, altena.pagination), each
# with an index on exactly these expressions (Casus.Meta): PostgreSQL walks the index in order.
CRISIS_EERST = Case(When(crisis=True, then=Value(0)), default=Value(1))
TRIAGE_EERST = Case(When(fase=Fase.AANGEMELD, then=Value(0)), default=Value(1))
GEEN_TERMIJN = datetime.date(9999, 12, 31)
TERMIJN_EERST = Coalesce(F("eerste_termijn"), Value(GEEN_TERMIJN))
# Front door: crisis first, then what still waits for triage (aangemeld), then the oldest.
VOORDEUR_VOLGORDE = (CRISIS_EERST, TRIAGE_EERST, F("aangemaakt"))
# Maatwerk, by what needs action: a crisis not yet in zorg, then the nearest legal deadline (a passed
# one first), then a melding nobody has taken, then the oldest. A crisis case already in zorg with
# no running term no longer tops the queue.
CRISIS_ZONDER_ZORG_EERST = Case(When(Q(crisis=True) & ~Q(fase=Fase.IN_ZORG), then=Value(0)), default=Value(1))
ONTOEGEWEZEN_EERST = Case(
    When(Q(fase=Fase.MELDING, behandelaar__isnull=True), then=Value(0)), default=Value(1)
)
MAATWERK_VOLGORDE = (CRISIS_ZONDER_ZORG_EERST, TERMIJN_EERST, ONTOEGEWEZEN_EERST, F("aangemaakt"))


class CasusQuerySet(models.QuerySet):
    def open(self):
        return self.filter(fase__in=OPEN_FASEN)

    def zichtbaar_voor(self, user):
        """The cases a user may see, by the one scope rule (``intake.scope.casus_scope``)."""
        from ..scope import casus_scope

        scope = casus_scope(user)
        return self.none() if scope is None else self.filter(scope)

    def bevat(self, veld: str = "casus_id") -> Exists:
        """A condition for another model's rows: its case (``veld``) is one of these. A correlated
        EXISTS per row, answered by primary key; "casus IN (this queryset)" would read every case
        in scope first.  Use: ``Verzoek.objects.filter(Casus.objects.zichtbaar_voor(u).bevat())``."""
        return Exists(self.order_by().filter(pk=OuterRef(veld)))


class Casus(models.Model):
    """One hulpvraag of one inwoner, from the front door through maatwerk to closing."""

    nummer = models.CharField("casusnummer", max_length=20, unique=True, editable=False)
    inwoner = models.ForeignKey(
        Inwoner, verbose_name="inwoner", on_delete=models.PROTECT, related_name="casussen"
    )
    huishouden = models.ForeignKey(
        Huishouden,
        verbose_name="huishouden",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casussen",
    )
    kern = models.ForeignKey(Kern, verbose_name="kern", on_delete=models.PROTECT, related_name="casussen")
    gemeente = models.CharField(
        "gemeente",
        max_length=100,
        db_index=True,
        editable=False,
        help_text="De gemeente (verwerkingsverantwoordelijke) van de casus; volgt uit de kern.",
    )

    leefgebieden = ArrayField(
        models.CharField(max_length=40, choices=Leefgebied.choices), verbose_name="leefgebieden", default=list
    )
    hulpvraag = models.TextField("hulpvraag (in de woorden van de inwoner)")
    kanaal = models.CharField("kanaal", max_length=20, choices=Kanaal.choices)
    verwijzer = models.CharField(
        "verwijzer", max_length=20, choices=Verwijzer.choices, default=Verwijzer.ZELF
    )
    verwijzer_partner = models.ForeignKey(
        "netwerk.Partner",
        verbose_name="verwijzende partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    urgentie = models.CharField("urgentie", max_length=10, choices=Urgentie.choices, default=Urgentie.NORMAAL)
    crisis = models.BooleanField(
        "crisis", default=False, help_text="Een crisis staat bovenaan elke werkvoorraad."
    )
    toestemming_delen = models.BooleanField("toestemming om gegevens te delen met partners", default=False)
    toestemming_scope = models.CharField("reikwijdte van de toestemming", max_length=255, blank=True)
    toestemming_datum = models.DateField("datum toestemming", null=True, blank=True)

    route = models.CharField("route", max_length=20, choices=Route.choices, default=Route.ONBEPAALD)
    fase = models.CharField(
        "fase", max_length=20, choices=Fase.choices, default=Fase.AANGEMELD, db_index=True
    )
    wet = models.CharField("wet", max_length=20, choices=Wet.choices, blank=True)
    meldingsdatum = models.DateField("meldingsdatum", null=True, blank=True)
    afsluitreden = models.CharField("reden van afsluiten", max_length=100, blank=True)
    afgesloten_op = models.DateTimeField("afgesloten op", null=True, blank=True)

    team = models.ForeignKey(
        Team, verbose_name="team", null=True, blank=True, on_delete=models.SET_NULL, related_name="casussen"
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="behandelaar",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="behandelde_casussen",
    )
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="regisseur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="geregisseerde_casussen",
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangemaakt door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt = models.DateTimeField("aangemaakt", db_index=True)
    # The nearest deadline of the municipality's running legal terms (not the inwoner's persoonlijk
    # plan): the maatwerk queue's order. Kept by the database itself (backoffice migration 0006: a
    # trigger on the terms, and one on this table that recomputes it on every update), so no
    # write path can leave it stale; the application never sets it.
    eerste_termijn = models.DateField("eerste lopende termijn", null=True, blank=True, editable=False)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)
    versie = models.PositiveIntegerField("versie", default=1)
    # Set when the retention term passed and the content was anonymised (backoffice.bewaartermijnen).
    geanonimiseerd_op = models.DateTimeField("geanonimiseerd op", null=True, blank=True, editable=False)
    # Idempotency key of the submitting form: a double click or a browser retry makes one case.
    indienings_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = CasusQuerySet.as_manager()

    class Meta:
        verbose_name = "casus"
        verbose_name_plural = "casussen"
        ordering = ["-aangemaakt"]
        indexes = [
            models.Index(fields=["fase", "crisis", "aangemaakt"], name="casus_werkvoorraad"),
            models.Index(fields=["kern", "fase"], name="casus_kern_fase"),
            models.Index(fields=["wet", "fase"], name="casus_wet_fase"),
            models.Index(*VOORDEUR_VOLGORDE, F("id"), name="casus_voordeur_volgorde"),
            models.Index(
                *MAATWERK_VOLGORDE,
                F("id"),
                name="casus_maatwerk_volgorde",
                condition=Q(fase__in=sorted(MAATWERK_FASEN)),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(
                    fase__in=sorted(
                        f.value
                        for f in (Fase.MELDING, Fase.ONDERZOEK, Fase.AANVRAAG, Fase.BESLUIT, Fase.IN_ZORG)
                    )
                )
                | ~Q(wet=""),
                name="casus_maatwerk_heeft_wet",
            ),
        ]

    def __str__(self):
        return self.nummer

    def save(self, *args, **kwargs):
        if self.kern_id and not self.gemeente:
            self.gemeente = self.kern.gemeente
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.fase in OPEN_FASEN

    @property
    def is_verwezen(self) -> bool:
        return self.fase == Fase.VERWEZEN

    @property
    def leefgebied_labels(self) -> list[str]:
        return [Leefgebied(c).label for c in self.leefgebieden if c in Leefgebied.values]


class CasusnummerTeller(models.Model):
    """Per year the last case number handed out; incremented with one atomic UPSERT."""

    jaar = models.PositiveIntegerField(primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "casusnummerteller"

    def __str__(self):
        return f"{self.jaar}: {self.laatste}"


class CasusGebeurtenis(models.Model):
    """One event on a case's timeline. Append-only: never updated, never deleted (see migration)."""

    class Soort(models.TextChoices):
        AANGEMAAKT = "aangemaakt", "Hulpvraag geregistreerd"
        OVERGANG = "overgang", "Fase gewijzigd"
        GEWIJZIGD = "gewijzigd", "Gegevens gewijzigd"
        TOEGEWEZEN = "toegewezen", "Toegewezen"
        VERWIJZING = "verwijzing", "Verwijzing"
        TERUGKOPPELING = "terugkoppeling", "Terugkoppeling partner"
        NOTITIE = "notitie", "Notitie"
        SIGNAAL = "signaal", "Signaal"
        TERMIJN = "termijn", "Termijn"
        BESLUIT = "besluit", "Besluit"
        VOORZIENING = "voorziening", "Voorziening"
        BEZWAAR = "bezwaar", "Bezwaar"
        BRIEF = "brief", "Brief verzonden"
        DOCUMENT = "document", "Document"

    casus = models.ForeignKey(
        Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="gebeurtenissen"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    tijdstip = models.DateTimeField("tijdstip", db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fase_van = models.CharField("van fase", max_length=20, choices=Fase.choices, blank=True)
    fase_naar = models.CharField("naar fase", max_length=20, choices=Fase.choices, blank=True)
    tekst = models.TextField("toelichting", blank=True)
    gegevens = models.JSONField("gegevens", default=dict, blank=True)

    class Meta:
        verbose_name = "gebeurtenis"
        verbose_name_plural = "tijdlijn"
        ordering = ["tijdstip", "id"]
        indexes = [
            models.Index(fields=["casus", "tijdstip"], name="gebeurtenis_casus_tijd"),
            # rapportage: the flows of a period, and the kern of a case at a moment (its moves)
            models.Index(
                fields=["tijdstip"], name="gebeurtenis_overgang_tijd", condition=Q(soort="overgang")
            ),
            models.Index(
                fields=["casus", "tijdstip"], name="gebeurtenis_gewijzigd", condition=Q(soort="gewijzigd")
            ),
        ]

    def __str__(self):
        return f"{self.casus_id} {self.get_soort_display()} {self.tijdstip:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Een gebeurtenis op de tijdlijn kan niet worden gewijzigd.")
        super().save(*args, **kwargs)
