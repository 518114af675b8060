"""Exports (CSV and XLSX) without formula injection: the ONE place that neutralises cell values.

A spreadsheet treats a cell that starts with ``= + - @`` (or a tab or carriage return before one)
as a formula: ``=HYPERLINK("https://evil","klik")`` in a partner's name or a log line would become a
live link in the file that a colleague opens. Every export of the project goes through here:

* ``neutraliseer(waarde)`` for one value, ``neutraliseer_rij(rij)`` for a row;
* ``csv_response(bestandsnaam, koppen, rijen)`` for a CSV download written by the application;
* ``NeutraleResource`` (django-import-export): base class of every resource, so the admin's CSV
  and XLSX exports are neutralised; its import undoes exactly this quoting, so an export can be
  imported again unchanged (a phone number ``+31 ...`` keeps its plus).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from django.http import HttpResponse
from import_export import resources

GEVAARLIJKE_BEGINTEKENS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _is_gevaarlijk(tekst: str) -> bool:
    if tekst.startswith(("\t", "\r")):
        return True
    return tekst.lstrip(" \t\r\n").startswith(GEVAARLIJKE_BEGINTEKENS)


def neutraliseer(waarde):
    """A text that a spreadsheet would run as a formula gets a leading apostrophe (shown as text).
    Numbers, dates and other values pass unchanged."""
    if isinstance(waarde, str) and waarde and _is_gevaarlijk(waarde):
        return QUOTE + waarde
    return waarde


def neutraliseer_rij(rij: Iterable) -> list:
    return [neutraliseer(waarde) for waarde in rij]


def herstel(waarde):
    """Undo ``neutraliseer`` on import: only an apostrophe that this module put there is removed."""
    if isinstance(waarde, str) and waarde.startswith(QUOTE) and _is_gevaarlijk(waarde[1:]):
        return waarde[1:]
    return waarde


def csv_response(bestandsnaam: str, koppen: Iterable[str], rijen: Iterable[Iterable]) -> HttpResponse:
    """A CSV download (UTF-8 with BOM and semicolons, as Dutch Excel opens it), every cell neutralised."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(neutraliseer_rij(koppen))
    for rij in rijen:
        writer.writerow(neutraliseer_rij(rij))
    return response


class NeutraleResource(resources.ModelResource):
    """Base of every django-import-export resource of the project: exports neutralised, imports
    restored. ``tests/altena/test_exports.py`` checks that every registered resource derives from it."""

    def export_field(self, field, instance, **kwargs):
        return neutraliseer(super().export_field(field, instance, **kwargs))

    def get_export_headers(self, selected_fields=None):
        return neutraliseer_rij(super().get_export_headers(selected_fields))

    def before_import_row(self, row, **kwargs):
        for key in list(row.keys()):
            row[key] = herstel(row[key])
        super().before_import_row(row, **kwargs)
