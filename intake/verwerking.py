"""Verwerkingenlogging for the front door: the purposes (verwerkingsactiviteiten) and a bulk variant
for pages that show several persons at once (one INSERT, so a page's query budget stays fixed)."""

from __future__ import annotations

from collections.abc import Iterable

from altena.models import Verwerking
from altena.verwerkingen import log_verwerking

ZOEKEN = "Toegang: inwoner zoeken"
REGISTREREN = "Toegang: registratie inwoner en hulpvraag"
INZAGE = "Toegang: inzage inwoner en casus"
TRIAGE = "Toegang: triage en verwijzing"
HUISHOUDEN = "Toegang: huishoudoverzicht en regie"

H = Verwerking.Handeling

__all__ = ["H", "HUISHOUDEN", "INZAGE", "REGISTREREN", "TRIAGE", "ZOEKEN", "log_verwerking", "log_personen"]


def log_personen(*, request, handeling: str, verwerkingsactiviteit: str, inwoners: Iterable) -> None:
    """One row per inwoner shown, written in one statement."""
    actor = request.user
    oorsprong = f"{request.method} {request.path}"[:200]
    Verwerking.objects.bulk_create(
        Verwerking(
            actor=actor,
            actor_naam=actor.get_username(),
            handeling=handeling,
            verwerkingsactiviteit=verwerkingsactiviteit,
            object_type="inwoner",
            object_id=str(inwoner.pk),
            inwoner_id=inwoner.pk,
            oorsprong=oorsprong,
        )
        for inwoner in inwoners
    )
