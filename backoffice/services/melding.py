"""What the outside world reports about a voorziening: its provider's start of care (a 305), the
end of care (a definitive 307) or the inhabitant's death (the BRP). Services of the backoffice
like any other write, so the case, its timeline and the outbox follow in the same transaction;
the berichten app (and the BRP leg) call them, they never write a voorziening themselves.

**One end, one signal.** An end reported from outside sets ``einde_gemeld_door`` on the
voorziening once; whoever reports second finds it ended and changes nothing. The signal to the
regisseur ("Zorg gestopt: …") is made by the ``zorg_gestopt`` sweep of the signalen app with the
key (casus, regel ``zorg_gestopt``, onderwerp ``voorziening:<id>``, peildatum = the voorziening's
startdatum, herhaling 0, doel ``persoon``): it depends on the voorziening alone, not on who
reported or which date, so a 307 and a BRP death can never make two."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from intake.models import Casus, CasusGebeurtenis
from intake.services import lock_casus, overgang_uitvoeren, wijziging_vastleggen
from intake.workflow import Fase

from ..models import EindeMelder, Voorziening, VoorzieningMutatie
from .mutaties import mutatie_vastleggen

SIGNAAL_ONDERWERP = "voorziening:{pk}"  # the zorg_gestopt key's onderwerp (see the docstring)


def _vergrendelen(voorziening: Voorziening) -> tuple[Casus, Voorziening]:
    casus = lock_casus(voorziening.casus, None)
    locked = (
        Voorziening.objects.select_for_update(of=("self",)).select_related("product").get(pk=voorziening.pk)
    )
    return casus, locked


@transaction.atomic
def voorziening_gestart(*, voorziening: Voorziening, op: date, gemeld_door: str) -> bool:
    """The provider reports the start of care on ``op``. The first start is recorded on the
    voorziening, and a case still in fase besluit moves to in zorg. False when it had started."""
    casus, locked = _vergrendelen(voorziening)
    if locked.gestart_op is not None and locked.gestart_op <= op:
        return False
    locked.gestart_op = op
    locked.save(update_fields=["gestart_op"])
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.VOORZIENING,
        tekst=f"Zorg gestart per {op:%d-%m-%Y}: {locked.product} (gemeld door {gemeld_door}).",
        gegevens={"voorziening": locked.pk},
    )
    if casus.fase == Fase.BESLUIT:
        overgang_uitvoeren(
            casus, naar=Fase.IN_ZORG, door=None, tekst=f"Zorg gestart (gemeld door {gemeld_door})."
        )
    return True


@transaction.atomic
def voorziening_gestopt(*, voorziening: Voorziening, op: date, reden: str, melder: str) -> bool:
    """The end of care reported from outside (``melder``: EindeMelder). The voorziening ends on
    ``op`` (within its period) with ``reden`` in words, its mutation goes to the outbox, and the
    zorg_gestopt sweep tells the regisseur. False (nothing changed) when it had already ended."""
    if melder not in EindeMelder.values:
        raise ValueError(f"Onbekende melder: {melder}")
    casus, locked = _vergrendelen(voorziening)
    if locked.beeindigd_op is not None:
        return False
    locked.beeindigd_op = min(max(op, locked.startdatum), locked.einddatum)
    locked.beeindigingsreden = reden[:300]
    locked.einde_gemeld_door = melder
    locked.save(update_fields=["beeindigd_op", "beeindigingsreden", "einde_gemeld_door"])
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.VOORZIENING,
        tekst=f"Zorg gestopt per {locked.beeindigd_op:%d-%m-%Y}: {locked.product}. Reden: {reden}",
        gegevens={"voorziening": locked.pk, "melder": melder},
    )
    mutatie_vastleggen(locked, VoorzieningMutatie.Soort.BEEINDIGD)
    return True
