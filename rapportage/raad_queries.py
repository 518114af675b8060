"""The raad report's figures for one gemeente and one period: each a PostgreSQL aggregate.

Which kern a case counts in: the kern where the case was at the moment of the counted event
(registration for hulpvragen, the transition for meldingen, opschaling and afschaling, the day of
receipt for aanvragen). A move is stored on the timeline (``casus_bijwerken`` keeps the old and new
kern id in ``gegevens["kern"]``); the kern at moment T is the old kern of the first move after T,
or the case's current kern when it did not move after T. Cases are selected by their current
gemeente (the kern lookup runs once per row, in the GROUP BY only); a group whose kern lies outside
the gemeente (a case that moved in from another gemeente) is left out. Stock figures (voorzieningen,
stapeling) have no kern.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce

from backoffice.models import Aanvraag
from backoffice.termijnen import REGELS, TermijnSoort
from intake.models import Casus, CasusGebeurtenis, Wet
from intake.stromen import AFSCHAAL_VAN
from intake.workflow import Fase

from . import verwijzingen
from .periode import Periode

BESCHIKKING = {
    Wet.WMO: TermijnSoort.WMO_BESCHIKKING,
    Wet.JEUGDWET: TermijnSoort.JEUGD_BESCHIKKING,
    Wet.PARTICIPATIEWET: TermijnSoort.PW_BESCHIKKING,
}
WETTELIJKE_DAGEN = {wet: REGELS[soort].dagen for wet, soort in BESCHIKKING.items()}


def kern_op(casus_ref: str, huidige_kern: str, **moment) -> Coalesce:
    """The kern of a case at a moment: see the module docstring. ``moment`` is one lookup on the
    move's tijdstip, e.g. ``tijdstip__gt=OuterRef("aangemaakt")``."""
    verhuizing = (
        CasusGebeurtenis.objects.filter(
            casus=OuterRef(casus_ref),
            soort=CasusGebeurtenis.Soort.GEWIJZIGD,
            gegevens__has_key="kern",
            **moment,
        )
        .order_by("tijdstip", "id")
        .annotate(oude_kern=Cast(KT("gegevens__kern__0"), IntegerField()))
        .values("oude_kern")[:1]
    )
    return Coalesce(Subquery(verhuizing), F(huidige_kern), output_field=IntegerField())


def hulpvragen_per_kern(periode: Periode, kern_ids: list[int]) -> dict[int, int]:
    rijen = (
        Casus.objects.filter(aangemaakt__gte=periode.begin, aangemaakt__lt=periode.einde)
        .filter(kern_id__in=kern_ids)
        .annotate(k=kern_op("pk", "kern_id", tijdstip__gt=OuterRef("aangemaakt")))
        .values("k")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {r["k"]: r["n"] for r in rijen}


def overgangen_per_kern(periode: Periode, kern_ids: list[int]) -> dict:
    """Meldingen (= opschalingen to maatwerk) per kern and law, and afschalingen per kern."""
    rijen = (
        CasusGebeurtenis.objects.filter(
            soort=CasusGebeurtenis.Soort.OVERGANG, tijdstip__gte=periode.begin, tijdstip__lt=periode.einde
        )
        .filter(Q(fase_naar=Fase.MELDING) | Q(fase_naar=Fase.VERWEZEN, fase_van__in=AFSCHAAL_VAN))
        .filter(casus__kern_id__in=kern_ids)
        .annotate(k=kern_op("casus_id", "casus__kern_id", tijdstip__gt=OuterRef("tijdstip")))
        .values("k", "casus__wet")
        .annotate(
            melding=Count("pk", filter=Q(fase_naar=Fase.MELDING)),
            melding_deur=Count("pk", filter=Q(fase_naar=Fase.MELDING, fase_van=Fase.AANGEMELD)),
            afgeschaald=Count("pk", filter=Q(fase_naar=Fase.VERWEZEN)),
        )
        .order_by()
    )
    return {(r["k"], r["casus__wet"]): r for r in rijen}


def aanvragen_per_kern(periode: Periode, kern_ids: list[int]) -> dict:
    rijen = (
        Aanvraag.objects.filter(ontvangen_op__range=(periode.van, periode.tot), casus__kern_id__in=kern_ids)
        .annotate(k=kern_op("casus_id", "casus__kern_id", tijdstip__date__gt=OuterRef("ontvangen_op")))
        .values("k", "wet")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(r["k"], r["wet"]): r["n"] for r in rijen}


def _fetch(sql: str, params: dict) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        namen = [c.name for c in cursor.description]
        return [dict(zip(namen, rij, strict=True)) for rij in cursor.fetchall()]


BESLUIT_WET = "COALESCE(NULLIF(a.wet, ''), c.wet)"
BESLUIT_TELLINGEN = f"""
       count(*) FILTER (WHERE b.soort = 'toekenning') AS toekenning,
       count(*) FILTER (WHERE b.soort = 'gedeeltelijke_toekenning') AS gedeeltelijk,
       count(*) FILTER (WHERE b.soort = 'afwijzing') AS afwijzing,
       count(a.id) AS met_aanvraag,
       count(a.id) FILTER (
         WHERE b.besluitdatum <= COALESCE(t.uiterste_datum, a.ontvangen_op + (
           CASE {BESLUIT_WET} WHEN 'wmo' THEN %(wmo)s WHEN 'jeugdwet' THEN %(jeugdwet)s
           ELSE %(participatiewet)s END))
       ) AS op_tijd"""
BESLUIT_BRON = """
FROM backoffice_besluit b
JOIN intake_casus c ON c.id = b.casus_id
JOIN netwerk_kern k ON k.id = c.kern_id
LEFT JOIN backoffice_aanvraag a ON a.id = b.aanvraag_id
LEFT JOIN LATERAL (
  SELECT t.uiterste_datum FROM backoffice_termijn t
  WHERE t.casus_id = b.casus_id AND t.soort = ANY(%(soorten)s) AND t.startdatum = a.ontvangen_op
  ORDER BY t.id DESC LIMIT 1
) t ON true
WHERE b.na_bezwaar_id IS NULL"""
BESLUITEN_SQL = f"""
SELECT {BESLUIT_WET} AS wet, {BESLUIT_TELLINGEN},
       percentile_cont(0.5) WITHIN GROUP (ORDER BY b.besluitdatum - a.ontvangen_op) AS mediaan,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY b.besluitdatum - a.ontvangen_op) AS p90
{BESLUIT_BRON} AND b.besluitdatum BETWEEN %(van)s AND %(tot)s AND k.gemeente = %(gemeente)s
GROUP BY 1
"""
BESLUIT_PARAMS = {**WETTELIJKE_DAGEN, "soorten": list(BESCHIKKING.values())}

BUITEN_BEHANDELING = """
FROM intake_casus c JOIN netwerk_kern k ON k.id = c.kern_id
WHERE c.afsluitreden ILIKE 'buiten behandeling%%' AND c.wet <> ''"""
BUITEN_BEHANDELING_SQL = f"""
SELECT c.wet, count(*) AS n {BUITEN_BEHANDELING}
  AND c.afgesloten_op >= %(begin)s AND c.afgesloten_op < %(einde)s AND k.gemeente = %(gemeente)s
GROUP BY 1
"""


def besluiten(periode: Periode, gemeente: str) -> dict[str, dict]:
    params = {
        **BESLUIT_PARAMS,
        "van": periode.van,
        "tot": periode.tot,
        "gemeente": gemeente,
    }
    uit = {r["wet"]: r for r in _fetch(BESLUITEN_SQL, params)}
    for r in _fetch(
        BUITEN_BEHANDELING_SQL, {"begin": periode.begin, "einde": periode.einde, "gemeente": gemeente}
    ):
        uit.setdefault(r["wet"], {})["buiten_behandeling"] = r["n"]
    return uit


EIND = "COALESCE(v.beeindigd_op, v.einddatum)"
VOORZIENINGEN_SQL = f"""
SELECT GROUPING(p.categorie) AS per_vorm, p.categorie, v.leveringsvorm,
       count(*) FILTER (WHERE v.startdatum <= %(tot)s AND {EIND} >= %(tot)s) AS actief,
       count(*) FILTER (WHERE v.startdatum BETWEEN %(van)s AND %(tot)s) AS gestart,
       count(*) FILTER (WHERE {EIND} BETWEEN %(van)s AND %(tot)s) AS beeindigd
FROM backoffice_voorziening v
JOIN backoffice_product p ON p.id = v.product_id
JOIN intake_casus c ON c.id = v.casus_id
JOIN netwerk_kern k ON k.id = c.kern_id
WHERE v.startdatum <= %(tot)s AND {EIND} >= %(van)s AND k.gemeente = %(gemeente)s
GROUP BY GROUPING SETS ((p.categorie), (v.leveringsvorm))
"""  # nosec B608  # constant fragments and model table names; every value is a parameter


def voorzieningen(periode: Periode, gemeente: str) -> dict:
    rijen = _fetch(VOORZIENINGEN_SQL, {"van": periode.van, "tot": periode.tot, "gemeente": gemeente})
    return {
        "categorie": {r["categorie"]: r for r in rijen if not r["per_vorm"]},
        "leveringsvorm": {r["leveringsvorm"]: r for r in rijen if r["per_vorm"]},
    }


STAPELING_SQL = """
WITH per_huishouden AS (
  SELECT COALESCE('h' || COALESCE(c.huishouden_id, i.huishouden_id), 'i' || c.inwoner_id) AS huishouden,
         count(DISTINCT p.wet) AS wetten
  FROM backoffice_voorziening v
  JOIN backoffice_product p ON p.id = v.product_id
  JOIN intake_casus c ON c.id = v.casus_id
  JOIN intake_inwoner i ON i.id = c.inwoner_id
  JOIN netwerk_kern k ON k.id = c.kern_id
  WHERE v.startdatum <= %(peildatum)s AND COALESCE(v.beeindigd_op, v.einddatum) >= %(peildatum)s
    AND k.gemeente = %(gemeente)s
  GROUP BY 1
)
SELECT count(*) FILTER (WHERE wetten = 1) AS een, count(*) FILTER (WHERE wetten = 2) AS twee,
       count(*) FILTER (WHERE wetten >= 3) AS drie
FROM per_huishouden
"""


def stapeling(periode: Periode, gemeente: str) -> dict:
    """Households (a person without one counts as its own) with a running voorziening on the
    reference date (the period's last day), by the number of laws (CBS GMSD definition)."""
    return _fetch(STAPELING_SQL, {"peildatum": periode.tot, "gemeente": gemeente})[0]


BESLIST = "bz.beslist_op BETWEEN %(van)s AND %(tot)s"
BEZWAREN_SQL = f"""
SELECT c.wet,
       count(*) FILTER (WHERE bz.ontvangen_op BETWEEN %(van)s AND %(tot)s) AS ontvangen,
       count(*) FILTER (WHERE {BESLIST}
         AND bz.beslist_op <= COALESCE(t.uiterste_datum, bz.einde_bezwaartermijn
           + CASE WHEN bz.adviescommissie THEN 84 ELSE 42 END)) AS op_tijd,
       count(*) FILTER (WHERE {BESLIST} AND bz.uitkomst = 'gegrond') AS gegrond,
       count(*) FILTER (WHERE {BESLIST} AND bz.uitkomst = 'ongegrond') AS ongegrond,
       count(*) FILTER (WHERE {BESLIST} AND bz.uitkomst = 'niet_ontvankelijk') AS niet_ontvankelijk,
       count(*) FILTER (WHERE {BESLIST} AND bz.uitkomst = 'ingetrokken') AS ingetrokken
FROM backoffice_bezwaar bz
JOIN intake_casus c ON c.id = bz.casus_id
JOIN netwerk_kern k ON k.id = c.kern_id
LEFT JOIN LATERAL (
  SELECT t.uiterste_datum FROM backoffice_termijn t
  WHERE t.bezwaar_id = bz.id AND t.soort = 'bezwaar_beslissing' ORDER BY t.id DESC LIMIT 1
) t ON true
WHERE (bz.ontvangen_op BETWEEN %(van)s AND %(tot)s OR {BESLIST}) AND k.gemeente = %(gemeente)s
GROUP BY 1
"""  # nosec B608  # constant fragments and model table names; every value is a parameter


def bezwaren(periode: Periode, gemeente: str) -> dict[str, dict]:
    rijen = _fetch(BEZWAREN_SQL, {"van": periode.van, "tot": periode.tot, "gemeente": gemeente})
    return {r["wet"]: r for r in rijen}


def verwijzingen_per_soort(periode: Periode, gemeente: str) -> list[dict]:
    from intake.models import Verwijzing

    return verwijzingen.per_soort(
        Verwijzing.objects.filter(
            verstuurd_op__gte=periode.begin, verstuurd_op__lt=periode.einde, casus__kern__gemeente=gemeente
        )
    )


def cijfers(periode: Periode, gemeente: str, kern_ids: list[int]) -> dict:
    """Every figure of one period: a constant number of queries (eight)."""
    return {
        "hulpvragen": hulpvragen_per_kern(periode, kern_ids),
        "overgangen": overgangen_per_kern(periode, kern_ids),
        "aanvragen": aanvragen_per_kern(periode, kern_ids),
        "besluiten": besluiten(periode, gemeente),
        "voorzieningen": voorzieningen(periode, gemeente),
        "stapeling": stapeling(periode, gemeente),
        "bezwaren": bezwaren(periode, gemeente),
        "verwijzingen": verwijzingen_per_soort(periode, gemeente),
    }
