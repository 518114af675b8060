"""The refusals of intake's services that other modules (the action table, higher apps) name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from .workflow import Fase

if TYPE_CHECKING:
    from .models import Casus


class VersieConflict(Exception):
    """The case was changed by someone else since the form was opened."""

    def __init__(self, casus: Casus):
        self.casus = casus
        super().__init__(
            f"Casus {casus.nummer} is intussen gewijzigd (nu versie {casus.versie}). "
            "Bekijk de huidige gegevens en voer uw wijziging opnieuw in."
        )


class OvergangNietToegestaan(ValidationError):
    def __init__(self, casus: Casus, naar: str):
        van_label = Fase(casus.fase).label
        naar_label = Fase(naar).label
        super().__init__(
            f"Casus {casus.nummer} kan niet van fase '{van_label}' naar '{naar_label}'.", code="overgang"
        )


class ActieNietToegestaan(OvergangNietToegestaan):
    """Refused by an action table (``intake.acties``, ``backoffice.acties``); an
    OvergangNietToegestaan, so callers that catch a refused transition catch this too."""

    def __init__(self, casus: Casus, naam: str, reden: str):
        self.casus, self.actie = casus, naam
        ValidationError.__init__(self, reden, code="actie_niet_toegestaan")


class VerwijzingGewijzigd(ValidationError):
    """The referral was changed (by a colleague, the partner or the gemeente) since the form showed it."""

    def __init__(self):
        super().__init__(
            "Deze verwijzing is intussen gewijzigd (door een collega, de partner of de gemeente). Bekijk "
            "de huidige stand en probeer het opnieuw; er is niets opgeslagen.",
            code="versie",
        )
