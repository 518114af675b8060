"""The raad report from summary tables (rapportage.models.RaadTelling and VoorzieningRegel),
counted by ``verversen`` (Celery beat, ``rapportage.tasks.raad_verversen``) with the same
definitions as the direct queries in ``raad_queries``: the additive figures per local day (a period
is the sum of its days, lead times as a histogram for ``percentile_cont``), the voorzieningen as
join-free rows for the stock figures on a date, and those stock figures themselves for every
month's last day (``VoorzieningStand``: a report period always ends on one; another date counts
from the rows). Bezwaren are few and stay direct.
tests/rapportage/test_raad_stand.py proves the figures equal the direct computation.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Q, Value
from django.db.models.functions import TruncDate
from django.utils import timezone

from backoffice.models import Aanvraag
from intake.models import Casus, CasusGebeurtenis, Verwijzing
from intake.stromen import AFSCHAAL_VAN, VERWIJZING_UITKOMSTEN, opgeschaald_na_verwijzing
from intake.workflow import Fase

from . import raad_queries as rq
from .models import RaadTelling, Stand, VoorzieningRegel, VoorzieningStand
from .periode import Periode
from .verwijzingen import SOORT_LABELS

NAAM = "raad"
KOLOMMEN = ["dag", "gemeente", "kern_id", "sleutel", "maat", "dagen", "aantal"]
OVERGANG_MATEN = ["melding", "melding_deur", "afgeschaald"]
BESLUIT_MATEN = ["toekenning", "gedeeltelijk", "afwijzing", "met_aanvraag", "op_tijd"]
VERWIJZING_MATEN = ["totaal", *VERWIJZING_UITKOMSTEN]
LOKAAL = "AT TIME ZONE 'Europe/Amsterdam'"


def huidige() -> Stand | None:
    return Stand.objects.filter(naam=NAAM).first()


def _insert(sql: str, params, maten: list[str], vast: str) -> None:
    """INSERT the rows of ``sql`` (columns dag, gemeente, kern_id, sleutel, dagen and one column per
    measure) unpivoted: one row per measure with a non-zero count."""
    waarden = ", ".join(f"('{m}', s.{m})" for m in maten)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {RaadTelling._meta.db_table} ({', '.join(KOLOMMEN)}) "  # nosec B608  # constant fragments and model table names; every value is a parameter
            f"SELECT {vast}, v.maat, s.dagen::integer, v.aantal FROM ({sql}) s "
            f"CROSS JOIN LATERAL (VALUES {waarden}) v(maat, aantal) WHERE v.aantal > 0",
            params,
        )


def _orm(queryset, maten: list[str]) -> None:
    sql, params = queryset.query.sql_with_params()
    _insert(sql, params, maten, "s.dag, s.g_gemeente, s.k::integer, s.sleutel")


def verversen(nu=None) -> Stand:
    """Count the whole history anew in one transaction (readers keep the old counts until commit)."""
    nu = nu or timezone.now()
    begin = time.monotonic()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('rapportage.raad_stand'))")
        RaadTelling.objects.all().delete()
        VoorzieningRegel.objects.all().delete()
        VoorzieningStand.objects.all().delete()
        _tellingen()
        _voorzieningen()
        _voorziening_stromen()
        _standen(timezone.localdate(nu))
        stand, _ = Stand.objects.update_or_create(
            naam=NAAM,
            defaults={
                "berekend_op": nu,
                "peildatum": timezone.localdate(nu),
                "wacht_weken": 0,
                "duur": round(time.monotonic() - begin, 3),
            },
        )
    return stand


def _groep(queryset, *, dag, gemeente, k, sleutel):
    """Annotate the grain columns (dag, gemeente, k, sleutel, dagen) on a queryset and group by it."""
    return (
        queryset.annotate(
            dag=dag, g_gemeente=gemeente, k=k, sleutel=sleutel, dagen=Value(None, IntegerField())
        )
        .values("dag", "g_gemeente", "k", "sleutel", "dagen")
        .order_by()
    )


def _tellingen() -> None:
    leeg = Value("", CharField())
    geen_kern = Value(None, IntegerField())
    hulpvragen = _groep(
        Casus.objects.all(),
        dag=TruncDate("aangemaakt"),
        gemeente=F("kern__gemeente"),
        k=rq.kern_op("pk", "kern_id", tijdstip__gt=OuterRef("aangemaakt")),
        sleutel=leeg,
    ).annotate(hulpvraag=Count("pk"))
    _orm(hulpvragen, ["hulpvraag"])
    overgangen = _groep(
        CasusGebeurtenis.objects.filter(soort=CasusGebeurtenis.Soort.OVERGANG).filter(
            Q(fase_naar=Fase.MELDING) | Q(fase_naar=Fase.VERWEZEN, fase_van__in=AFSCHAAL_VAN)
        ),
        dag=TruncDate("tijdstip"),
        gemeente=F("casus__kern__gemeente"),
        k=rq.kern_op("casus_id", "casus__kern_id", tijdstip__gt=OuterRef("tijdstip")),
        sleutel=F("casus__wet"),
    ).annotate(
        melding=Count("pk", filter=Q(fase_naar=Fase.MELDING)),
        melding_deur=Count("pk", filter=Q(fase_naar=Fase.MELDING, fase_van=Fase.AANGEMELD)),
        afgeschaald=Count("pk", filter=Q(fase_naar=Fase.VERWEZEN)),
    )
    _orm(overgangen, OVERGANG_MATEN)
    aanvragen = _groep(
        Aanvraag.objects.all(),
        dag=F("ontvangen_op"),
        gemeente=F("casus__kern__gemeente"),
        k=rq.kern_op("casus_id", "casus__kern_id", tijdstip__date__gt=OuterRef("ontvangen_op")),
        sleutel=F("wet"),
    ).annotate(aanvraag=Count("pk"))
    _orm(aanvragen, ["aanvraag"])
    verwijzingen = _groep(
        Verwijzing.objects.annotate(opgeschaald=opgeschaald_na_verwijzing()),
        dag=TruncDate("verstuurd_op"),
        gemeente=F("casus__kern__gemeente"),
        k=geen_kern,
        sleutel=F("partner__soort"),
    ).annotate(
        totaal=Count("pk"), **{k: Count("pk", filter=q) for k, (_l, q) in VERWIJZING_UITKOMSTEN.items()}
    )
    _orm(verwijzingen, VERWIJZING_MATEN)
    besluiten = f"""
        SELECT b.besluitdatum AS dag, k.gemeente, NULL::integer AS k, {rq.BESLUIT_WET} AS sleutel,
               b.besluitdatum - a.ontvangen_op AS dagen, {rq.BESLUIT_TELLINGEN}
        {rq.BESLUIT_BRON}
        GROUP BY 1, 2, 4, 5"""
    _insert(besluiten, rq.BESLUIT_PARAMS, BESLUIT_MATEN, "s.dag, s.gemeente, s.k::integer, s.sleutel")
    buiten = f"""
        SELECT (c.afgesloten_op {LOKAAL})::date AS dag, k.gemeente, NULL::integer AS k, c.wet AS sleutel,
               NULL::integer AS dagen, count(*) AS buiten_behandeling
        {rq.BUITEN_BEHANDELING} AND c.afgesloten_op IS NOT NULL
        GROUP BY 1, 2, 4"""
    _insert(buiten, {}, ["buiten_behandeling"], "s.dag, s.gemeente, s.k::integer, s.sleutel")


def _voorzieningen() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {VoorzieningRegel._meta.db_table}
              (gemeente, startdatum, eind, categorie, leveringsvorm, wet, huishouden)
            SELECT k.gemeente, v.startdatum, {rq.EIND}, p.categorie, v.leveringsvorm, p.wet,
                   COALESCE(c.huishouden_id, i.huishouden_id, -c.inwoner_id)
            FROM backoffice_voorziening v
            JOIN backoffice_product p ON p.id = v.product_id
            JOIN intake_casus c ON c.id = v.casus_id
            JOIN intake_inwoner i ON i.id = c.inwoner_id
            JOIN netwerk_kern k ON k.id = c.kern_id"""  # nosec B608  # constant fragments and model table names; every value is a parameter
        )


# Voorzieningen started and ended per day, key ("c:" category or "v:" leveringsvorm), so a period's
# flow is a sum over its days like every other flow (its cost follows the days, not the volume).
# The direct query counts a start in the period only when the end is on or after the period's first
# day, and an end only when the start is on or before its last day. For a normal row (end on or
# after start) that always holds; a row that ended before it started keeps the gap in ``dagen``
# and the period's sum checks it (TELLINGEN_SQL).
VZ_GESTART, VZ_BEEINDIGD = "vz_gestart", "vz_beeindigd"


def _voorziening_stromen() -> None:
    regel = VoorzieningRegel._meta.db_table
    with connection.cursor() as cursor:
        for maat, dag in ((VZ_GESTART, "v.startdatum"), (VZ_BEEINDIGD, "v.eind")):
            cursor.execute(
                f"""INSERT INTO {RaadTelling._meta.db_table} ({", ".join(KOLOMMEN)})
                SELECT {dag}, v.gemeente, NULL,
                       CASE WHEN GROUPING(v.categorie) = 0 THEN 'c:' || v.categorie
                            ELSE 'v:' || v.leveringsvorm END,
                       %(maat)s, NULLIF(GREATEST(v.startdatum - v.eind, 0), 0), count(*)
                FROM {regel} v
                GROUP BY GROUPING SETS (({dag}, v.gemeente, v.categorie, v.startdatum - v.eind),
                                        ({dag}, v.gemeente, v.leveringsvorm, v.startdatum - v.eind))""",  # nosec B608  # constant fragments and model table names; every value is a parameter
                {"maat": maat},
            )


ACTIEF = "v.startdatum <= %(peildatum)s AND v.eind >= %(peildatum)s"


def maandeinden(eerste: date, laatste: date) -> list[date]:
    """The last day of every month from ``eerste``'s month on, up to and including ``laatste``."""
    uit = []
    jaar, maand = eerste.year, eerste.month
    while True:
        volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
        einde = volgende - timedelta(days=1)
        if einde > laatste:
            return uit
        uit.append(einde)
        jaar, maand = volgende.year, volgende.month


def _standen(vandaag: date) -> None:
    """The stock figures on every month's last day since the first voorziening, up to today, for
    every gemeente: two passes over the rows per date (a second or two for two years at 1M)."""
    eerste = VoorzieningRegel.objects.order_by("startdatum").values_list("startdatum", flat=True).first()
    if eerste is None:
        return
    tabel = VoorzieningStand._meta.db_table
    with connection.cursor() as cursor:
        for peildatum in maandeinden(eerste, vandaag):
            params = {"peildatum": peildatum}
            cursor.execute(
                f"""INSERT INTO {tabel} (peildatum, gemeente, soort, sleutel, aantal)
                SELECT %(peildatum)s, v.gemeente,
                       CASE WHEN GROUPING(v.categorie) = 0 THEN 'categorie' ELSE 'leveringsvorm' END,
                       CASE WHEN GROUPING(v.categorie) = 0 THEN v.categorie ELSE v.leveringsvorm END,
                       count(*)
                FROM {VoorzieningRegel._meta.db_table} v WHERE {ACTIEF}
                GROUP BY GROUPING SETS ((v.gemeente, v.categorie), (v.gemeente, v.leveringsvorm))""",  # nosec B608  # constant fragments and model table names; every value is a parameter
                params,
            )
            cursor.execute(
                f"""WITH per_wet AS (
                  SELECT DISTINCT v.gemeente, v.huishouden, v.wet FROM {VoorzieningRegel._meta.db_table} v
                  WHERE {ACTIEF}
                ), per_huishouden AS (
                  SELECT gemeente, huishouden, count(*) AS wetten FROM per_wet GROUP BY 1, 2
                ), per_gemeente AS (
                  SELECT gemeente, count(*) FILTER (WHERE wetten = 1) AS een,
                         count(*) FILTER (WHERE wetten = 2) AS twee,
                         count(*) FILTER (WHERE wetten >= 3) AS drie
                  FROM per_huishouden GROUP BY 1
                )
                INSERT INTO {tabel} (peildatum, gemeente, soort, sleutel, aantal)
                SELECT %(peildatum)s, s.gemeente, 'stapeling', w.sleutel, w.aantal FROM per_gemeente s
                CROSS JOIN LATERAL (VALUES ('een', s.een), ('twee', s.twee), ('drie', s.drie))
                  w(sleutel, aantal)""",  # nosec B608  # constant fragments and model table names; every value is a parameter
                params,
            )


def _fetch(sql: str, params: dict) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        namen = [c.name for c in cursor.description]
        return [dict(zip(namen, rij, strict=True)) for rij in cursor.fetchall()]


TELLINGEN_SQL = f"""
SELECT maat, kern_id, sleutel, sum(aantal) AS n FROM {RaadTelling._meta.db_table}
WHERE gemeente = %(gemeente)s AND dag BETWEEN %(van)s AND %(tot)s
  AND (dagen IS NULL OR maat NOT IN ('{VZ_GESTART}', '{VZ_BEEINDIGD}')
       OR (maat = '{VZ_GESTART}' AND dag - dagen >= %(van)s)
       OR (maat = '{VZ_BEEINDIGD}' AND dag + dagen <= %(tot)s))
GROUP BY 1, 2, 3
"""  # nosec B608  # constant fragments and model table names; every value is a parameter
# percentile_cont over the lead-time histogram, exactly as PostgreSQL computes it over the rows:
# position f * (n - 1) in the sorted values, interpolated between the values at floor and ceil.
# (Expanding the histogram with generate_series gives the same, but its row estimate makes the
# planner JIT-compile for a second.)
DOORLOOPTIJD_SQL = f"""
WITH h AS (
  SELECT sleutel, dagen, sum(aantal) AS n FROM {RaadTelling._meta.db_table}
  WHERE gemeente = %(gemeente)s AND dag BETWEEN %(van)s AND %(tot)s AND maat = 'met_aanvraag'
    AND dagen IS NOT NULL
  GROUP BY 1, 2
), cum AS (
  SELECT sleutel, dagen::float8 AS dagen, sum(n) OVER (PARTITION BY sleutel ORDER BY dagen) AS tot_en_met,
         sum(n) OVER (PARTITION BY sleutel) AS totaal
  FROM h
), pos AS (
  SELECT sleutel, dagen, tot_en_met, 0.5::float8 * (totaal - 1) AS p50, 0.9::float8 * (totaal - 1) AS p90
  FROM cum
), grens AS (
  SELECT sleutel, min(p50) AS p50, min(p90) AS p90,
         min(dagen) FILTER (WHERE tot_en_met > floor(p50)) AS p50_laag,
         min(dagen) FILTER (WHERE tot_en_met > ceil(p50)) AS p50_hoog,
         min(dagen) FILTER (WHERE tot_en_met > floor(p90)) AS p90_laag,
         min(dagen) FILTER (WHERE tot_en_met > ceil(p90)) AS p90_hoog
  FROM pos GROUP BY 1
)
SELECT sleutel AS wet,
       p50_laag + (p50_hoog - p50_laag) * (p50 - floor(p50)) AS mediaan,
       p90_laag + (p90_hoog - p90_laag) * (p90 - floor(p90)) AS p90
FROM grens
"""  # nosec B608  # constant fragments and model table names; every value is a parameter
STAND_SQL = f"""
SELECT soort, sleutel, aantal FROM {VoorzieningStand._meta.db_table}
WHERE gemeente = %(gemeente)s AND peildatum = %(tot)s
"""  # nosec B608  # constant fragments and model table names; every value is a parameter
# The fallback for a reference date without a stored stand (a free period that does not end on a
# month's last day): counted from the rows, which reads every voorziening started before the date.
ACTIEF_SQL = f"""
SELECT CASE WHEN GROUPING(v.categorie) = 0 THEN 'categorie' ELSE 'leveringsvorm' END AS soort,
       CASE WHEN GROUPING(v.categorie) = 0 THEN v.categorie ELSE v.leveringsvorm END AS sleutel,
       count(*) AS aantal
FROM {VoorzieningRegel._meta.db_table} v
WHERE v.startdatum <= %(tot)s AND v.eind >= %(tot)s AND v.gemeente = %(gemeente)s
GROUP BY GROUPING SETS ((v.categorie), (v.leveringsvorm))
"""  # nosec B608  # constant fragments and model table names; every value is a parameter
# Two hashed groupings (household x law, then household) instead of count(DISTINCT), which sorts.
STAPELING_SQL = f"""
WITH per_wet AS (
  SELECT DISTINCT v.huishouden, v.wet FROM {VoorzieningRegel._meta.db_table} v
  WHERE v.startdatum <= %(tot)s AND v.eind >= %(tot)s AND v.gemeente = %(gemeente)s
), per_huishouden AS (
  SELECT huishouden, count(*) AS wetten FROM per_wet GROUP BY 1
)
SELECT count(*) FILTER (WHERE wetten = 1) AS een, count(*) FILTER (WHERE wetten = 2) AS twee,
       count(*) FILTER (WHERE wetten >= 3) AS drie
FROM per_huishouden
"""  # nosec B608  # constant fragments and model table names; every value is a parameter


def _voorzieningen_en_stapeling(params: dict, stromen: dict) -> tuple[dict, dict]:
    """The voorzieningen tables (running on the last day, started, ended) and the stapeling of one
    period: the stock on the last day from VoorzieningStand when that day has one, else counted;
    started and ended from the day counts (``stromen``: the period's sums per measure)."""
    stand = _fetch(STAND_SQL, params)
    actief = [r for r in stand if r["soort"] != "stapeling"]
    stapeling = {r["sleutel"]: r["aantal"] for r in stand if r["soort"] == "stapeling"}
    if not stand:
        actief = _fetch(ACTIEF_SQL, params)
        stapeling = _fetch(STAPELING_SQL, params)[0]
    rijen: dict[tuple[str, str], dict] = {}

    def rij(soort: str, sleutel: str) -> dict:
        per_vorm = int(soort == "leveringsvorm")
        return rijen.setdefault((soort, sleutel), {
            "per_vorm": per_vorm,
            "categorie": None if per_vorm else sleutel,
            "leveringsvorm": sleutel if per_vorm else None,
            "actief": 0, "gestart": 0, "beeindigd": 0,
        })  # fmt: skip

    for r in actief:
        rij(r["soort"], r["sleutel"])["actief"] = r["aantal"]
    for maat, kolom in ((VZ_GESTART, "gestart"), (VZ_BEEINDIGD, "beeindigd")):
        for (_k, sleutel), n in stromen.get(maat, {}).items():
            soort = "categorie" if sleutel.startswith("c:") else "leveringsvorm"
            rij(soort, sleutel[2:])[kolom] = n
    voorzieningen = {
        "categorie": {k: r for (soort, k), r in rijen.items() if soort == "categorie"},
        "leveringsvorm": {k: r for (soort, k), r in rijen.items() if soort == "leveringsvorm"},
    }
    return voorzieningen, {"een": 0, "twee": 0, "drie": 0, **stapeling}


def cijfers(periode: Periode, gemeente: str, kern_ids: list[int]) -> dict:
    """Every figure of one period from the summary: four queries (six for a reference date that is
    not a month's last day; bezwaren direct), the same
    structures as ``raad_queries.cijfers``."""
    params = {"van": periode.van, "tot": periode.tot, "gemeente": gemeente}
    per_maat: dict[str, dict] = {}
    for r in _fetch(TELLINGEN_SQL, params):
        per_maat.setdefault(r["maat"], {})[(r["kern_id"], r["sleutel"])] = r["n"]

    def maat(naam: str) -> dict:
        return per_maat.get(naam, {})

    overgangen: dict = {}
    for m in OVERGANG_MATEN:
        for (k, wet), n in maat(m).items():
            overgangen.setdefault((k, wet), {})[m] = n
    besluiten: dict[str, dict] = {}
    for m in [*BESLUIT_MATEN, "buiten_behandeling"]:
        for (_k, wet), n in maat(m).items():
            besluiten.setdefault(wet, {})[m] = n
    for r in _fetch(DOORLOOPTIJD_SQL, params):
        besluiten.setdefault(r["wet"], {}).update(mediaan=r["mediaan"], p90=r["p90"])
    for r in besluiten.values():
        r.setdefault("op_tijd", 0)
    soorten = sorted({s for m in VERWIJZING_MATEN for (_k, s) in maat(m)})
    verwijzingen = [
        {
            "partner__soort": s,
            **{m: maat(m).get((None, s), 0) for m in VERWIJZING_MATEN},
            "soort": SOORT_LABELS.get(s, s),
        }
        for s in soorten
    ]
    voorzieningen, stapeling = _voorzieningen_en_stapeling(params, per_maat)
    return {
        "hulpvragen": {k: n for (k, _s), n in maat("hulpvraag").items()},
        "overgangen": overgangen,
        "aanvragen": maat("aanvraag"),
        "besluiten": besluiten,
        "voorzieningen": voorzieningen,
        "stapeling": stapeling,
        "bezwaren": rq.bezwaren(periode, gemeente),
        "verwijzingen": verwijzingen,
    }
