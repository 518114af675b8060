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
