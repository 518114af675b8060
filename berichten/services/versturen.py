"""Send what waits in the database to the transport. A message is stored first (status "klaar om
te versturen") in the transaction that made it, and written to the outbox after commit or by the
next poll: a crash in between only delays it, and writing it twice replaces one file."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from ..models import Bericht, Richting, Status
from ..transport import transport

logger = logging.getLogger(__name__)


def wachtende_versturen(max_aantal: int = 500) -> int:
    verstuurd = 0
    t = transport()
    while verstuurd < max_aantal:
        with transaction.atomic():
            bericht = (
                Bericht.objects.select_for_update(skip_locked=True)
                .filter(richting=Richting.UIT, status=Status.TE_VERSTUREN)
                .order_by("pk")
                .first()
            )
            if bericht is None:
                break
            t.versturen(bericht.bestandsnaam, bytes(bericht.inhoud))
            bericht.status, bericht.verstuurd_op = Status.VERSTUURD, timezone.now()
            bericht.save(update_fields=["status", "verstuurd_op"])
        verstuurd += 1
    return verstuurd


def na_commit_versturen() -> None:
    def versturen():
        try:
            wachtende_versturen()
        except Exception:  # the next poll sends it
            logger.exception("Berichten versturen mislukt")

    transaction.on_commit(versturen)
