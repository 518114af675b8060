"""Backoffice records, hung on the shared Casus: split by concept, re-exported here."""

from .bewaartermijn import Bewaartermijn
from .bezwaar import Bezwaar
from .catalogus import Categorie, Eenheid, Feestdag, Product
from .maatwerk import (
    Aanvraag,
    Besluit,
    EindeMelder,
    Frequentie,
    Leveringsvorm,
    Onderzoek,
    PersoonlijkPlan,
    Voorziening,
    VoorzieningMutatie,
)
from .termijn import Opschorting, Termijn, Verdaging

__all__ = [
    "Aanvraag",
    "Besluit",
    "Bewaartermijn",
    "Bezwaar",
    "Categorie",
    "Eenheid",
    "EindeMelder",
    "Feestdag",
    "Frequentie",
    "Leveringsvorm",
    "Onderzoek",
    "Opschorting",
    "PersoonlijkPlan",
    "Product",
    "Termijn",
    "Verdaging",
    "Voorziening",
    "VoorzieningMutatie",
]
