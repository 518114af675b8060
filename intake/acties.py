"""What may happen now on a case at the front door: intake's action table (``altena.acties``),
beside the transition table.

The case page shows a button when ``ACTIES.voor(user, casus)`` says so; the triage pages refuse
with the same reason; the services check the same rule (``ACTIES.vereist``) after taking the lock.
(Backoffice has its own table for the maatwerk steps: ``backoffice.acties``.)
"""

from __future__ import annotations

from collections.abc import Callable

from altena.access import Rol
from altena.acties import Actie, ActieTabel

from .fouten import ActieNietToegestaan
from .models import Casus
from .workflow import TRANSITIONS, Fase


def fase_tekst(casus: Casus) -> str:
    return casus.get_fase_display().lower()


def overgang_regel(naar: str, wat: str) -> Callable[[Casus], str | None]:
    """The rule of an action that is a transition: the transition table decides."""

    def regel(casus: Casus) -> str | None:
        if (casus.fase, naar) not in TRANSITIONS:
            return f"{wat} kan niet (meer): casus {casus.nummer} staat in fase '{fase_tekst(casus)}'."
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
    return overgang_regel(Fase.VERWEZEN, "Verwijzen")(casus)


def _afsluiten(casus: Casus) -> str | None:
    # At the door a case is closed after its referral; maatwerk closes on the backoffice page.
    if casus.fase != Fase.VERWEZEN:
        return f"Aan de voordeur sluit u een verwezen casus af; deze staat in fase '{fase_tekst(casus)}'."
    return None


def _terugkoppelen(casus: Casus) -> str | None:
    return None


FRONTOFFICE = frozenset({Rol.FRONTOFFICE})
VOORDEUR_EN_CONSULENT = frozenset({Rol.FRONTOFFICE, Rol.CONSULTANT})


ACTIES = ActieTabel(
    {
        "bewerken": Actie("Intakegegevens wijzigen", _bewerken, FRONTOFFICE),
        "afhandelen": Actie(
            "Direct afhandelen", overgang_regel(Fase.AFGEHANDELD, "Direct afhandelen"), FRONTOFFICE
        ),
        "verwijzen": Actie("Verwijzen naar partner", _verwijzen, VOORDEUR_EN_CONSULENT),
        "opschalen": Actie("Opschalen naar maatwerk", overgang_regel(Fase.MELDING, "Opschalen"), FRONTOFFICE),
        "afsluiten": Actie("Afsluiten", _afsluiten, FRONTOFFICE),
        "terugkoppelen": Actie("Terugkoppeling vastleggen", _terugkoppelen, VOORDEUR_EN_CONSULENT),
    },
    weigering=ActieNietToegestaan,
)
