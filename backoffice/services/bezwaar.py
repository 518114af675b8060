"""Bezwaar against a besluit (Awb 6:7, 6:8, 7:10): registered beside the case's fase, with its own
decision term; a gegrond bezwaar leads to a new besluit (``besluit_nemen(na_bezwaar=...)``)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from altena.validatie import datum_verplicht, niet_in_de_toekomst, verplicht
from intake.models import CasusGebeurtenis
from intake.services import lock_casus, wijziging_vastleggen

from .. import termijnen as tw
from ..acties import ACTIES, Stand
from ..models import Besluit, Bezwaar, Termijn
from ..selectors import atw_feestdagen
from .termijnen import termijn_starten


@transaction.atomic
def bezwaar_registreren(
    *,
    besluit: Besluit,
    ontvangen_op: date,
    adviescommissie: bool,
    door,
    gronden: str = "",
    versie: int | None = None,
) -> Bezwaar:
    """Register an objection; a late one is flagged, and the decision term starts."""
    datum_verplicht(
        ontvangen_op, melding="Vul in wanneer het bezwaarschrift is ontvangen.", veld="ontvangen_op"
    )
    casus = lock_casus(besluit.casus, versie)
    ACTIES.vereist(Stand(casus), "bezwaar")
    niet_in_de_toekomst(ontvangen_op, veld="ontvangen_op")
    if ontvangen_op < besluit.besluitdatum:
        raise ValidationError({"ontvangen_op": "Een bezwaar kan niet vóór het besluit zijn ontvangen."})
    feestdagen = atw_feestdagen()
    einde = tw.bereken_einde_bezwaartermijn(besluit.verzonden_op, feestdagen=feestdagen).uiterste_datum
    bezwaar = Bezwaar.objects.create(
        casus=casus,
        besluit=besluit,
        ontvangen_op=ontvangen_op,
        einde_bezwaartermijn=einde,
        te_laat=tw.bezwaar_te_laat(ontvangen_op, einde),
        adviescommissie=adviescommissie,
        gronden=(gronden or "").strip(),
        door=door,
    )
    termijn = termijn_starten(
        casus=casus,
        soort=tw.TermijnSoort.BEZWAAR_BESLISSING,
        startdatum=ontvangen_op if bezwaar.te_laat else einde,
        bezwaar=bezwaar,
        feestdagen=feestdagen,
    )
    tekst = (
        f"Bezwaar ontvangen op {ontvangen_op:%d-%m-%Y} tegen het besluit van {besluit.besluitdatum:%d-%m-%Y}"
    )
    tekst += " (met adviescommissie)." if adviescommissie else "."
    if bezwaar.te_laat:
        tekst += (
            f" Te laat: de bezwaartermijn eindigde op {einde:%d-%m-%Y}; beoordeel of dat verschoonbaar is "
            "(Awb 6:11)."
        )
    tekst += f" Beslissen uiterlijk {termijn.uiterste_datum:%d-%m-%Y}."
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.BEZWAAR,
        door=door,
        tekst=tekst,
        gegevens={"bezwaar": bezwaar.pk, "te_laat": bezwaar.te_laat},
    )
    return bezwaar


@transaction.atomic
def bezwaar_beslissen(
    *, bezwaar: Bezwaar, uitkomst: str, beslist_op: date, toelichting: str, door, versie: int | None = None
) -> Bezwaar:
    """The decision on the objection. Gegrond means a new besluit must follow."""
    if uitkomst not in Bezwaar.Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies de uitkomst van het bezwaar."})
    datum_verplicht(beslist_op, melding="Vul de datum van de beslissing in.", veld="beslist_op")
    toelichting = verplicht(toelichting, melding="Motiveer de beslissing op bezwaar.", veld="toelichting")
    casus = lock_casus(bezwaar.casus, versie)
    locked = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk)
    if locked.uitkomst:
        raise ValidationError("Op dit bezwaar is al beslist.")
    niet_in_de_toekomst(beslist_op, veld="beslist_op")
    if beslist_op < locked.ontvangen_op:
        raise ValidationError(
            {"beslist_op": "De beslissing kan niet vóór de ontvangst van het bezwaar liggen."}
        )
    locked.uitkomst = uitkomst
    locked.beslist_op = beslist_op
    locked.toelichting_beslissing = toelichting
    locked.save(update_fields=["uitkomst", "beslist_op", "toelichting_beslissing"])
    Termijn.objects.filter(bezwaar=locked, afgerond_op__isnull=True).update(
        afgerond_op=beslist_op, opgeschort_sinds=None
    )
    uitkomst_tekst = locked.get_uitkomst_display().lower()
    tekst = f"Beslissing op bezwaar ({beslist_op:%d-%m-%Y}): {uitkomst_tekst}. {toelichting}"
    if uitkomst == Bezwaar.Uitkomst.GEGROND:
        tekst += " Er volgt een nieuw besluit."
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.BEZWAAR,
        door=door,
        tekst=tekst,
        gegevens={"bezwaar": locked.pk, "uitkomst": uitkomst},
    )
    return locked


def bezwaar_kan_nieuw_besluit(bezwaar: Bezwaar) -> bool:
    return bezwaar.uitkomst == Bezwaar.Uitkomst.GEGROND and not bezwaar.nieuwe_besluiten.exists()
