"""Validation of the identifiers a partner carries: AGB code and KvK number.

What is checked, honestly:
- AGB code (Vektis "Algemeen GegevensBeheer"): exactly 8 digits. The first two digits name the kind of
  care provider (zorgverlenersoort); Vektis publishes no check digit, so format is all we can verify
  offline. Whether the code is registered can only be checked against the AGB register itself.
- KvK number: exactly 8 digits. python-stdnum (2.x) has no ``stdnum.nl.kvk`` module and the KvK
  publishes no check digit for its numbers, so again the format is what we verify.
Spaces, dots and hyphens that people type or paste are removed first (``normaliseer_nummer``).
"""

import re

from django.core.exceptions import ValidationError

_SCHEIDING = re.compile(r"[\s.\-]")


def normaliseer_nummer(value) -> str:
    """Digits as typed, without spaces, dots or hyphens; an int (from a spreadsheet) keeps 8 digits."""
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:08d}"
    return _SCHEIDING.sub("", str(value))


def valideer_agb_code(value: str) -> None:
    if not re.fullmatch(r"[0-9]{8}", value or ""):
        raise ValidationError(
            "Een AGB-code bestaat uit precies 8 cijfers, bijvoorbeeld 98001234 (u vulde %(value)s in).",
            code="agb_code",
            params={"value": value},
        )


def valideer_kvk_nummer(value: str) -> None:
    if not re.fullmatch(r"[0-9]{8}", value or ""):
        raise ValidationError(
            "Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 12345678 (u vulde %(value)s in).",
            code="kvk_nummer",
            params={"value": value},
        )
