"""Verwerkingenlogging for the front door: the purposes (verwerkingsactiviteiten). Writing goes through
altena.verwerkingen (one mechanism for the whole application)."""

from __future__ import annotations

from altena.models import Verwerking
from altena.verwerkingen import log_personen, log_verwerking, verwerkt_object

ZOEKEN = "Toegang: inwoner zoeken"
REGISTREREN = "Toegang: registratie inwoner en hulpvraag"
INZAGE = "Toegang: inzage inwoner en casus"
TRIAGE = "Toegang: triage en verwijzing"
HUISHOUDEN = "Toegang: huishoudoverzicht en regie"

H = Verwerking.Handeling

__all__ = [
    "H",
    "HUISHOUDEN",
    "INZAGE",
    "REGISTREREN",
    "TRIAGE",
    "ZOEKEN",
    "log_personen",
    "log_verwerking",
    "verwerkt_object",
]
