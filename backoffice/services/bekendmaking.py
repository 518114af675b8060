"""Bekendmaking of a besluit (Awb 3:41): the day the letter is sent starts the bezwaartermijn
(Awb 6:7, 6:8). The documenten app calls this when it sends a beschikking, so the term rule lives
only in ``backoffice.termijnen``."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from intake.models import Casus, CasusGebeurtenis
from intake.services import lock_casus, wijziging_vastleggen

from .. import termijnen as tw
from ..models import Besluit
from ..selectors import atw_feestdagen


def einde_bezwaartermijn(bekendgemaakt_op: date) -> tw.Uitkomst:
    """The last day for a bezwaar (or a beroep, same six weeks: Awb 6:7) after a bekendmaking."""
    return tw.bereken_einde_bezwaartermijn(bekendgemaakt_op, feestdagen=atw_feestdagen())


@transaction.atomic
def besluit_bekendmaken(*, besluit: Besluit, verzonden_op: date, door) -> tw.Uitkomst:
    """Record the day the beschikking was sent; the bezwaartermijn runs from the day after.

    Once a bezwaar was registered against the besluit its term is fixed, so the date cannot move."""
    if verzonden_op is None:
        raise ValidationError({"verzonden_op": "Vul de verzenddatum in."})
    if verzonden_op < besluit.besluitdatum:
        raise ValidationError(
            {
                "verzonden_op": f"Het besluit is genomen op {besluit.besluitdatum:%d-%m-%Y}; "
                "eerder verzenden kan niet."
            }
        )
    return besluit_bekendmaken_vergrendeld(
        lock_casus(besluit.casus), besluit=besluit, verzonden_op=verzonden_op, door=door
    )


def besluit_bekendmaken_vergrendeld(
    locked: Casus, *, besluit: Besluit, verzonden_op: date, door
) -> tw.Uitkomst:
    """``besluit_bekendmaken`` on the besluit's case, which the caller already locked (documenten's
    letter records the bekendmaking with it)."""
    casus = locked
    locked = Besluit.objects.select_for_update(of=("self",)).get(pk=besluit.pk)
    if locked.verzonden_op != verzonden_op:
        if locked.bezwaren.exists():
            raise ValidationError(
                {
                    "verzonden_op": "Tegen dit besluit is al bezwaar gemaakt; "
                    "de datum van bekendmaking ligt vast."
                }
            )
        locked.verzonden_op = verzonden_op
        locked.save(update_fields=["verzonden_op"])
    uitkomst = einde_bezwaartermijn(verzonden_op)
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.BESLUIT,
        door=door,
        tekst=(
            f"Besluit van {locked.besluitdatum:%d-%m-%Y} bekendgemaakt op {verzonden_op:%d-%m-%Y}; "
            f"bezwaar mogelijk tot en met {uitkomst.uiterste_datum:%d-%m-%Y}."
        ),
        gegevens={"besluit": locked.pk, "bekendmaking": verzonden_op.isoformat()},
    )
    besluit.verzonden_op = verzonden_op
    return uitkomst
