"""Documenten: letter templates kept by the beheerder, the letters sent on a case, and the case's
own files. Changed only through ``documenten.services``."""

from .bestand import CasusDocument, DocumentType
from .brief import Brief, Kanaal
from .sjabloon import Briefhoofd, BriefSjabloon, BriefSjabloonVersie, BriefSoort

__all__ = [
    "Brief",
    "BriefSjabloon",
    "BriefSjabloonVersie",
    "BriefSoort",
    "Briefhoofd",
    "CasusDocument",
    "DocumentType",
    "Kanaal",
]
