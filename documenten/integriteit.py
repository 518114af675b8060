"""The stored SHA-256 of every letter and case file is checked at each download (issue 21).

A file on storage that no longer matches its hash was replaced or damaged after it was stored: it is
never served. The refusal is a 403 with a Dutch reason (so the verwerkingenlog records a refused
attempt), the Django signal ``integriteit_geschonden`` is sent, and its receiver here logs an error
and e-mails every active privacy officer (no personal data in the mail: the case number and the
object only).
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.dispatch import Signal, receiver

from altena.access import Rol

logger = logging.getLogger(__name__)

# Sent with object_type, object_id, casus_nummer, verwacht, gevonden.
integriteit_geschonden = Signal()

MELDING = (
    "Dit bestand is na het opslaan gewijzigd of beschadigd en wordt daarom niet getoond. "
    "De privacy officer is gewaarschuwd."
)


def sha256_van(fh) -> str:
    sha = hashlib.sha256()
    for deel in iter(lambda: fh.read(1 << 16), b""):
        sha.update(deel)
    return sha.hexdigest()


def controleer(fh, *, verwacht: str, object_type: str, object_id, casus_nummer: str) -> None:
    """Raise PermissionDenied (and send the signal) when the open file does not match its hash."""
    gevonden = sha256_van(fh)
    fh.seek(0)
    if verwacht and gevonden == verwacht:
        return
    integriteit_geschonden.send(
        sender=controleer,
        object_type=object_type,
        object_id=object_id,
        casus_nummer=casus_nummer,
        verwacht=verwacht,
        gevonden=gevonden,
    )
    raise PermissionDenied(MELDING)


@receiver(integriteit_geschonden, dispatch_uid="documenten.integriteit.privacy_officer")
def _waarschuw_privacy_officer(sender, object_type, object_id, casus_nummer, verwacht, gevonden, **kwargs):
    logger.error(
        "Integriteit geschonden: %s %s van casus %s (verwacht %s, gevonden %s)",
        object_type,
        object_id,
        casus_nummer,
        verwacht,
        gevonden,
    )
    ontvangers = list(
        get_user_model()
        .objects.filter(groups__name=Rol.PRIVACY, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if ontvangers:
        send_mail(
            "Altena Toegang: een opgeslagen bestand is gewijzigd",
            f"Bij het openen bleek {object_type} {object_id} van casus {casus_nummer} niet meer overeen te "
            f"komen met de SHA-256 die bij het opslaan is vastgelegd. Het bestand is niet getoond.\n\n"
            f"Verwacht: {verwacht}\nGevonden: {gevonden}\n\n"
            "Zoek in het verwerkingenlog op dit casusnummer wie het probeerde te openen, en laat de "
            "opslag onderzoeken.",
            settings.DEFAULT_FROM_EMAIL,
            ontvangers,
        )
