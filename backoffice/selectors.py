"""Reads of the backoffice: the work queue, the case detail and the feestdagen. Case scope always
comes from ``Casus.objects.zichtbaar_voor(user)``."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from altena.sql import EenVan
from intake.models import Casus, Inwoner, Verwijzing, ZrmScore
from intake.selectors import tijdlijn
from intake.workflow import MAATWERK_FASEN, OPEN_FASEN

from .models import Feestdag, Onderzoek, Termijn, Voorziening
from .termijnen import Feestdagen, TermijnSoort


def atw_feestdagen() -> Feestdagen:
    """The Atw feestdagen: by law (computed) plus the decreed days of the Feestdag table."""
    return Feestdagen(Feestdag.objects.values_list("datum", "omschrijving"))


def relevante_termijnen(op: date | None = None):
    """Running terms that still say something: a passed persoonlijk-plan window is no longer a
    deadline of the municipality."""
    op = op or timezone.localdate()
    return Termijn.objects.lopend().exclude(soort=TermijnSoort.WMO_PLAN, uiterste_datum__lt=op)


def verstreken_termijnen(op: date | None = None):
    """Running terms of the municipality past their deadline (not paused; the plan is the
    inhabitant's term, never overdue for the municipality)."""
    return Termijn.objects.verstreken(op).exclude(soort=TermijnSoort.WMO_PLAN)


def binnen_7_dagen_termijnen(op: date | None = None):
    """Running, not paused terms of the municipality that end today or within the next 7 days."""
    op = op or timezone.localdate()
    return (
        relevante_termijnen(op)
        .exclude(soort=TermijnSoort.WMO_PLAN)
        .filter(opgeschort_sinds__isnull=True, uiterste_datum__range=(op, op + timedelta(days=7)))
    )


def einde_week(op: date) -> date:
    return op + timedelta(days=6 - op.weekday())


def werkvoorraad(user):
    """The maatwerk cases a user may see, unordered and without joins: the queue filters this, and
    altena.pagination walks it in MAATWERK_VOLGORDE (crisis first, then the nearest deadline, cases
    without a running term last) over the index of that order."""
    return Casus.objects.zichtbaar_voor(user).filter(fase__in=MAATWERK_FASEN)


def werkvoorraad_rijen(ids, op: date | None = None) -> list[Casus]:
    """The rows of one queue page in full: joins, the next deadline and the running terms."""
    op = op or timezone.localdate()
    volgende = relevante_termijnen(op).filter(casus=OuterRef("pk")).order_by("uiterste_datum")
    return list(
        Casus.objects.filter(pk__in=ids)
        .select_related("inwoner", "kern", "behandelaar", "team")
        .annotate(
            volgende_termijn=Subquery(volgende.values("uiterste_datum")[:1]),
            termijn_verstreken=Exists(verstreken_termijnen(op).filter(casus=OuterRef("pk"))),
        )
        .prefetch_related(
            Prefetch(
                "termijnen",
                queryset=relevante_termijnen(op).order_by("uiterste_datum", "id"),
                to_attr="lopende_termijnen",
            )
        )
    )


def met_lopende_termijn_uit(termijnen) -> EenVan:
    """A condition on cases: the case has one of these running terms. The few running terms (a
    partial index holds them) are read first, in the same query (``ARRAY(subquery)``), and the cases
    then by primary key; PostgreSQL would otherwise scan every case in scope to join them."""
    return EenVan("pk", termijnen.order_by().values("casus_id").distinct())


def aantal_verstreken(user, op: date | None = None, *, tot: int | None = None) -> int:
    """How many visible maatwerk cases have a deadline that passed: the teamleider's alarm. With
    ``tot``, counting stops past that many (the queue says "meer dan"), as the queue's own count
    does: an uncapped count reads every overdue case in scope, so it grows with the data."""
    qs = werkvoorraad(user).filter(met_lopende_termijn_uit(verstreken_termijnen(op)))
    return qs.count() if tot is None else qs[: tot + 1].count()


def casus_voor(user, nummer: str) -> Casus | None:
    """One case by its number, within the user's scope; None otherwise (the caller's 404)."""
    return (
        Casus.objects.zichtbaar_voor(user)
        .select_related(
            "inwoner", "inwoner__huishouden", "huishouden", "kern", "team", "behandelaar", "regisseur"
        )
        .filter(nummer=nummer)
        .first()
    )


def casus_dossier(casus: Casus, user) -> dict:
    """Everything about a case for the consultant's detail page, in a fixed number of queries.

    Regie (1 gezin 1 plan): of the household's other open cases the page shows THAT they exist, under
    which law, in which fase and whom to contact (team, behandelaar); the case itself opens, and its
    voorzieningen show, only where that case is in the user's own scope. Never across gemeenten."""
    termijnen = list(
        casus.termijnen.select_related("bezwaar")
        .prefetch_related("opschortingen", "verdagingen")
        .order_by("afgerond_op", "uiterste_datum", "id")
    )
    voorzieningen_qs = Voorziening.objects.select_related("product", "aanbieder")
    besluiten = list(
        casus.besluiten.select_related("aanvraag", "door", "na_bezwaar")
        .prefetch_related(Prefetch("voorzieningen", queryset=voorzieningen_qs))
        .order_by("-besluitdatum", "-id")
    )
    bezwaren = list(casus.bezwaren.select_related("besluit").prefetch_related("nieuwe_besluiten"))
    huishouden_id = casus.huishouden_id or casus.inwoner.huishouden_id
    stapeling = []
    huishouden_voorzieningen = []
    if huishouden_id:
        # The members (a handful) first, as ARRAY(subquery) in the same statement, then the cases
        # by two indexed conditions in a BitmapOr; an OR over a join reads every case.
        leden = Inwoner.objects.filter(huishouden_id=huishouden_id).values("pk")
        andere = (
            Casus.objects.filter(gemeente=casus.gemeente)
            .filter(Q(huishouden_id=huishouden_id) | EenVan("inwoner_id", leden))
            .exclude(pk=casus.pk)
        )
        in_scope = Casus.objects.zichtbaar_voor(user)
        stapeling = list(
            andere.filter(fase__in=OPEN_FASEN)
            .select_related("inwoner", "behandelaar", "team")
            .annotate(in_scope=Exists(in_scope.filter(pk=OuterRef("pk"))))
            .order_by("wet", "nummer")
        )
        huishouden_voorzieningen = list(
            # The visible cases of the household first (scope as conditions on its own few rows, as
            # ARRAY(subquery)), then their voorzieningen by index; joined, PostgreSQL reads them all.
            voorzieningen_qs.filter(
                EenVan("casus_id", in_scope.filter(pk__in=andere.values("pk")).values("pk"))
            )
            .select_related("casus", "casus__inwoner")
            .order_by("-startdatum")[:50]
        )
    plannen = list(casus.persoonlijke_plannen.all())
    for t in termijnen:  # "niet ingeleverd" rather than "afgerond" when no plan came
        t.plan_ingeleverd = t.is_van_inwoner and bool(plannen)
    return {
        "termijnen": termijnen,
        "lopende_termijnen": [t for t in termijnen if t.afgerond_op is None],
        "gebeurtenissen": list(tijdlijn(casus)),
        "onderzoeken": list(casus.onderzoeken.select_related("door")),
        "zrm_scores": list(
            ZrmScore.objects.filter(casus=casus).select_related("door").order_by("-gescoord_op", "domein")
        ),
        "plannen": plannen,
        "aanvragen": list(casus.aanvragen.prefetch_related("besluiten")),
        "besluiten": besluiten,
        "voorzieningen": [v for b in besluiten for v in b.voorzieningen.all()],
        "verwijzingen": list(Verwijzing.objects.filter(casus=casus).select_related("partner", "door")),
        "bezwaren": bezwaren,
        "stapeling": stapeling,
        "huishouden_voorzieningen": huishouden_voorzieningen,
    }


def laatste_onderzoek(casus: Casus) -> Onderzoek | None:
    return casus.onderzoeken.order_by("-gestart_op", "-id").first()
