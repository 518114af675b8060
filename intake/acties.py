"""What may happen now on a case at the front door: one action table beside the transition table.

The case page shows a button when ``acties_voor(user, casus)`` says so; the triage pages refuse
with the same reason; the services check the same rule (``actie_vereist``) after taking the lock.
(Backoffice has its own table for the maatwerk steps: ``backoffice.acties``.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from altena.access import Rol, user_roles

from .fouten import OvergangNietToegestaan
from .models import Casus
from .workflow import TRANSITIONS, Fase


class ActieNietToegestaan(OvergangNietToegestaan):
    """Refused by the action table; an OvergangNietToegestaan, so callers that catch a refused
    transition catch this too."""

    def __init__(self, casus: Casus, naam: str, reden: str):
        self.casus, self.actie = casus, naam
        ValidationError.__init__(self, reden, code="actie_niet_toegestaan")


def _fase(casus: Casus) -> str:
    return casus.get_fase_display().lower()


def _overgang(naar: str, wat: str) -> Callable[[Casus], str | None]:
    def regel(casus: Casus) -> str | None:
        if (casus.fase, naar) not in TRANSITIONS:
            return f"{wat} kan niet (meer): casus {casus.nummer} staat in fase '{_fase(casus)}'."
        return None

    return regel


def _bewerken(casus: Casus) -> str | None:
    return (
        None
        if casus.is_open
        else "Deze casus is gesloten; de intakegegevens kunnen niet meer worden gewijzigd."
    )


def _verwijzen(casus: Casus) -> str | None:
    if casus.fase == Fase.VERWEZEN:
        return None  # another referral on a referred case
    return _overgang(Fase.VERWEZEN, "Verwijzen")(casus)


def _afsluiten(casus: Casus) -> str | None:
    # At the door a case is closed after its referral; maatwerk closes on the backoffice page.
    if casus.fase != Fase.VERWEZEN:
        return f"Aan de voordeur sluit u een verwezen casus af; deze staat in fase '{_fase(casus)}'."
    return None


def _terugkoppelen(casus: Casus) -> str | None:
    return None


FRONTOFFICE = frozenset({Rol.FRONTOFFICE})


@dataclass(frozen=True)
class Actie:
    label: str
    regel: Callable[[Casus], str | None]
    rollen: frozenset[str] = FRONTOFFICE


ACTIES: dict[str, Actie] = {
    "bewerken": Actie("Intakegegevens wijzigen", _bewerken),
    "afhandelen": Actie("Direct afhandelen", _overgang(Fase.AFGEHANDELD, "Direct afhandelen")),
    "verwijzen": Actie("Verwijzen naar partner", _verwijzen, frozenset({Rol.FRONTOFFICE, Rol.CONSULTANT})),
    "opschalen": Actie("Opschalen naar maatwerk", _overgang(Fase.MELDING, "Opschalen")),
    "afsluiten": Actie("Afsluiten", _afsluiten),
    "terugkoppelen": Actie(
        "Terugkoppeling vastleggen", _terugkoppelen, frozenset({Rol.FRONTOFFICE, Rol.CONSULTANT})
    ),
}


def reden_niet(casus: Casus, naam: str) -> str | None:
    return ACTIES[naam].regel(casus)


def actie_vereist(casus: Casus, naam: str) -> None:
    reden = reden_niet(casus, naam)
    if reden is not None:
        raise ActieNietToegestaan(casus, naam, reden)


def acties_voor(user, casus: Casus) -> dict[str, bool]:
    """Which front-door actions this user may take on this case now (the page's buttons)."""
    rollen = user_roles(user)
    return {naam: bool(rollen & a.rollen) and a.regel(casus) is None for naam, a in ACTIES.items()}
