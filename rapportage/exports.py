"""Exports of the raad report: CSV per table, XLSX of the whole report (one sheet per section) and
the PDF (WeasyPrint). Numbers stay numbers; suppressed cells are the text "<5"; every text value
goes through ``neutraliseer`` (formula injection)."""

from __future__ import annotations

import csv
import io

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from altena.exports import neutraliseer  # the project-wide neutraliser (formula injection)

from .onderdrukking import LEGENDA, Tabel

__all__ = ["neutraliseer"]


def tabel_regels(tabel: Tabel, vorige_label: str = "") -> list[list]:
    """The table as rows of values: header, rows (with subtotals), the column totals."""
    kop = [tabel.kop, *tabel.kolommen]
    if tabel.rijtotaal:
        kop.append("Totaal")
    if tabel.vorige is not None and vorige_label:
        kop.append(f"{tabel.vergelijk_kolom} {vorige_label}")
    regels = [kop]
    for r in tabel.regels():
        rij = [r["label"], *(c.export for c in r["cellen"])]
        if tabel.rijtotaal:
            rij.append(r["totaal"].export)
        if tabel.vorige is not None and vorige_label:
            rij.append(r["vorige"].export if r["vorige"] is not None else "")
        regels.append(rij)
    if tabel.kolomtotaal:
        rij = ["Totaal", *(c.export for c in tabel.kolomtotalen)]
        if tabel.rijtotaal:
            rij.append(tabel.totaal.export)
        if tabel.vorige is not None and vorige_label:
            rij.append(tabel.vorige.eindcel.export if tabel.vorige.eindcel else "")
        regels.append(rij)
    return [[neutraliseer(v) for v in rij] for rij in regels]


def onderdrukking_uitleg() -> str:
    """The legend of the suppression marks, the same on the page, in the XLSX and in the PDF."""
    return "Tekens: " + "; ".join(f"{teken} = {betekenis}" for teken, betekenis in LEGENDA) + "."


# Excel allows 31 characters in a sheet name and none of []:*?/\ ; each section has a short name of its
# own, and any other title is shortened at a word boundary.
BLADNAMEN = {
    "instroom": "Hulpvragen en aanvragen",
    "besluiten": "Besluiten en doorlooptijden",
    "voorzieningen": "Maatwerkvoorzieningen",
    "schaling": "Opschaling en afschaling",
    "stapeling": "Stapeling van voorzieningen",
    "bezwaren": "Bezwaren",
}
BLAD_MAX = 31


def bladnaam(sleutel: str, titel: str) -> str:
    """A meaningful sheet name of at most 31 characters, never cut inside a word."""
    naam = BLADNAMEN.get(sleutel) or titel
    for teken in "[]:*?/\\":
        naam = naam.replace(teken, "-")
    if len(naam) <= BLAD_MAX:
        return naam
    woorden, uit = naam.split(), ""
    for woord in woorden:
        kandidaat = f"{uit} {woord}".strip()
        if len(kandidaat) > BLAD_MAX:
            break
        uit = kandidaat
    uit = uit.rstrip(" ,;-")
    while uit.split() and uit.split()[-1] in ("en", "of", "van", "de", "het", "per", "naar", "met"):
        uit = uit.rsplit(" ", 1)[0].rstrip(" ,;-")
    return uit or naam[:BLAD_MAX]


def csv_van(tabel: Tabel, rapport: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [neutraliseer(f"{tabel.titel}, gemeente {rapport['gemeente']}, {rapport['periode'].label}")]
    )
    for rij in tabel_regels(tabel, rapport["vorige"].label):
        writer.writerow(rij)
    return buffer.getvalue()


def xlsx_van(rapport: dict) -> bytes:
    wb = Workbook()
    info = wb.active
    info.title = "Toelichting"
    info.append(["Raadsrapportage sociaal domein"])
    info["A1"].font = Font(bold=True, size=14)
    info.append(["Gemeente", neutraliseer(rapport["gemeente"])])
    info.append(["Periode", rapport["periode"].label, rapport["periode"].van, rapport["periode"].tot])
    info.append(["Vorige periode", rapport["vorige"].label, rapport["vorige"].van, rapport["vorige"].tot])
    info.append(["Onderdrukking", onderdrukking_uitleg()])
    if rapport.get("stand"):
        info.append(
            ["Stand van de cijfers", timezone.localtime(rapport["stand"].berekend_op).replace(tzinfo=None)]
        )
        info.cell(info.max_row, 2).number_format = "DD-MM-YYYY HH:MM"
    for rij in info.iter_rows(min_row=3, max_row=4, min_col=3, max_col=4):
        for cel in rij:
            cel.number_format = "DD-MM-YYYY"
    for sectie in rapport["secties"]:
        ws = wb.create_sheet(bladnaam(sectie.sleutel, sectie.titel))
        ws.append([sectie.titel])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([f"{rapport['periode'].label} (vorige periode: {rapport['vorige'].label})"])
        ws.append([onderdrukking_uitleg()])
        for tabel in sectie.tabellen:
            ws.append([])
            ws.append([tabel.titel])
            ws.cell(ws.max_row, 1).font = Font(bold=True)
            for i, rij in enumerate(tabel_regels(tabel, rapport["vorige"].label)):
                ws.append(rij)
                if i == 0:
                    for cel in ws[ws.max_row]:
                        cel.font = Font(bold=True)
        if sectie.kengetallen:
            ws.append([])
            ws.append(
                [
                    "Wet",
                    "Besluiten op een aanvraag",
                    "Binnen de termijn (%)",
                    "Mediaan (dagen)",
                    "90e percentiel (dagen)",
                    "Wettelijke termijn (dagen)",
                ]
            )
            for k in sectie.kengetallen:
                if k.zichtbaar:
                    ws.append([k.label, k.basis, k.op_tijd_pct, k.mediaan, k.p90, k.wettelijk])
                else:
                    ws.append([k.label, "<5", None, None, None, k.wettelijk])
        ws.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def pdf_van(rapport: dict, request) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string(
        "rapportage/raad_pdf.html",
        {**rapport, "rapport": rapport, "uitleg": onderdrukking_uitleg()},
        request=request,
    )
    stylesheets = [CSS(filename=finders.find("css/rapportage-print.css"))]
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(stylesheets=stylesheets)
