"""Helpers every backoffice write shares: bump the version and validate input.

The case is locked with intake's ``lock_casus`` (the one lock helper) and the action is checked
against ``backoffice.acties`` before anything is written."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from intake.models import Casus


def versie_ophogen(casus: Casus) -> Casus:
    """A write on the case's records makes every form opened before it stale."""
    casus.versie += 1
    casus.save(update_fields=["versie", "gewijzigd"])
    return casus


def verplicht(waarde: str, melding: str, veld: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ValidationError({veld: melding})
    return waarde


def datum_verplicht(waarde: date | None, melding: str, veld: str) -> date:
    if waarde is None:
        raise ValidationError({veld: melding})
    return waarde


def niet_in_de_toekomst(waarde: date | None, veld: str) -> None:
    if waarde is not None and waarde > timezone.localdate():
        raise ValidationError({veld: "Deze datum ligt in de toekomst."})
