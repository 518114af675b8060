"""Front-door views, one module per step: queue, new question, case, triage, household."""

from .casus import CasusBewerkenView, CasusDetailView
from .huishouden import HuishoudenView, RegisseurView
from .nieuw import HulpvraagView, InwonerRegistrerenView, InwonerUitBrpView, InwonerView, NieuwView
from .triage import AfhandelenView, AfsluitenView, OpschalenView, TerugkoppelingView, VerwijzenView
from .werkvoorraad import WerkvoorraadView

__all__ = [
    "AfhandelenView",
    "AfsluitenView",
    "CasusBewerkenView",
    "CasusDetailView",
    "HuishoudenView",
    "HulpvraagView",
    "InwonerRegistrerenView",
    "InwonerUitBrpView",
    "InwonerView",
    "NieuwView",
    "OpschalenView",
    "RegisseurView",
    "TerugkoppelingView",
    "VerwijzenView",
    "WerkvoorraadView",
]
