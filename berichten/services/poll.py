"""One round of the exchange, for the Celery beat and ``manage.py berichten_verwerken``."""

from .ontvangen import inbox_verwerken
from .toewijzingen import ontbrekende_bijwerken
from .versturen import wachtende_versturen


def verwerken() -> dict[str, int]:
    return {
        "toewijzingen": ontbrekende_bijwerken(),
        "verstuurd": wachtende_versturen(),
        "ontvangen": inbox_verwerken(),
    }
