"""Inwoners, huishoudens and the shared case model (Casus) with its append-only timeline,
referrals and ZRM scores. One module per concept; import everything from ``intake.models``."""

from .casus import Casus, CasusGebeurtenis, CasusnummerTeller, CasusQuerySet, Kanaal, Urgentie, Verwijzer, Wet
from .inwoner import BrpStatus, Huishouden, HuishoudenQuerySet, Inwoner, InwonerQuerySet
from .triage import (
    CONTACT_GEGEVENS,
    STANDAARD_GEDEELD,
    ZRM_GELDIG_DAGEN,
    GedeeldGegeven,
    Uitkomst,
    Verwijzing,
    VerwijzingQuerySet,
    ZrmScore,
)

__all__ = [
    "CONTACT_GEGEVENS",
    "STANDAARD_GEDEELD",
    "ZRM_GELDIG_DAGEN",
    "GedeeldGegeven",
    "Uitkomst",
    "Casus",
    "CasusGebeurtenis",
    "CasusQuerySet",
    "CasusnummerTeller",
    "Huishouden",
    "HuishoudenQuerySet",
    "BrpStatus",
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
