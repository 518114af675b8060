"""Writes of the partner portal: a partner's answers to a referral, its capacity, and accounts.

Each answer goes through intake's one referral service (``intake.services.verwijzing_bijwerken``:
it locks the referral, checks the version the worker saw and the status, and writes the referral and
the case's timeline in one transaction); after commit each answer
runs the signalen sweep of the rule it concerns, so the referring staff member has the signal at
once (the beat sweep would make it within minutes anyway; both are exactly-once).
"""

from __future__ import annotations

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from altena.validatie import datum_verplicht, niet_in_de_toekomst, verplicht
from intake.models import Uitkomst, Verwijzing
from intake.services import verwijzing_bijwerken
from netwerk.models import Aanbod, Capaciteit
from signalen.models import SignaalSoort
from signalen.services import sweep_regels

logger = logging.getLogger(__name__)

S = Verwijzing.Status


def _sweep_na_commit(*regels: str) -> None:
    def run():
        try:
            sweep_regels(*regels)
        except Exception:  # noqa: BLE001 - the beat sweep catches up; the answer itself is saved
            logger.exception("Sweep na partnerantwoord mislukt (%s)", regels)

    transaction.on_commit(run)


def _bijwerken(
    verwijzing: Verwijzing,
    *,
    door,
    van: tuple[str, ...],
    wat: str,
    actie: str,
    tekst: str,
    regel: str,
    naar: str | None = None,
    versie: int | None = None,
    velden: dict | None = None,
    **gegevens,
) -> Verwijzing:
    """The partner's answer through intake's one referral service: only its own referral, the
    version the worker saw, the statuses the answer is for; on the timeline as the partner's."""
    return verwijzing_bijwerken(
        verwijzing=verwijzing,
        door=door,
        naar=naar,
        tekst=tekst,
        tijdlijn=f"{verwijzing.partner.naam}: {regel}",
        gegevens={"bron": "partner", "actie": actie, **gegevens},
        versie=versie,
        van=van,
        wat=wat,
        velden=velden,
        partner_id=verwijzing.partner_id,
    )


@transaction.atomic
def verwijzing_accepteren(*, verwijzing: Verwijzing, door, versie: int | None = None) -> Verwijzing:
    locked = _bijwerken(
        verwijzing,
        door=door,
        van=(S.VERSTUURD,),
        wat="Accepteren",
        naar=S.GEACCEPTEERD,
        versie=versie,
        actie="geaccepteerd",
        tekst="Verwijzing geaccepteerd.",
        regel="verwijzing geaccepteerd.",
    )
    _sweep_na_commit(SignaalSoort.PARTNER_TERUGKOPPELING)
    return locked


@transaction.atomic
def verwijzing_afwijzen(*, verwijzing: Verwijzing, door, reden: str, versie: int | None = None) -> Verwijzing:
    reden = verplicht(reden, veld="reden", melding="Geef de reden waarom u de verwijzing afwijst.")
    locked = _bijwerken(
        verwijzing,
        door=door,
        van=(S.VERSTUURD,),
        wat="Afwijzen",
        naar=S.AFGEWEZEN,
        versie=versie,
        actie="afgewezen",
        tekst=reden,
        regel=f"verwijzing afgewezen. Reden: {reden}",
    )
    _sweep_na_commit(SignaalSoort.VERWIJZING_AFGEWEZEN)
    return locked


@transaction.atomic
def eerste_contact_vastleggen(
    *, verwijzing: Verwijzing, door, datum: date | None, versie: int | None = None
) -> Verwijzing:
    datum_verplicht(datum, veld="datum", melding="Vul de datum van het eerste contact in.")
    niet_in_de_toekomst(datum, veld="datum")
    if datum < timezone.localtime(verwijzing.verstuurd_op).date():
        raise ValidationError({"datum": "Het eerste contact kan niet voor de verwijzing liggen."})
    locked = _bijwerken(
        verwijzing,
        door=door,
        van=(S.GEACCEPTEERD,),
        wat="Eerste contact vastleggen",
        versie=versie,
        velden={"eerste_contact_op": datum},
        actie="eerste_contact",
        tekst=f"Eerste contact op {datum:%d-%m-%Y}.",
        regel=f"eerste contact op {datum:%d-%m-%Y}.",
        datum=datum.isoformat(),
    )
    _sweep_na_commit(SignaalSoort.PARTNER_TERUGKOPPELING)
    return locked


@transaction.atomic
def terugkoppeling_geven(
    *, verwijzing: Verwijzing, door, tekst: str, uitkomst: str = "", versie: int | None = None
) -> Verwijzing:
    """Progress (no uitkomst) or closing with an uitkomst. Closing with "meer nodig" also asks for
    opschaling: the referring team gets that signal too."""
    tekst = verplicht(tekst, veld="tekst", melding="Schrijf kort hoe het gaat of hoe het is afgelopen.")
    if uitkomst and uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies een van de uitkomsten."})
    velden = {}
    if uitkomst:
        velden["uitkomst"] = uitkomst
        regel = f"afgerond ({Uitkomst(uitkomst).label.lower()}). {tekst}"
        if uitkomst == Uitkomst.MEER_NODIG:
            velden.update(opschaling_gevraagd_op=timezone.now(), opschaling_reden=tekst)
    else:
        regel = f"voortgang: {tekst}"
    locked = _bijwerken(
        verwijzing,
        door=door,
        van=(S.GEACCEPTEERD,),
        wat="Terugkoppelen",
        naar=S.AFGEROND if uitkomst else None,
        versie=versie,
        velden=velden,
        actie="afgerond" if uitkomst else "voortgang",
        tekst=tekst,
        regel=regel,
        uitkomst=uitkomst,
    )
    regels = [SignaalSoort.PARTNER_TERUGKOPPELING]
    if uitkomst == Uitkomst.MEER_NODIG:
        regels.append(SignaalSoort.PARTNER_OPSCHALING)
    _sweep_na_commit(*regels)
    return locked


@transaction.atomic
def opschaling_vragen(*, verwijzing: Verwijzing, door, reden: str, versie: int | None = None) -> Verwijzing:
    """The partner asks the referring team to opschalen to maatwerk: a signal, not a decision."""
    reden = verplicht(reden, veld="reden", melding="Geef de reden waarom meer nodig is dan u kunt bieden.")
    locked = _bijwerken(
        verwijzing,
        door=door,
        van=Verwijzing.ACTIEVE_STATUSSEN,
        wat="Opschaling vragen",
        versie=versie,
        velden={"opschaling_gevraagd_op": timezone.now(), "opschaling_reden": reden},
        actie="opschaling",
        tekst=reden,
        regel=f"vraagt opschaling naar maatwerk: {reden}",
    )
    _sweep_na_commit(SignaalSoort.PARTNER_OPSCHALING)
    return locked


@transaction.atomic
def aanbod_bijwerken(
    *, aanbod: Aanbod, capaciteit: str, wachttijd_weken: int | None, door, vandaag: date | None = None
) -> Aanbod:
    """Set an offer's capacity and mark it confirmed today."""
    if capaciteit not in Capaciteit.values:
        raise ValidationError({"capaciteit": "Kies ruimte nu, wachtlijst of vol."})
    if capaciteit == Capaciteit.WACHTLIJST:
        if wachttijd_weken is None:
            raise ValidationError(
                {"wachttijd_weken": "Vul bij een wachtlijst de verwachte wachttijd in weken in."}
            )
        if wachttijd_weken > 104:
            raise ValidationError(
                {"wachttijd_weken": "Een wachttijd van meer dan twee jaar is niet aannemelijk."}
            )
    else:
        wachttijd_weken = None
    locked = Aanbod.objects.select_for_update().get(pk=aanbod.pk)
    locked.capaciteit = capaciteit
    locked.wachttijd_weken = wachttijd_weken
    locked.bevestigd_op = vandaag or timezone.localdate()
    locked.bevestigd_door = door
    locked.save()
    return locked
