"""Helpers every backoffice write shares: lock the case (checking its ``versie``) and validate."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from intake.models import Casus
from intake.services import lock_casus


def casus_vergrendelen(casus: Casus, versie: int | None) -> Casus:
    """Lock the case row for this transaction; a stale ``versie`` raises VersieConflict.

    Every backoffice write locks the case first and its own rows after, always in that order. The
    lock itself is intake's, so front door and backoffice lock a case in one way."""
    return lock_casus(casus, versie)


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


def behandelaar_vereist(casus: Casus) -> None:
    if casus.behandelaar_id is None:
        raise ValidationError(
            f"Casus {casus.nummer} heeft nog geen behandelaar. Neem de casus eerst in behandeling "
            "(of laat de teamleider hem toewijzen).",
            code="geen_behandelaar",
        )
