"""Dutch identifiers, validated with python-stdnum (elfproef for BSN, format for postcode)."""

from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode


def normaliseer_bsn(value: str) -> str:
    """Nine digits; an old eight-digit BSN gets its leading zero."""
    return stdnum_bsn.compact(value or "")


def validate_bsn(value: str) -> None:
    try:
        stdnum_bsn.validate(value or "")
    except StdnumError as exc:
        raise ValidationError(
            "Dit is geen geldig BSN: het moet uit 9 cijfers bestaan (of 8 met een voorloopnul) "
            "en voldoen aan de elfproef.",
            code="bsn",
        ) from exc


def normaliseer_postcode(value: str) -> str:
    """'4254ab' -> '4254 AB'."""
    try:
        compact = stdnum_postcode.compact(value or "")
    except StdnumError:
        return (value or "").strip().upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else compact


def validate_postcode(value: str) -> None:
    try:
        stdnum_postcode.validate(value or "")
    except StdnumError as exc:
        raise ValidationError(
            "Dit is geen geldige Nederlandse postcode; gebruik vier cijfers en twee letters, zoals 4254 AB.",
            code="postcode",
        ) from exc


def mask_bsn(value: str) -> str:
    """Show only the last three digits, as lists and screens do: '*****6782'."""
    return ("*" * 6 + value[-3:]) if value else ""
