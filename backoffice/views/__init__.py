"""Backoffice views: the work queue, the case detail and one page per maatwerk step."""

from .bewaartermijnen import BewaartermijnenView
from .casus import CasusDetailView
from .jeugdhulp import JeugdhulpVolwassenenView
from .stappen import (
    AanvraagView,
    AfschalenView,
    AfsluitenView,
    BesluitView,
    OnderzoekStartenView,
    OnderzoekView,
    PlanView,
    VoorschotView,
    VoorzieningBeeindigenView,
    ZorgStartenView,
)
from .termijnen import BezwaarBeslissenView, BezwaarView, HervattenView, OpschortenView, VerdagenView
from .werkvoorraad import ClaimenView, ToewijzenView, WerkvoorraadView

__all__ = [
    "AanvraagView",
    "BewaartermijnenView",
    "AfschalenView",
    "AfsluitenView",
    "BesluitView",
    "BezwaarBeslissenView",
    "BezwaarView",
    "CasusDetailView",
    "ClaimenView",
    "HervattenView",
    "JeugdhulpVolwassenenView",
    "OnderzoekStartenView",
    "OnderzoekView",
    "OpschortenView",
    "PlanView",
    "ToewijzenView",
    "VerdagenView",
    "VoorschotView",
    "VoorzieningBeeindigenView",
    "WerkvoorraadView",
    "ZorgStartenView",
]
