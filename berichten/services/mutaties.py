"""The outbox that cannot lose a 301: the backoffice writes a ``VoorzieningMutatie`` in the
transaction that grants, changes or ends a voorziening; this task turns the pending ones into
toewijzingen and 301s and marks them done in one transaction per case.

- Exactly once in effect: the rows of a case are locked (``SKIP LOCKED``: two workers take
  different cases), the toewijzingen brought in line (idempotent: nothing changed, nothing sent),
  the 301 stored and the rows marked done in the same commit. A crash before the commit leaves the
  rows pending; a crash after leaves nothing to do.
- A failure (a gemeente without CBS code, a message that breaks its XSD) rolls back that case's work
  only; its rows keep their place with the error, the number of attempts and the time of the next
  one (1, 2, 4 … minutes, at most an hour), and the other cases go on."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from backoffice.models import VoorzieningMutatie
from intake.models import Casus
from intake.services import lock_casus

from .toewijzingen import toewijzingen_bijwerken_vergrendeld

logger = logging.getLogger(__name__)

MAX_WACHTTIJD = timedelta(hours=1)


def wachttijd(pogingen: int) -> timedelta:
    return min(timedelta(minutes=2 ** max(pogingen - 1, 0)), MAX_WACHTTIJD)


@transaction.atomic
def casus_mutaties_afhandelen(casus: Casus) -> list:
    """Bring the case's toewijzingen in line and mark its pending mutations done, in the caller's
    transaction; the case is locked here (once)."""
    return casus_mutaties_afhandelen_vergrendeld(lock_casus(casus, None))


def casus_mutaties_afhandelen_vergrendeld(locked: Casus) -> list:
    """``casus_mutaties_afhandelen`` on a case the caller already locked (a change of a voorziening)."""
    open_ = list(
        VoorzieningMutatie.objects.select_for_update()
        .filter(casus=locked, verwerkt_op__isnull=True)
        .values_list("pk", flat=True)
    )
    berichten = toewijzingen_bijwerken_vergrendeld(locked)
    VoorzieningMutatie.objects.filter(pk__in=open_).update(verwerkt_op=timezone.now(), laatste_fout="")
    return berichten


def mutaties_verwerken(max_casussen: int = 200) -> int:
    """Process pending mutations, one case per transaction; returns the number of cases handled."""
    gedaan: set[int] = set()
    while len(gedaan) < max_casussen:
        nu = timezone.now()
        with transaction.atomic():
            rij = (
                VoorzieningMutatie.objects.select_for_update(skip_locked=True)
                .filter(verwerkt_op__isnull=True)
                .filter(Q(volgende_poging__isnull=True) | Q(volgende_poging__lte=nu))
                .exclude(casus_id__in=gedaan)
                .order_by("pk")
                .first()
            )
            if rij is None:
                break
            gedaan.add(rij.casus_id)
            try:
                with transaction.atomic():
                    casus_mutaties_afhandelen(Casus.objects.get(pk=rij.casus_id))
            except Exception as exc:  # this case waits for its next attempt; the others go on
                logger.exception("Mutaties van casus %s niet verwerkt", rij.casus_id)
                pogingen = rij.pogingen + 1
                VoorzieningMutatie.objects.filter(casus_id=rij.casus_id, verwerkt_op__isnull=True).update(
                    pogingen=F("pogingen") + 1,
                    laatste_fout=f"{type(exc).__name__}: {exc}"[:2000],
                    volgende_poging=nu + wachttijd(pogingen),
                )
    return len(gedaan)
