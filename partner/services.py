"""Writes of the partner portal: a partner's answers to a referral, its capacity, and accounts.

Each answer locks the referral, checks the version the worker saw, writes the referral and the
case's timeline (``intake.services.gebeurtenis_toevoegen``) in one transaction, and after commit
runs the signalen sweep of the rule it concerns, so the referring staff member has the signal at
once (the beat sweep would make it within minutes anyway; both are exactly-once).
"""

from __future__ import annotations

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from intake.models import CasusGebeurtenis, Uitkomst, Verwijzing
from intake.services import gebeurtenis_toevoegen
from netwerk.models import Aanbod, Capaciteit
from signalen.models import SignaalSoort
from signalen.services import sweep_regels

logger = logging.getLogger(__name__)

S = Verwijzing.Status


def _verplicht(waarde: str, veld: str, melding: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ValidationError({veld: melding})
    return waarde


def _sweep_na_commit(*regels: str) -> None:
    def run():
        try:
            sweep_regels(*regels)
        except Exception:  # noqa: BLE001 - the beat sweep catches up; the answer itself is saved
            logger.exception("Sweep na partnerantwoord mislukt (%s)", regels)

    transaction.on_commit(run)


def _lock(verwijzing: Verwijzing, versie: int | None, toegestaan: tuple[str, ...], wat: str) -> Verwijzing:
    locked = (
        Verwijzing.objects.select_for_update(of=("self",))
        .select_related("partner", "casus")
        .get(pk=verwijzing.pk, partner_id=verwijzing.partner_id)
    )
    if versie is not None and locked.versie != versie:
        raise ValidationError(
            "Deze verwijzing is intussen gewijzigd (door een collega of de gemeente). Bekijk de huidige "
            "stand en probeer het opnieuw; er is niets opgeslagen.",
            code="versie",
        )
    if locked.status not in toegestaan:
        raise ValidationError(
            f"{wat} kan niet: de verwijzing staat op '{locked.get_status_display().lower()}'.", code="status"
        )
    return locked


def _tijdlijn(verwijzing: Verwijzing, *, door, actie: str, tekst: str, **gegevens) -> CasusGebeurtenis:
    return gebeurtenis_toevoegen(
        casus=verwijzing.casus,
        soort=CasusGebeurtenis.Soort.TERUGKOPPELING,
        door=door,
        tekst=f"{verwijzing.partner.naam}: {tekst}",
        gegevens={"verwijzing": verwijzing.pk, "bron": "partner", "actie": actie, **gegevens},
    )


def _bewaar(verwijzing: Verwijzing, tekst: str, door) -> None:
    verwijzing.terugkoppeling_tekst = tekst
    verwijzing.terugkoppeling_datum = timezone.localdate()
    verwijzing.terugkoppeling_door = door
    verwijzing.versie += 1
    verwijzing.save()


@transaction.atomic
def verwijzing_accepteren(*, verwijzing: Verwijzing, door, versie: int | None = None) -> Verwijzing:
    locked = _lock(verwijzing, versie, (S.VERSTUURD,), "Accepteren")
    locked.status = S.GEACCEPTEERD
    locked.geaccepteerd_op = timezone.now()
    _bewaar(locked, "Verwijzing geaccepteerd.", door)
    _tijdlijn(locked, door=door, actie="geaccepteerd", tekst="verwijzing geaccepteerd.")
    _sweep_na_commit(SignaalSoort.PARTNER_TERUGKOPPELING)
    return locked


@transaction.atomic
def verwijzing_afwijzen(*, verwijzing: Verwijzing, door, reden: str, versie: int | None = None) -> Verwijzing:
    reden = _verplicht(reden, "reden", "Geef de reden waarom u de verwijzing afwijst.")
    locked = _lock(verwijzing, versie, (S.VERSTUURD,), "Afwijzen")
    locked.status = S.AFGEWEZEN
    locked.afgerond_op = timezone.now()
    _bewaar(locked, reden, door)
    _tijdlijn(locked, door=door, actie="afgewezen", tekst=f"verwijzing afgewezen. Reden: {reden}")
    _sweep_na_commit(SignaalSoort.VERWIJZING_AFGEWEZEN)
    return locked


@transaction.atomic
def eerste_contact_vastleggen(
    *, verwijzing: Verwijzing, door, datum: date | None, versie: int | None = None
) -> Verwijzing:
    if datum is None:
        raise ValidationError({"datum": "Vul de datum van het eerste contact in."})
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Deze datum ligt in de toekomst."})
    locked = _lock(verwijzing, versie, (S.GEACCEPTEERD,), "Eerste contact vastleggen")
    if datum < timezone.localtime(locked.verstuurd_op).date():
        raise ValidationError({"datum": "Het eerste contact kan niet voor de verwijzing liggen."})
    locked.eerste_contact_op = datum
    _bewaar(locked, f"Eerste contact op {datum:%d-%m-%Y}.", door)
    _tijdlijn(
        locked,
        door=door,
        actie="eerste_contact",
        tekst=f"eerste contact op {datum:%d-%m-%Y}.",
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
    tekst = _verplicht(tekst, "tekst", "Schrijf kort hoe het gaat of hoe het is afgelopen.")
    if uitkomst and uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies een van de uitkomsten."})
    locked = _lock(verwijzing, versie, (S.GEACCEPTEERD,), "Terugkoppelen")
    if uitkomst:
        locked.status = S.AFGEROND
        locked.uitkomst = uitkomst
        locked.afgerond_op = timezone.now()
        label = Uitkomst(uitkomst).label.lower()
        regel = f"afgerond ({label}). {tekst}"
        if uitkomst == Uitkomst.MEER_NODIG:
            locked.opschaling_gevraagd_op = timezone.now()
            locked.opschaling_reden = tekst
    else:
        regel = f"voortgang: {tekst}"
    _bewaar(locked, tekst, door)
    _tijdlijn(
        locked, door=door, actie="afgerond" if uitkomst else "voortgang", tekst=regel, uitkomst=uitkomst
    )
    regels = [SignaalSoort.PARTNER_TERUGKOPPELING]
    if uitkomst == Uitkomst.MEER_NODIG:
        regels.append(SignaalSoort.PARTNER_OPSCHALING)
    _sweep_na_commit(*regels)
    return locked


@transaction.atomic
def opschaling_vragen(*, verwijzing: Verwijzing, door, reden: str, versie: int | None = None) -> Verwijzing:
    """The partner asks the referring team to opschalen to maatwerk: a signal, not a decision."""
    reden = _verplicht(reden, "reden", "Geef de reden waarom meer nodig is dan u kunt bieden.")
    locked = _lock(verwijzing, versie, Verwijzing.ACTIEVE_STATUSSEN, "Opschaling vragen")
    locked.opschaling_gevraagd_op = timezone.now()
    locked.opschaling_reden = reden
    _bewaar(locked, reden, door)
    _tijdlijn(locked, door=door, actie="opschaling", tekst=f"vraagt opschaling naar maatwerk: {reden}")
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
