"""The outbox of the backoffice: every service that grants, changes or ends a voorziening writes a
``VoorzieningMutatie`` in its own transaction. Only what another app must tell the outside world
about counts: a voorziening in natura at an aanbieder (the berichten app sends its 301)."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Leveringsvorm, Voorziening, VoorzieningMutatie


def mutaties_vastleggen(voorzieningen: Iterable[Voorziening], soort: str) -> int:
    rijen = [
        VoorzieningMutatie(casus_id=v.casus_id, voorziening_id=v.pk, soort=soort)
        for v in voorzieningen
        if v.leveringsvorm == Leveringsvorm.NATURA and v.aanbieder_id is not None
    ]
    VoorzieningMutatie.objects.bulk_create(rijen)
    return len(rijen)


def mutatie_vastleggen(voorziening: Voorziening, soort: str) -> int:
    return mutaties_vastleggen([voorziening], soort)
