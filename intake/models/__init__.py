"""Inwoners, huishoudens and the shared case model (Casus) with its append-only timeline,
referrals and ZRM scores. One module per concept; import everything from ``intake.models``."""

from .casus import Casus, CasusGebeurtenis, CasusnummerTeller, CasusQuerySet, Kanaal, Urgentie, Verwijzer, Wet
from .inwoner import Huishouden, HuishoudenQuerySet, Inwoner, InwonerQuerySet
from .triage import ZRM_GELDIG_DAGEN, Verwijzing, VerwijzingQuerySet, ZrmScore

__all__ = [
    "ZRM_GELDIG_DAGEN",
    "Casus",
    "CasusGebeurtenis",
    "CasusQuerySet",
    "CasusnummerTeller",
    "Huishouden",
    "HuishoudenQuerySet",
    "Inwoner",
    "InwonerQuerySet",
    "Kanaal",
    "Urgentie",
    "Verwijzer",
    "Verwijzing",
    "VerwijzingQuerySet",
    "Wet",
    "ZrmScore",
]
