"""One round of the exchange, for the Celery beat and ``manage.py berichten_verwerken``."""

from ..schema import configuratiefout
from .mutaties import mutaties_verwerken
from .ontvangen import inbox_verwerken
from .versturen import wachtende_versturen


def verwerken() -> dict:
    """Counts of the round, and ``melding``: what to fix when the schemas are missing (or None)."""
    return {
        "toewijzingen": mutaties_verwerken(),
        "verstuurd": wachtende_versturen(),
        "ontvangen": inbox_verwerken(),
        "melding": configuratiefout(),
    }
