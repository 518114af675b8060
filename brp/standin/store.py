"""The stand-in BRP's own store: one JSON file, never the application's tables.

Shape: ``{"personen": {bsn: record}}``, a record being::

    {"bsn": "999990019", "voornamen": "Anna", "voorvoegsel": "van", "geslachtsnaam": "Dijk",
     "geslacht": "V", "geboortedatum": "1950-03-04", "geboorteplaats": "Almkerk",
     "adres": {"straat": "Dorpsstraat", "huisnummer": 1, "huisletter": "", "toevoeging": "",
               "postcode": "4254AB", "woonplaats": "Almkerk", "datumVan": "2001-05-01"},
     "gemeente": {"code": "1959", "naam": "Altena"},
     "partners": [bsn], "kinderen": [bsn], "ouders": [bsn],
     "overleden": "2026-11-30" | null, "geheimhouding": false,
     "onderzoek": {"verblijfplaats": "2026-10-01"},            # group -> datum ingang onderzoek
     "gezag": {"type": "GezamenlijkOuderlijkGezag", "ouders": [bsn, bsn]} | null}

``adres`` may be replaced by ``buitenland`` (regel1, regel2, landcode, land) after a move abroad.
Writers (``seed_demo``, ``manage.py brp_standin``, tests) replace the file atomically; the server
re-reads it when its modification time changes.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path


class Store:
    def __init__(self, pad: str | os.PathLike):
        self.pad = Path(pad)
        self._lock = threading.Lock()
        self._mtime: float | None = None
        self._personen: dict = {}
        self._postcodes: dict = {}
        self._namen: dict = {}

    def personen(self) -> dict:
        with self._lock:
            try:
                mtime = self.pad.stat().st_mtime_ns
            except FileNotFoundError:
                self._mtime, self._personen, self._postcodes, self._namen = None, {}, {}, {}
                return self._personen
            if mtime != self._mtime:
                data = json.loads(self.pad.read_text(encoding="utf-8") or "{}")
                self._personen = data.get("personen", {})
                self._indexeer()
                self._mtime = mtime
            return self._personen

    def _indexeer(self) -> None:
        self._postcodes, self._namen = {}, {}
        for rec in self._personen.values():
            adres = rec.get("adres")
            if adres:
                sleutel = (adres["postcode"].replace(" ", "").upper(), int(adres["huisnummer"]))
                self._postcodes.setdefault(sleutel, []).append(rec)
            self._namen.setdefault(rec["geboortedatum"], []).append(rec)

    def op_adres(self, postcode: str, huisnummer: int) -> list[dict]:
        self.personen()
        return list(self._postcodes.get((postcode.replace(" ", "").upper(), huisnummer), []))

    def op_geboortedatum(self, geboortedatum: str) -> list[dict]:
        self.personen()
        return list(self._namen.get(geboortedatum, []))


def lees(pad: str | os.PathLike) -> dict:
    pad = Path(pad)
    if not pad.exists():
        return {}
    return json.loads(pad.read_text(encoding="utf-8") or "{}").get("personen", {})


def schrijf(pad: str | os.PathLike, personen: dict) -> None:
    """Replace the store atomically (a reader sees the old or the new file, never half of one)."""
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".brp-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"personen": personen}, f, ensure_ascii=False, separators=(",", ":"))
    os.replace(tijdelijk, pad)


_schrijfslot = threading.Lock()


def wijzig(pad: str | os.PathLike, bsn: str, **wijzigingen) -> dict:
    """Change one person (e.g. ``overleden="2026-12-01"``) and write the store."""
    with _schrijfslot:
        personen = lees(pad)
        personen[bsn] = {**personen[bsn], **wijzigingen}
        schrijf(pad, personen)
        return personen[bsn]


def voeg_toe(pad: str | os.PathLike, nieuwe: dict) -> None:
    """Add or replace persons (by BSN) and write the store."""
    with _schrijfslot:
        personen = lees(pad)
        personen.update(nieuwe)
        schrijf(pad, personen)
