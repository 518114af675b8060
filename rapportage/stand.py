"""The dashboard's summary tables (rapportage.models): counted by ``verversen`` (Celery beat, see
``rapportage.tasks``) and read by ``cijfers`` for one user. Counting uses the same querysets as the
direct computation in ``dashboard`` (and so as the queues); the rows only add the scope group (team,
behandelaar, regisseur, kern, gemeente) to the grain. tests/rapportage/test_stand.py proves that the figures
from the tables equal the direct computation.
"""

from __future__ import annotations

import time
from datetime import date

from django.db import connection, transaction
from django.db.models import Case, Count, F, IntegerField, Q, Sum, Value, When
from django.db.models.functions import TruncWeek
from django.utils import timezone

from intake.models import Casus, CasusGebeurtenis, Verwijzing
from intake.scope import casus_scope
from intake.stromen import STROMEN, VERWIJZING_UITKOMSTEN, dag_begin, opgeschaald_na_verwijzing

from .dashboard import (
    BASIS_VELDEN,
    NAAM_VELDEN,
    grouping_sets,
    leeftijd_grenzen,
    open_casussen,
    twaalf_weken,
    verwijzing_drempel,
)
from .models import OpenCasusTelling, Stand, StroomTelling, VerwijzingTelling

NAAM = "dashboard"
SCOPE = ["team_id", "behandelaar_id", "regisseur_id", "kern_id", "gemeente"]
UITKOMSTEN = list(VERWIJZING_UITKOMSTEN)


def van_vandaag(vandaag: date) -> Stand | None:
    """The summary when it was counted for today (terms and ages are relative to the day)."""
    return Stand.objects.filter(naam=NAAM, peildatum=vandaag).first()


def _insert(model, kolommen: list[str], queryset, select: str | None = None, extra_from: str = "") -> None:
    """INSERT INTO the summary table SELECT the queryset's rows (named columns, one statement)."""
    sql, params = queryset.query.sql_with_params()
    select = select or ", ".join(f"s.{k}" for k in kolommen)
    doel = ", ".join(kolommen)
    with connection.cursor() as cursor:
        cursor.execute(
            # Model table names and Django-compiled SQL; every value is a parameter (reviewed, issue 21).
            f"INSERT INTO {model._meta.db_table} ({doel}) SELECT {select} FROM ({sql}) s {extra_from}",  # nosec B608
            params,
        )


def verversen(nu=None) -> Stand:
    """Count every dashboard figure of all cases into the summary tables, in one transaction
    (readers see the previous summary until it commits); concurrent runs wait for each other."""
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    begin = time.monotonic()
    wacht_weken = verwijzing_drempel()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('rapportage.stand'))")
        for model in (OpenCasusTelling, StroomTelling, VerwijzingTelling):
            model.objects.all().delete()
        _open_verversen(vandaag, nu, wacht_weken)
        _stroom_verversen(vandaag)
        _verwijzingen_verversen(vandaag)
        stand, _ = Stand.objects.update_or_create(
            naam=NAAM,
            defaults={
                "berekend_op": nu,
                "peildatum": vandaag,
                "wacht_weken": wacht_weken,
                "duur": round(time.monotonic() - begin, 3),
            },
        )
    return stand


def _open_verversen(vandaag: date, nu, wacht_weken: int) -> None:
    klassen = []
    for i, van, tot in leeftijd_grenzen(nu):
        q = Q(aangemaakt__lte=van) if tot is None else Q(aangemaakt__lte=van, aangemaakt__gt=tot)
        klassen.append(When(q, then=Value(i)))
    kolommen = [*SCOPE, "wet", "fase", "crisis", "verstreken", "binnen_7", "wachtend", "leeftijd"]
    rijen = (
        open_casussen(Casus.objects.all(), vandaag, wacht_weken)
        .annotate(leeftijd=Case(*klassen, default=None, output_field=IntegerField()))
        .values(*kolommen)
        .annotate(aantal=Count("pk"))
        .order_by()
    )
    _insert(OpenCasusTelling, [*kolommen, "aantal"], rijen)


def _via_casus() -> dict:
    """The scope group of the case of a timeline event or referral, as g_<field> annotations."""
    return {f"g_{k}": F(f"casus__{k}") for k in SCOPE}


G_SCOPE = ", ".join(f"s.g_{k}" for k in SCOPE)


def _stroom_verversen(vandaag: date) -> None:
    begin = dag_begin(twaalf_weken(vandaag)[0])
    kolommen = [*SCOPE, "week", "stroom", "aantal"]
    nieuw = (
        Casus.objects.filter(aangemaakt__gte=begin)
        .annotate(week=TruncWeek("aangemaakt"))
        .values(*SCOPE, "week")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
    scope = ", ".join(f"s.{k}" for k in SCOPE)
    _insert(StroomTelling, kolommen, nieuw, select=f"{scope}, s.week::date, 'nieuw', s.aantal")
    gebeurtenissen = (
        CasusGebeurtenis.objects.filter(soort=CasusGebeurtenis.Soort.OVERGANG, tijdstip__gte=begin)
        .annotate(week=TruncWeek("tijdstip"), **_via_casus())
        .values(*(f"g_{k}" for k in SCOPE), "week")
        .annotate(**{k: Count("casus_id", filter=q, distinct=True) for k, (_l, q) in STROMEN.items()})
        .order_by()
    )
    waarden = ", ".join(f"('{k}', s.{k})" for k in STROMEN)
    _insert(
        StroomTelling,
        kolommen,
        gebeurtenissen,
        select=f"{G_SCOPE}, s.week::date, v.stroom, v.aantal",
        extra_from=f"CROSS JOIN LATERAL (VALUES {waarden}) v(stroom, aantal) WHERE v.aantal > 0",
    )


def _verwijzingen_verversen(vandaag: date) -> None:
    begin = dag_begin(twaalf_weken(vandaag)[0])
    uitkomsten = {
        f"n_{k}": Count("casus_id", filter=q, distinct=True) for k, (_l, q) in VERWIJZING_UITKOMSTEN.items()
    }
    rijen = (
        Verwijzing.objects.filter(verstuurd_op__gte=begin)
        .annotate(opgeschaald=opgeschaald_na_verwijzing(), g_soort=F("partner__soort"), **_via_casus())
        .values(*(f"g_{k}" for k in SCOPE), "g_soort")
        .annotate(aantal=Count("casus_id", distinct=True), **uitkomsten)
        .order_by()
    )
    select = ", ".join([G_SCOPE, "s.g_soort", "s.aantal", *(f"s.n_{k}" for k in UITKOMSTEN)])
    _insert(VerwijzingTelling, [*SCOPE, "partner_soort", "aantal", *UITKOMSTEN], rijen, select=select)


def zichtbaar(queryset, user):
    """The summary rows of the cases the user may see: intake's one scope rule
    (``intake.scope.casus_scope``) on the scope group's fields, which the rows carry."""
    scope = casus_scope(user)
    return queryset.none() if scope is None else queryset.filter(scope)


def cijfers(user, stand: Stand) -> dict:
    """The dashboard's raw figures for one user from the summary tables: three queries."""
    basis = (
        zichtbaar(OpenCasusTelling.objects.all(), user)
        .annotate(**NAAM_VELDEN)
        .values(*BASIS_VELDEN, *NAAM_VELDEN, "leeftijd", "aantal")
        .order_by()
    )
    leeftijden = [f"c.leeftijd = {i}" for i, _van, _tot in leeftijd_grenzen(stand.berekend_op)]
    open_rijen = grouping_sets(basis, "sum(c.aantal)", leeftijden, {})
    stroom = {
        (r["week"], r["stroom"]): r["n"]
        for r in zichtbaar(StroomTelling.objects.all(), user)
        .values("week", "stroom")
        .annotate(n=Sum("aantal"))
    }
    verwijzingen = [
        {"soort": r["partner_soort"], "kern_id": r["kern_id"], "kern": r["kern__naam"], **r}
        for r in zichtbaar(VerwijzingTelling.objects.all(), user)
        .values("partner_soort", "kern_id", "kern__naam")
        .annotate(totaal=Sum("aantal"), **{k: Sum(k) for k in UITKOMSTEN})
        .order_by()
    ]
    return {
        "wacht_weken": stand.wacht_weken,
        "open": open_rijen,
        "stroom": stroom,
        "verwijzingen": verwijzingen,
    }
