"""The XSD of each message type, loaded once per process from the configured folder
(``settings.BERICHTEN_XSD_MAP``, default ``berichten/xsd``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from lxml import etree

STANDAARD_MAP = {"WMO": "wmo", "JW": "jw"}


def xsd_pad(berichttype: str) -> Path:
    prefix = "WMO" if berichttype.startswith("WMO") else "JW"
    return Path(settings.BERICHTEN_XSD_MAP) / STANDAARD_MAP[prefix] / f"{berichttype}.xsd"


@cache
def _schema(pad: str) -> etree.XMLSchema:
    # The file's own folder is the base, so the import of basisschema.xsd resolves.
    return etree.XMLSchema(etree.parse(pad))


def schema_voor(berichttype: str) -> etree.XMLSchema | None:
    pad = xsd_pad(berichttype)
    return _schema(str(pad)) if pad.is_file() else None


def schemafouten(berichttype: str, doc: etree._ElementTree) -> list[str]:
    """The schema errors of a document (empty when valid); a missing schema is an error too."""
    schema = schema_voor(berichttype)
    if schema is None:
        return [f"Geen XSD voor {berichttype} gevonden."]
    if schema.validate(doc):
        return []
    return [f"regel {e.line}: {e.message}" for e in list(schema.error_log)[:10]]
