"""One round of the exchange, for the Celery beat and ``manage.py berichten_verwerken``."""

from ..schema import configuratiefout
from .ontvangen import inbox_verwerken
from .toewijzingen import ontbrekende_bijwerken
from .versturen import wachtende_versturen


def verwerken() -> dict:
    """Counts of the round, and ``melding``: what to fix when the schemas are missing (or None)."""
    return {
        "toewijzingen": ontbrekende_bijwerken(),
        "verstuurd": wachtende_versturen(),
        "ontvangen": inbox_verwerken(),
        "melding": configuratiefout(),
    }
