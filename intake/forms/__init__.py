"""Crispy forms of the front door, one module per step."""

from .casus import CasusBewerkenForm, HulpvraagForm, ZrmFormSet
from .inwoner import BrpRegistratieForm, InwonerForm, InwonerZoekForm, RegisseurForm
from .triage import (
    AfhandelenForm,
    AfsluitenForm,
    OpschalenForm,
    PartnerFilterForm,
    TerugkoppelingForm,
    VerwijzenForm,
)

__all__ = [
    "BrpRegistratieForm",
    "AfhandelenForm",
    "AfsluitenForm",
    "CasusBewerkenForm",
    "HulpvraagForm",
    "InwonerForm",
    "InwonerZoekForm",
    "OpschalenForm",
    "PartnerFilterForm",
    "RegisseurForm",
    "TerugkoppelingForm",
    "VerwijzenForm",
    "ZrmFormSet",
]
