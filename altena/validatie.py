"""The small checks of input that every app's services and forms share, once.

Each raises a ``ValidationError`` at the field it names (``veld``), so the view puts it at that
field with the input kept (``altena.forms.fout_naar_formulier``); without ``veld`` (a form field's
own ``clean_<veld>``) the error is the field's. ``veld`` and ``melding`` are keyword-only, so they
cannot be swapped.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

TOEKOMST = "Deze datum ligt in de toekomst."


def _fout(veld: str | None, melding: str, code: str) -> ValidationError:
    return ValidationError({veld: ValidationError(melding, code=code)} if veld else melding, code=code)


def verplicht(waarde: str | None, *, veld: str | None = None, melding: str) -> str:
    """The text without surrounding spaces; refused when nothing is left."""
    waarde = (waarde or "").strip()
    if not waarde:
        raise _fout(veld, melding, "verplicht")
    return waarde


def datum_verplicht(waarde: date | None, *, veld: str | None = None, melding: str) -> date:
    if waarde is None:
        raise _fout(veld, melding, "verplicht")
    return waarde


def niet_in_de_toekomst(
    waarde: date | None, *, veld: str | None = None, melding: str = TOEKOMST
) -> date | None:
    """A date that has happened (today or before); None passes (a separate check requires it)."""
    if waarde is not None and waarde > timezone.localdate():
        raise _fout(veld, melding, "toekomst")
    return waarde
