"""Demo data of the backoffice: the product catalogue (step 45) and, for the demo cases of step 60,
their legal terms, aanvragen, besluiten and voorzieningen (step 70).

Step 70 is set-based: the deadlines of every (soort, startdatum) pair are computed once in Python
with the same ``backoffice.termijnen`` the app uses, put in a temporary table, and joined onto
``intake_casus`` with INSERT ... SELECT. Cases that already have the records are skipped, so the
step is idempotent and fast for a million cases.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from altena.demo import DemoContext, demo_step

from . import termijnen as tw
from .models import Product
from .selectors import atw_feestdagen

# (wet, naam, categorie, productcode, eenheid): a realistic municipal catalogue.
PRODUCTEN = [
    ("wmo", "Hulp bij het huishouden", "01", "01A01", "uur"),
    ("wmo", "Hulp bij het huishouden plus (met regie)", "01", "01A02", "uur"),
    ("wmo", "Begeleiding individueel", "02", "02A01", "uur"),
    ("wmo", "Begeleiding individueel specialistisch", "02", "02A02", "uur"),
    ("wmo", "Persoonlijke verzorging", "03", "03A01", "uur"),
    ("wmo", "Kortdurend verblijf (logeeropvang)", "04", "04A01", "etmaal"),
    ("wmo", "Dagbesteding basis", "07", "07A01", "dagdeel"),
    ("wmo", "Dagbesteding specialistisch", "07", "07A02", "dagdeel"),
    ("wmo", "Vervoer naar dagbesteding", "08", "08A01", "stuk"),
    ("wmo", "Rolstoel (in bruikleen)", "11", "11A01", "stuk"),
    ("wmo", "Regiotaxi / collectief vervoer", "12", "12A01", "stuk"),
    ("wmo", "Woningaanpassing", "13", "13A01", "euro"),
    ("wmo", "Trapliften en tilliften", "14", "14A01", "stuk"),
    ("wmo", "Beschermd wonen", "15", "15A01", "etmaal"),
    ("wmo", "Maatschappelijke opvang", "16", "16A01", "etmaal"),
    ("jeugdwet", "Persoonlijke verzorging jeugd", "40", "40A01", "uur"),
    ("jeugdwet", "Dagbehandeling jeugd", "41", "41A01", "dagdeel"),
    ("jeugdwet", "Leerlingenvervoer jeugdhulp", "42", "42A01", "stuk"),
    ("jeugdwet", "Pleegzorg en gezinshuis", "44", "44A01", "etmaal"),
    ("jeugdwet", "Ambulante jeugdhulp", "45", "45A01", "uur"),
    ("jeugdwet", "Ambulante jeugdhulp specialistisch (GGZ)", "45", "45A02", "uur"),
    ("jeugdwet", "Crisisinterventie jeugd", "46", "46A01", "uur"),
    ("jeugdwet", "Jeugdreclassering", "47", "47A01", "uur"),
    ("jeugdwet", "Ondertoezichtstelling (jeugdbescherming)", "48", "48A01", "uur"),
    ("participatiewet", "Algemene bijstand", "", "", "euro"),
    ("participatiewet", "Bijzondere bijstand", "", "", "euro"),
    ("participatiewet", "Voorschot op bijstand", "", "", "euro"),
    ("participatiewet", "Re-integratietraject naar werk", "", "", "uur"),
    ("participatiewet", "Loonkostensubsidie", "", "", "euro"),
    ("participatiewet", "Beschut werk", "", "", "uur"),
]


@demo_step(45)
def demo_productcatalogus(ctx: DemoContext) -> None:
    for wet, naam, categorie, productcode, eenheid in PRODUCTEN:
        Product.objects.update_or_create(
            wet=wet,
            naam=naam,
            defaults={"categorie": categorie, "productcode": productcode, "eenheid": eenheid},
        )
    ctx.log(f"  {Product.objects.count()} producten in de catalogus")


LOKAAL = "(g.tijdstip AT TIME ZONE 'Europe/Amsterdam')::date"


def _regeltabel(cursor, van: date, tot: date) -> None:
    """temp table demo_termijnregel(soort, startdatum, uiterste_datum, regel) for every start date."""
    feestdagen = atw_feestdagen()
    cursor.execute("DROP TABLE IF EXISTS demo_termijnregel, demo_stap")
    cursor.execute(
        "CREATE TEMP TABLE demo_termijnregel (soort varchar(30), startdatum date, uiterste_datum date, "
        "regel text, "
        "PRIMARY KEY (soort, startdatum)) ON COMMIT DROP"
    )
    rijen = []
    dag = van
    while dag <= tot:
        for soort in tw.REGELS:
            u = tw.bereken_termijn(soort, dag, feestdagen=feestdagen)
            rijen.append((soort, dag, u.uiterste_datum, u.regel))
        dag += timedelta(days=1)
    cursor.executemany("INSERT INTO demo_termijnregel VALUES (%s, %s, %s, %s)", rijen)
    cursor.execute("ANALYZE demo_termijnregel")


# Per case the dates of its steps, from the timeline the intake demo wrote.
STAPPEN = f"""
    CREATE TEMP TABLE demo_stap ON COMMIT DROP AS
    SELECT c.id AS casus_id, c.wet, c.fase, c.meldingsdatum, c.behandelaar_id,
           max({LOKAAL}) FILTER (WHERE g.fase_naar = 'aanvraag') AS aanvraag_op,
           max({LOKAAL}) FILTER (WHERE g.fase_naar = 'besluit') AS besluit_op,
           min({LOKAAL}) FILTER (WHERE g.fase_van IN ('melding', 'onderzoek')
                                  AND g.fase_naar IN ('aanvraag', 'verwezen', 'afgesloten'))
           AS onderzoek_klaar
    FROM intake_casus c
    JOIN intake_casusgebeurtenis g ON g.casus_id = c.id AND g.soort = 'overgang'
    WHERE c.wet <> '' AND c.meldingsdatum IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM backoffice_termijn t WHERE t.casus_id = c.id)
    GROUP BY c.id
"""  # nosec B608  # demo data only: constant SQL fragments, no input

TERMIJNEN = """
    INSERT INTO backoffice_termijn (casus_id, soort, bezwaar_id, startdatum, uiterste_datum, regel,
                                    opgeschort_dagen, opgeschort_sinds, verdaagd_tot, afgerond_op,
                                    berekend_op)
    SELECT s.casus_id, r.soort, NULL, r.startdatum, r.uiterste_datum, r.regel, 0, NULL, NULL, {afgerond},
           now()
    FROM demo_stap s JOIN demo_termijnregel r ON r.soort = {soort} AND r.startdatum = {start}
    WHERE {waar}
"""

BESCHIKKING_SOORT = (
    "CASE s.wet WHEN 'wmo' THEN 'wmo_beschikking' WHEN 'jeugdwet' THEN 'jeugd_beschikking' "
    "ELSE 'pw_beschikking' END"
)

AANVRAGEN = """
    INSERT INTO backoffice_aanvraag (casus_id, wet, ontvangen_op, omschrijving, voorschot_gevraagd,
                                     voorschot_verleend_op, door_id)
    SELECT s.casus_id, s.wet, s.aanvraag_op, 'Aanvraag maatwerkvoorziening (demo)', false, NULL,
           s.behandelaar_id
    FROM demo_stap s
    WHERE s.aanvraag_op IS NOT NULL AND s.fase IN ('aanvraag', 'besluit', 'in_zorg')
      AND NOT EXISTS (SELECT 1 FROM backoffice_aanvraag x WHERE x.casus_id = s.casus_id)
"""

BESLUITEN = """
    INSERT INTO backoffice_besluit (casus_id, aanvraag_id, soort, besluitdatum, verzonden_op, motivering,
                                    grondslag,
                                    na_bezwaar_id, door_id, aangemaakt)
    SELECT s.casus_id, a.id, 'toekenning', s.besluit_op, s.besluit_op,
           'Uit het onderzoek blijkt dat de inwoner deze ondersteuning nodig heeft (demo).',
           CASE s.wet WHEN 'wmo' THEN 'Wmo 2015 art. 2.3.5' WHEN 'jeugdwet' THEN 'Jeugdwet art. 2.3'
                      ELSE 'Participatiewet art. 11' END,
           NULL, s.behandelaar_id, now()
    FROM demo_stap s JOIN backoffice_aanvraag a ON a.casus_id = s.casus_id
    WHERE s.besluit_op IS NOT NULL AND s.fase IN ('besluit', 'in_zorg')
      AND NOT EXISTS (SELECT 1 FROM backoffice_besluit x WHERE x.casus_id = s.casus_id)
"""

# One voorziening per besluit: a product of the law and, for Wmo and Jeugd, a provider with an AGB
# code, both picked deterministically by the case id.
VOORZIENINGEN = """
    WITH p AS (
        SELECT wet, id, eenheid, row_number() OVER (PARTITION BY wet ORDER BY id) - 1 AS nr,
               count(*) OVER (PARTITION BY wet) AS n
        FROM backoffice_product WHERE actief
    ), z AS (
        SELECT soort, id, row_number() OVER (PARTITION BY soort ORDER BY id) - 1 AS nr,
               count(*) OVER (PARTITION BY soort) AS n
        FROM netwerk_partner WHERE actief AND agb_code <> ''
          AND soort IN ('zorgaanbieder_wmo', 'zorgaanbieder_jeugd')
    )
    INSERT INTO backoffice_voorziening (casus_id, besluit_id, product_id, leveringsvorm, aanbieder_id, volume,
                                        eenheid,
                                        frequentie, startdatum, einddatum, beeindigd_op, beeindigingsreden)
    SELECT b.casus_id, b.id, p.id,
           CASE WHEN c.wet <> 'participatiewet' AND b.casus_id % 10 = 0 THEN 'pgb' ELSE 'natura' END,
           CASE WHEN c.wet = 'participatiewet' OR b.casus_id % 10 = 0 THEN NULL ELSE z.id END,
           CASE p.eenheid WHEN 'euro' THEN 950 ELSE 1 + b.casus_id % 6 END, p.eenheid,
           CASE p.eenheid WHEN 'euro' THEN 'maand' WHEN 'etmaal' THEN 'maand' ELSE 'week' END,
           b.besluitdatum + 7, b.besluitdatum + 7 + (CASE WHEN b.casus_id % 3 = 0 THEN 182 ELSE 365 END),
           NULL, ''
    FROM backoffice_besluit b
    JOIN intake_casus c ON c.id = b.casus_id
    JOIN p ON p.wet = c.wet AND p.nr = b.casus_id % p.n
    LEFT JOIN z ON z.soort = CASE c.wet WHEN 'wmo' THEN 'zorgaanbieder_wmo' ELSE 'zorgaanbieder_jeugd' END
               AND z.nr = b.casus_id % z.n
    WHERE NOT EXISTS (SELECT 1 FROM backoffice_voorziening v WHERE v.besluit_id = b.id)
      AND (c.wet = 'participatiewet' OR b.casus_id % 10 = 0 OR z.id IS NOT NULL)
"""


@demo_step(70)
def demo_maatwerk(ctx: DemoContext) -> None:
    """Terms, aanvragen, besluiten and voorzieningen for the demo maatwerk cases (idempotent)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(meldingsdatum) FROM intake_casus WHERE wet <> ''")
        (eerste,) = cursor.fetchone()
        if eerste is None:
            ctx.log("  geen maatwerkcasussen")
            return
        _regeltabel(cursor, eerste, timezone.localdate())
        cursor.execute(STAPPEN)
        cursor.execute("SELECT count(*) FROM demo_stap")
        (nieuw,) = cursor.fetchone()
        if not nieuw:
            ctx.log("  maatwerk van de democasussen was er al")
            return
        cursor.execute("ANALYZE demo_stap")
        cursor.execute(
            TERMIJNEN.format(
                soort="'wmo_onderzoek'",
                start="s.meldingsdatum",
                afgerond="s.onderzoek_klaar",
                waar=(
                    "s.wet = 'wmo' AND (s.onderzoek_klaar IS NOT NULL OR s.fase IN ('melding', 'onderzoek'))"
                ),
            )
        )
        cursor.execute(
            TERMIJNEN.format(
                soort="'wmo_plan'",
                start="s.meldingsdatum",
                afgerond="NULL",
                waar="s.wet = 'wmo' AND s.fase IN ('melding', 'onderzoek')",
            )
        )
        cursor.execute(
            TERMIJNEN.format(
                soort=BESCHIKKING_SOORT,
                start="s.aanvraag_op",
                afgerond="CASE WHEN s.besluit_op >= s.aanvraag_op THEN s.besluit_op END",
                waar="s.aanvraag_op IS NOT NULL AND (s.fase = 'aanvraag' OR s.besluit_op >= s.aanvraag_op)",
            )
        )
        cursor.execute(AANVRAGEN)
        cursor.execute(BESLUITEN)
        cursor.execute(VOORZIENINGEN)
        for tabel in (
            "backoffice_termijn",
            "backoffice_aanvraag",
            "backoffice_besluit",
            "backoffice_voorziening",
        ):
            cursor.execute(f"ANALYZE {tabel}")
        cursor.execute(
            "SELECT (SELECT count(*) FROM backoffice_termijn), (SELECT count(*) FROM backoffice_besluit), "
            "(SELECT count(*) FROM backoffice_voorziening)"
        )
        termijnen, besluiten, voorzieningen = cursor.fetchone()
    ctx.log(f"  {termijnen} termijnen, {besluiten} besluiten, {voorzieningen} voorzieningen")
