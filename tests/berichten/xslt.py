"""The Zorginstituut's rule stylesheets (../shared/istandaarden/{wmo,jw}/xslt/) as the oracle: the
Fout elements of the Rapport they return for a message. Tests skip where ../shared is absent."""

from __future__ import annotations

from functools import cache

import pytest
from lxml import etree

from .conftest import SHARED

RAPPORT = "{http://www.istandaarden.nl/validatie/1_1/rapport/schema}"


@cache
def _stylesheet(standaard: str) -> etree.XSLT:
    naam = "WMO" if standaard == "wmo" else "JW"
    return etree.XSLT(etree.parse(str(SHARED / standaard / "xslt" / f"TR-CD-CS regels {naam} 3.2.xsl")))


def vereist_xslt():
    if not (SHARED / "wmo" / "xslt").is_dir() or not (SHARED / "jw" / "xslt").is_dir():
        pytest.skip(
            "../shared/istandaarden/{wmo,jw}/xslt ontbreekt: de regels van het Zorginstituut zijn het orakel"
        )


def xslt_fouten(inhoud: bytes) -> list[dict]:
    """[{code, locatie, details}] per Fout the official stylesheet reports (empty: the message passes)."""
    doc = etree.fromstring(inhoud)
    standaard = "wmo" if "/iwmo/" in etree.QName(doc).namespace else "jw"
    rapport = _stylesheet(standaard)(etree.ElementTree(doc))
    return [
        {
            "code": (f.findtext(f"{RAPPORT}Code") or "").strip(),
            "locatie": (f.findtext(f"{RAPPORT}Locatie") or "").strip(),
            "details": (f.findtext(f"{RAPPORT}Details") or "").strip(),
        }
        for f in rapport.getroot().iter(f"{RAPPORT}Fout")
    ]
