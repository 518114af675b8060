"""Send what waits in the database to the transport. A message is stored first (status "klaar om
te versturen") in the transaction that made it, and written to the outbox after commit or by the
next poll: a crash in between only delays it, and writing it twice replaces one file."""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..ggk import inpakken
from ..models import Bericht, Richting, Status
from ..transport import transport

logger = logging.getLogger(__name__)


def wachtende_versturen(max_aantal: int = 500) -> int:
    verstuurd = 0
    t = transport()
    while verstuurd < max_aantal:
        with transaction.atomic():
            bericht = (
                Bericht.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(richting=Richting.UIT, status=Status.TE_VERSTUREN)
                .select_related("antwoord_op")
                .order_by("pk")
                .first()
            )
            if bericht is None:
                break
            t.versturen(bericht.bestandsnaam, verpakt(bericht))
            bericht.status, bericht.verstuurd_op = Status.VERSTUURD, timezone.now()
            bericht.save(update_fields=["status", "verstuurd_op"])
        verstuurd += 1
    return verstuurd


REFERENTIE = uuid.UUID("6f1c5a52-7d0e-4a43-9a43-0d3b2b6f0a11")  # namespace of our envelope numbers


def _crossref(heen: Bericht | None) -> str:
    """The envelope number of the message a retour answers; a bare file had none, so one is derived
    from its sender and identification (Du01 requires a crossRefnummer)."""
    if heen is None:
        return ""
    return heen.envelop_referentie or str(uuid.uuid5(REFERENTIE, f"{heen.afzender}:{heen.identificatie}"))


def verpakt(bericht: Bericht) -> bytes:
    """What goes to the GGk: the message in its StUF-GGk envelope (setting BERICHTEN_GGK_ENVELOP,
    on by default), with a referentienummer derived from the message's identification (the same
    on a resend) and, for a retour, the envelope number of the message it answers."""
    inhoud = bytes(bericht.inhoud)
    if not getattr(settings, "BERICHTEN_GGK_ENVELOP", True):
        return inhoud
    heen = bericht.antwoord_op
    return inpakken(
        inhoud=inhoud,
        berichttype=bericht.berichttype,
        zender=bericht.afzender,
        ontvanger=bericht.ontvanger,
        identificatie=bericht.identificatie,
        bestandsnaam=bericht.bestandsnaam,
        referentienummer=str(uuid.uuid5(REFERENTIE, f"{bericht.afzender}:{bericht.identificatie}")),
        crossrefnummer=_crossref(heen),
        tijdstip=bericht.aangemaakt,
    )


def na_commit_versturen() -> None:
    def versturen():
        try:
            wachtende_versturen()
        except Exception:  # the next poll sends it
            logger.exception("Berichten versturen mislukt")

    transaction.on_commit(versturen)
