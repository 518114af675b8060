"""The XSD of each message type, read from the folder ``settings.BERICHTEN_XSD_MAP`` names, in the
publication's own layout (``<map>/wmo/xsd/WMO301.xsd``, ``<map>/jw/xsd/JW301.xsd``, each beside its
``basisschema.xsd``). By default that is the project's own structural copy in ``berichten/schemas``
(made by ``scripts/schemas_kopieren.py``, see its ``BRON.md``); the setting may point at the full
publication of Zorginstituut Nederland instead.

The publication has no iWmo retour schemas (302, 306, 308, 316, 318, 320). They are the iJw
retour schemas with the iWmo namespaces and the iWmo BerichtCode (COD002), so they are derived
in memory from the configured JW file; docs/berichtenverkeer.md explains why this is sound.

Every schema is compiled once per process (per folder, so a changed setting is seen)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from lxml import etree

from .typen import BERICHTCODES

STANDAARD_MAP = {"WMO": "wmo", "JW": "jw"}
AFGELEIDE_RETOURS = ("302", "306", "308", "316", "318", "320")
INSTELLING = "BERICHTEN_XSD_MAP"


class SchemaOntbreekt(Exception):
    """No schema folder is configured or found: messages cannot be checked."""


def xsd_map() -> Path | None:
    """The configured folder when it holds ``wmo/xsd`` and ``jw/xsd``; otherwise None."""
    waarde = getattr(settings, INSTELLING, None)
    if not waarde:
        return None
    pad = Path(waarde)
    if (pad / "wmo" / "xsd").is_dir() and (pad / "jw" / "xsd").is_dir():
        return pad
    return None


def configuratiefout() -> str | None:
    """A Dutch explanation of what to fix when the schemas cannot be found; None when all is well."""
    if xsd_map() is not None:
        return None
    waarde = getattr(settings, INSTELLING, None)
    oorzaak = (
        f"De map '{waarde}' uit de instelling {INSTELLING} bevat geen wmo/xsd/ en jw/xsd/."
        if waarde
        else f"De instelling {INSTELLING} is leeg gezet."
    )
    return (
        f"De XSD's van iWmo en iJw 3.2 zijn niet gevonden. {oorzaak} Haal {INSTELLING} weg (dan "
        "gebruikt het project zijn eigen kopie in berichten/schemas) of zet hem op de map met de "
        "publicatie van Zorginstituut Nederland (met wmo/xsd/ en jw/xsd/). Tot dan worden ontvangen "
        "berichten niet verwerkt (ze blijven in de inbox) en worden verstuurde berichten niet tegen "
        "het schema gecontroleerd."
    )


def xsd_pad(berichttype: str, map: Path | None = None) -> Path | None:
    map = map or xsd_map()
    if map is None:
        return None
    prefix = "WMO" if berichttype.startswith("WMO") else "JW"
    return map / STANDAARD_MAP[prefix] / "xsd" / f"{berichttype}.xsd"


def wmo_retour_afleiden(jw_xsd: bytes, nummer: str) -> bytes:
    """The iWmo retour schema ``WMO<nummer>`` from the iJw one: the same structure, with the
    iJw namespaces and prefixes replaced by the iWmo ones and the BerichtCode of COD002."""
    tekst = jw_xsd.decode("utf-8")
    tekst = re.sub(r"\bijw\b", "iwmo", tekst)  # namespaces (…/ijw/3_2/…), prefix, <standaard>
    tekst = re.sub(rf"\bjw{nummer}\b", f"wmo{nummer}", tekst)  # message namespace, prefix, <bericht>
    tekst, aantal = re.subn(
        r'(base="iwmo:LDT_BerichtCode">\s*<xs:pattern value=")\d{3}(")',
        rf"\g<1>{BERICHTCODES['WMO' + nummer]}\g<2>",
        tekst,
    )
    if aantal != 1:
        raise ValueError(f"JW{nummer}.xsd heeft niet de verwachte BerichtCode-beperking.")
    return tekst.encode("utf-8")


@cache
def _schema(map: str, berichttype: str) -> etree.XMLSchema | None:
    pad = xsd_pad(berichttype, Path(map))
    if pad.is_file():
        # The file's own folder is the base, so the import of basisschema.xsd resolves.
        return etree.XMLSchema(etree.parse(str(pad)))
    nummer = berichttype[-3:]
    bron = xsd_pad(f"JW{nummer}", Path(map))
    if berichttype.startswith("WMO") and nummer in AFGELEIDE_RETOURS and bron.is_file():
        afgeleid = wmo_retour_afleiden(bron.read_bytes(), nummer)
        # Based in wmo/xsd/, so its import resolves to the iWmo basisschema.
        return etree.XMLSchema(etree.fromstring(afgeleid, base_url=str(pad)))
    return None


def schema_voor(berichttype: str, map: Path | None = None) -> etree.XMLSchema | None:
    """The schema of a message type; None when the folder (by default the configured one) has none
    for it. Raises SchemaOntbreekt when no folder is configured or found."""
    map = map or xsd_map()
    if map is None:
        raise SchemaOntbreekt(configuratiefout())
    return _schema(str(map), berichttype)


def schemafouten(berichttype: str, doc: etree._ElementTree, map: Path | None = None) -> list[str]:
    """The schema errors of a document (empty when valid); a missing schema is an error too.
    Raises SchemaOntbreekt when no schema folder is configured or found."""
    schema = schema_voor(berichttype, map)
    if schema is None:
        return [f"Geen XSD voor {berichttype} gevonden."]
    if schema.validate(doc):
        return []
    return [f"regel {e.line}: {e.message}" for e in list(schema.error_log)[:10]]
