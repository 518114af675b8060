"""Change a granted voorziening after the besluit: extend it (the end date moves, the toewijzing
keeps its number, OP380) or change its volume from a date (the toewijzing ends, a new one starts).
The backoffice has no such write; it lives here because the toewijzing is what it changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from backoffice.models import Voorziening, VoorzieningMutatie
from backoffice.services import mutatie_vastleggen
from intake.models import CasusGebeurtenis
from intake.services import lock_casus, wijziging_vastleggen

from .mutaties import casus_mutaties_afhandelen_vergrendeld


@transaction.atomic
def voorziening_wijzigen(
    *, voorziening: Voorziening, door, einddatum: date | None = None, volume=None, versie: int | None = None
) -> Voorziening:
    casus = lock_casus(voorziening.casus, versie)
    locked = (
        Voorziening.objects.select_for_update(of=("self",)).select_related("product").get(pk=voorziening.pk)
    )
    if locked.beeindigd_op is not None:
        raise ValidationError("Deze voorziening is beëindigd en kan niet meer worden gewijzigd.")
    velden, wat = [], []
    if einddatum is not None and einddatum != locked.einddatum:
        if einddatum < locked.startdatum:
            raise ValidationError({"einddatum": "De einddatum ligt vóór de startdatum van de voorziening."})
        wat.append(f"einddatum {locked.einddatum:%d-%m-%Y} → {einddatum:%d-%m-%Y}")
        locked.einddatum = einddatum
        velden.append("einddatum")
    if volume not in (None, ""):
        try:
            volume = Decimal(str(volume))
        except InvalidOperation as exc:
            raise ValidationError({"volume": "Vul het volume in als getal."}) from exc
        if volume <= 0:
            raise ValidationError({"volume": "Het volume moet groter dan nul zijn."})
        if volume != locked.volume:
            wat.append(f"volume {locked.volume:f} → {volume:f}".replace(".00", ""))
            locked.volume = volume
            velden.append("volume")
    if not velden:
        raise ValidationError("Er is niets gewijzigd.")
    locked.save(update_fields=velden)
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.VOORZIENING,
        door=door,
        tekst=f"Gewijzigd: {locked.product}: {', '.join(wat)}.",
        gegevens={"voorziening": locked.pk},
    )
    mutatie_vastleggen(locked, VoorzieningMutatie.Soort.GEWIJZIGD)
    casus_mutaties_afhandelen_vergrendeld(casus)  # at once: the consultant sees the 301 go out
    return locked
