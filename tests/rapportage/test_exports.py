"""Exports of the raad report: the same numbers as the page, no personal data, role rules."""

import csv
import io

import openpyxl
import pytest
from pypdf import PdfReader

from altena.access import Rol
from intake.models import Casus, Inwoner
from rapportage.exports import neutraliseer, tabel_regels

from .test_raad import Q1

pytestmark = pytest.mark.django_db


def _xlsx_tabellen(inhoud: bytes) -> dict[str, list[list]]:
    """Each table of the workbook by its title: its rows until the blank line."""
    wb = openpyxl.load_workbook(io.BytesIO(inhoud))
    tabellen = {}
    for ws in wb.worksheets[1:]:
        rijen = list(ws.iter_rows(values_only=True))
        i = 0
        while i < len(rijen):
            if (
                i + 1 < len(rijen)
                and rijen[i][0]
                and rijen[i + 1][0]
                and rijen[i][1] is None
                and rijen[i + 1][1]
            ):
                titel, tabel = rijen[i][0], []
                i += 1
                while i < len(rijen) and any(v is not None for v in rijen[i]):
                    tabel.append([v for v in rijen[i] if v is not None])
                    i += 1
                tabellen[titel] = tabel
            i += 1
    return tabellen


def test_xlsx_holds_the_page_numbers_as_numbers(client_for, raad_teamleider, q1):
    client = client_for(raad_teamleider)
    page = client.get("/rapportage/raad/" + Q1)
    response = client.get("/rapportage/raad/xlsx/" + Q1)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    tabellen = _xlsx_tabellen(response.content)
    for tabel in page.context["rapport"]["tabellen"].values():
        verwacht = [
            [v for v in r if v != ""] for r in tabel_regels(tabel, page.context["rapport"]["vorige"].label)
        ]
        assert tabellen[tabel.titel] == verwacht, tabel.sleutel
    meldingen = tabellen["Meldingen maatwerk per wet en kern"]
    assert meldingen[1][:2] == ["Veen", 5] and isinstance(meldingen[1][1], int)
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    toelichting = [r for r in wb["Toelichting"].iter_rows(values_only=True)]
    assert any("Onderdrukking" == r[0] and "<5" in r[1] for r in toelichting)
    assert any(r[0] == "Periode" and r[1] == "1e kwartaal 2026" for r in toelichting)


def test_csv_per_table_holds_the_page_numbers(client_for, raad_teamleider, q1):
    client = client_for(raad_teamleider)
    page = client.get("/rapportage/raad/" + Q1)
    for sleutel, tabel in page.context["rapport"]["tabellen"].items():
        response = client.get(f"/rapportage/raad/csv/{sleutel}/" + Q1)
        assert response.status_code == 200
        rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        verwacht = [[str(v) for v in r] for r in tabel_regels(tabel, page.context["rapport"]["vorige"].label)]
        assert rijen[1:] == verwacht, sleutel
    assert client.get("/rapportage/raad/csv/bestaat-niet/" + Q1).status_code == 404


def test_pdf_is_a_pdf_with_the_report(client_for, raad_teamleider, q1):
    response = client_for(raad_teamleider).get("/rapportage/raad/pdf/" + Q1)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Raadsrapportage sociaal domein" in tekst and "1e kwartaal 2026" in tekst
    assert "Meldingen maatwerk per wet en kern" in tekst


def test_no_bsn_name_or_case_number_in_report_exports_or_pdf(client_for, raad_teamleider, q1):
    client = client_for(raad_teamleider)
    teksten = {
        "html": client.get("/rapportage/raad/" + Q1).content.decode(),
        "csv": "".join(
            client.get(f"/rapportage/raad/csv/{s}/" + Q1).content.decode()
            for s in ("hulpvragen", "meldingen", "verwijzingen", "bezwaren")
        ),
        "pdf": "".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(client.get("/rapportage/raad/pdf/" + Q1).content)).pages
        ),
    }
    wb = openpyxl.load_workbook(io.BytesIO(client.get("/rapportage/raad/xlsx/" + Q1).content))
    teksten["xlsx"] = " ".join(
        str(v) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for v in r
    )
    verboden = set(Casus.objects.values_list("nummer", flat=True))
    for inwoner in Inwoner.objects.all():
        verboden |= {inwoner.bsn, inwoner.achternaam, inwoner.naam, inwoner.bsn_gemaskeerd[-4:]}
    verboden |= {"Huishouden Eén", "Huishouden Twee"}
    for soort, tekst in teksten.items():
        for woord in verboden:
            assert woord not in tekst, (soort, woord)


def test_formula_injection_is_neutralised():
    assert neutraliseer("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutraliseer("+31") == "'+31" and neutraliseer("@x") == "'@x" and neutraliseer("-2") == "'-2"
    assert neutraliseer(-2) == -2 and neutraliseer("Veen") == "Veen"


@pytest.mark.parametrize(
    "path",
    [
        "/rapportage/raad/",
        "/rapportage/raad/xlsx/",
        "/rapportage/raad/pdf/",
        "/rapportage/raad/csv/meldingen/",
    ],
)
@pytest.mark.parametrize("role", Rol.ALL)
def test_raad_report_and_exports_per_role(client_for, role_users, role, path, raad_team):
    for user in role_users.values():
        raad_team.leden.add(user)
    response = client_for(role_users[role]).get(path)
    expected = 200 if role in (Rol.TEAMLEIDER, Rol.BELEID) else 403
    assert response.status_code == expected, f"{role} {path}"


@pytest.mark.parametrize(
    "path,expected",
    [
        ("/rapportage/", 403),
        ("/intake/", 403),
        ("/backoffice/", 403),
        ("/netwerk/", 403),
        ("/signalen/", 403),
    ],
)
def test_beleid_sees_the_raad_report_and_nothing_else(client_for, raad_beleid, path, expected):
    assert client_for(raad_beleid).get(path).status_code == expected


def test_beleid_opens_the_report_of_its_gemeente(client_for, raad_beleid, q1):
    response = client_for(raad_beleid).get("/rapportage/raad/" + Q1)
    assert response.status_code == 200
    assert response.context["rapport"]["gemeente"] == "Altena"
    html = response.content.decode()
    assert "Raadsrapportage" in html and "Werkvoorraad" not in html and "Dashboard" not in html
    assert client_for(raad_beleid).get("/").url == "/rapportage/raad/"
