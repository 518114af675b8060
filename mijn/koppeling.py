"""From the BSN that DigiD (or the demo) gives to the Inwoner of the right gemeente.

One installation may serve several gemeenten, each its own controller with its own inwoners: the
same BSN can be an inwoner in two of them. The gemeente van inschrijving decides which record is
this person's portal: asked of the BRP where an app registered a lookup (``GEMEENTE_BEPALERS``),
else ``MIJN_GEMEENTE``, else the installation's only gemeente. Without a gemeente, or without a
record there, there is no match, and the answer never says whether the BSN exists elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from stdnum.nl import bsn as stdnum_bsn

from intake.models import Inwoner
from netwerk.models import Kern

# callables bsn -> gemeente naam (or None), e.g. a BRP lookup of the gemeente van inschrijving.
GEMEENTE_BEPALERS: list[Callable[[str], str | None]] = []


def gemeente_van_inschrijving(bsn: str) -> str | None:
    for bepaler in GEMEENTE_BEPALERS:
        gemeente = bepaler(bsn)
        if gemeente:
            return gemeente
    if settings.MIJN_GEMEENTE:
        return settings.MIJN_GEMEENTE
    gemeenten = list(Kern.objects.order_by().values_list("gemeente", flat=True).distinct()[:2])
    return gemeenten[0] if len(gemeenten) == 1 else None


def bsn_geldig(bsn: str) -> bool:
    return stdnum_bsn.is_valid((bsn or "").strip())


def inwoner_voor_bsn(bsn: str) -> Inwoner | None:
    bsn = (bsn or "").strip()
    if not stdnum_bsn.is_valid(bsn):
        return None
    gemeente = gemeente_van_inschrijving(bsn)
    if not gemeente:
        return None
    return Inwoner.objects.filter(gemeente=gemeente, bsn=bsn, geanonimiseerd_op__isnull=True).first()
