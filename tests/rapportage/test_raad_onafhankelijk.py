"""The raad report against independent SQL on every figure, and each figure the same on the page, in
the XLSX and in the PDF: the secondary suppression has its own mark ("x", never "<5" for 26), a median
of 10.5 days is 10,5 everywhere, and sheet names are whole words.

The data set is larger than conftest's so that figures pass the threshold: 58 households in Veen with a
Wmo voorziening on 31 March 2026, 26 of them with a Jeugdwet voorziening too and 2 with all three laws;
8 Wmo besluiten in Q1 after LEAD_TIMES days (median 10.5)."""

import io
import re
import statistics

import openpyxl
import pytest
from django.db import connection
from pypdf import PdfReader

from backoffice.models import Besluit
from intake.workflow import Fase
from rapportage import raad_stand
from rapportage.exports import BLAD_MAX, bladnaam
from rapportage.getallen import afgerond, getal_tekst
from rapportage.onderdrukking import ONDERDRUKT, ONDERDRUKT_SECUNDAIR  # noqa: F401
from tests.factories.backoffice import AanvraagFactory, BesluitFactory, ProductFactory, VoorzieningFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory

from .conftest import d, moment, overgang

pytestmark = pytest.mark.django_db

Q1 = "?gemeente=Altena&soort=kwartaal&jaar=2026&nummer=1"
LEAD_TIMES = [8, 9, 10, 10, 11, 11, 12, 15]  # median 10.5, p90 12.9


@pytest.fixture(params=["direct", "stand"])
def groot(request, db):
    from tests.factories.netwerk import KernFactory

    veen = KernFactory(naam="Veen", voormalige_gemeente="Aalburg")
    wmo = ProductFactory()
    jeugd = ProductFactory(wet="jeugdwet", naam="Jeugdhulp ambulant", categorie="45", productcode="45A01")
    pw = ProductFactory(wet="participatiewet", naam="Beschut werk", categorie="", productcode="")

    def voorziening(casus, product):
        VoorzieningFactory(
            casus=casus,
            besluit=BesluitFactory(casus=casus, besluitdatum=d(2025, 5, 20)),
            product=product,
            startdatum=d(2025, 6, 1),
            einddatum=d(2026, 12, 31),
        )

    for i in range(58):
        huishouden = HuishoudenFactory()
        ouder = CasusFactory(
            inwoner=InwonerFactory(kern=veen, huishouden=huishouden),
            kern=veen,
            maatwerk=True,
            aangemaakt=moment(2025, 5, 1, 9),
        )
        voorziening(ouder, wmo)
        if i < 28:  # 26 with two laws, 2 with three, 30 with one
            kind = CasusFactory(
                inwoner=InwonerFactory(kern=veen, huishouden=huishouden),
                kern=veen,
                maatwerk=True,
                wet="jeugdwet",
                aangemaakt=moment(2025, 5, 1, 9),
            )
            voorziening(kind, jeugd)
        if i >= 26 and i < 28:
            voorziening(ouder, pw)
    for dagen in LEAD_TIMES:
        c = CasusFactory(
            inwoner=InwonerFactory(kern=veen), kern=veen, maatwerk=True, aangemaakt=moment(2026, 1, 5)
        )
        overgang(c, Fase.AANGEMELD, Fase.MELDING, moment(2026, 1, 6, 10))
        aanvraag = AanvraagFactory(casus=c, wet="wmo", ontvangen_op=d(2026, 2, 2))
        BesluitFactory(
            casus=c,
            aanvraag=aanvraag,
            soort=Besluit.Soort.TOEKENNING,
            besluitdatum=d(2026, 2, 2 + dagen),
        )
    if request.param == "stand":
        raad_stand.verversen()
    return veen


def sql(query, **params):
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def onafhankelijk() -> dict:
    """Every figure, counted in plain SQL written for this test (not the report's queries)."""
    uit = {}
    per_huishouden = sql(
        """SELECT count(DISTINCT p.wet) FROM backoffice_voorziening v
           JOIN backoffice_product p ON p.id = v.product_id JOIN intake_casus c ON c.id = v.casus_id
           JOIN intake_inwoner i ON i.id = c.inwoner_id
           WHERE v.startdatum <= %(dag)s AND COALESCE(v.beeindigd_op, v.einddatum) >= %(dag)s
           GROUP BY COALESCE(i.huishouden_id, -i.id)""",
        dag=d(2026, 3, 31),
    )
    wetten = [r[0] for r in per_huishouden]
    uit["stapeling"] = [wetten.count(1), wetten.count(2), sum(1 for w in wetten if w >= 3)]
    dagen = [
        r[0]
        for r in sql(
            """SELECT b.besluitdatum - a.ontvangen_op FROM backoffice_besluit b
               JOIN backoffice_aanvraag a ON a.id = b.aanvraag_id
               WHERE b.besluitdatum BETWEEN %(van)s AND %(tot)s AND a.wet = 'wmo'""",
            van=d(2026, 1, 1),
            tot=d(2026, 3, 31),
        )
    ]
    uit["wmo_basis"] = len(dagen)
    uit["wmo_mediaan"] = statistics.median(dagen)
    uit["wmo_p90"] = statistics.quantiles(dagen, n=10, method="inclusive")[-1]
    uit["wmo_op_tijd"] = 100 * sum(1 for x in dagen if x <= 14) / len(dagen)
    uit["meldingen"] = sql(
        """SELECT count(*) FROM intake_casusgebeurtenis g
           WHERE g.soort = 'overgang' AND g.fase_naar = 'melding'
             AND g.tijdstip >= %(b)s AND g.tijdstip < %(e)s""",
        b=moment(2026, 1, 1),
        e=moment(2026, 4, 1),
    )[0][0]
    uit["aanvragen"] = sql(
        "SELECT count(*) FROM backoffice_aanvraag WHERE ontvangen_op BETWEEN %(van)s AND %(tot)s",
        van=d(2026, 1, 1),
        tot=d(2026, 3, 31),
    )[0][0]
    uit["actief"] = sql(
        """SELECT count(*) FROM backoffice_voorziening v WHERE v.startdatum <= %(dag)s
           AND COALESCE(v.beeindigd_op, v.einddatum) >= %(dag)s""",
        dag=d(2026, 3, 31),
    )[0][0]
    return uit


def _pdf_tekst(inhoud: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)


def test_every_figure_matches_independent_sql_on_page_xlsx_and_pdf(client_for, raad_teamleider, groot):
    verwacht = onafhankelijk()
    client = client_for(raad_teamleider)
    page = client.get("/rapportage/raad/" + Q1)
    rapport = page.context["rapport"]
    t = rapport["tabellen"]

    # Stapeling: 30 households with one law, 26 with two, 2 with three (suppressed, so 26 hides too).
    assert verwacht["stapeling"] == [30, 26, 2]
    cellen = [r[0] for r in t["stapeling"].cellen]
    assert [c.waarde for c in cellen] == verwacht["stapeling"]
    assert t["stapeling"].kolomtotalen[0].waarde == 58
    assert [c.tekst for c in cellen] == ["30", ONDERDRUKT_SECUNDAIR, ONDERDRUKT]
    assert cellen[1].secundair and not cellen[2].secundair

    # The other totals.
    assert t["meldingen"].totaal.waarde == verwacht["meldingen"]
    assert t["aanvragen"].totaal.waarde == verwacht["aanvragen"]
    assert t["voorzieningen_vorm"].kolomtotalen[0].waarde == verwacht["actief"]
    assert t["besluiten"].totaal.waarde == verwacht["wmo_basis"]

    # Lead times: rounded once, shown the same.
    wmo = rapport["secties"][1].kengetallen[0]
    assert wmo.basis == verwacht["wmo_basis"] == 8
    assert wmo.mediaan == afgerond(verwacht["wmo_mediaan"]) == 10.5
    assert wmo.p90 == afgerond(verwacht["wmo_p90"])
    assert wmo.op_tijd_pct == afgerond(verwacht["wmo_op_tijd"])

    html = page.content.decode()
    rij = re.search(r'<th scope="row">Wmo 2015</th>(.*?)</tr>', html, re.S).group(1)
    waarden = re.findall(r'<td class="text-end">([^<]*)</td>', rij)
    assert waarden[:4] == ["8", f"{wmo.op_tijd_tekst}%", "10,5", getal_tekst(wmo.p90)]
    assert "x = 5 of meer, verborgen" in html  # the legend on the page

    wb = openpyxl.load_workbook(io.BytesIO(client.get("/rapportage/raad/xlsx/" + Q1).content))
    for ws in wb.worksheets:
        assert len(ws.title) <= BLAD_MAX
    assert "Hulpvragen en aanvragen" in wb.sheetnames
    blad = wb["Besluiten en doorlooptijden"]
    rijen = list(blad.iter_rows(values_only=True))
    xlsx_wmo = next(
        r for r in rijen if r[0] == "Wmo 2015" and isinstance(r[2], (int, float)) and r[3] is not None
    )
    assert list(xlsx_wmo[1:5]) == [8, wmo.op_tijd_pct, 10.5, wmo.p90]
    stapeling = [r for r in wb["Stapeling van voorzieningen"].iter_rows(values_only=True)]
    assert ("Twee wetten", "x") in [(r[0], r[1]) for r in stapeling]
    assert not any(r[0] == "Twee wetten" and r[1] == "<5" for r in stapeling)
    toelichting = " ".join(str(v) for r in wb["Toelichting"].iter_rows(values_only=True) for v in r if v)
    assert "x = 5 of meer" in toelichting

    pdf = _pdf_tekst(client.get("/rapportage/raad/pdf/" + Q1).content)
    assert "Twee wetten x" in pdf and "10,5" in pdf
    assert "x = 5 of meer" in pdf


@pytest.mark.parametrize(
    ("sleutel", "titel", "verwacht"),
    [
        ("instroom", "Hulpvragen, meldingen en aanvragen", "Hulpvragen en aanvragen"),
        ("onbekend", "Verwijzingen naar het voorliggend veld per soort", "Verwijzingen"),
        ("onbekend", "Maatwerkvoorzieningen per productcategorie", "Maatwerkvoorzieningen"),
        ("onbekend", "A/B: [x]", "A-B- -x-"),
    ],
)
def test_sheet_names_are_whole_words(sleutel, titel, verwacht):
    assert bladnaam(sleutel, titel) == verwacht
