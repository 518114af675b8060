"""The maatwerk process up to the aanvraag: claim and assign, onderzoek (keukentafelgesprek),
persoonlijk plan, aanvraag and the Participatiewet voorschot. Each step writes a timeline event."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from altena.access import Rol
from altena.namen import naam_van
from altena.validatie import datum_verplicht, niet_in_de_toekomst, verplicht
from intake.models import Casus, CasusGebeurtenis, Wet, ZrmScore
from intake.services import (
    casus_toewijzen_vergrendeld,
    lock_casus,
    overgang_uitvoeren,
    wijziging_vastleggen,
    zrm_scores_vastleggen,
)
from intake.workflow import MAATWERK_FASEN, Fase

from .. import termijnen as tw
from ..acties import ACTIES, Stand
from ..models import Aanvraag, Onderzoek, PersoonlijkPlan
from .termijnen import termijnen_afronden, termijnen_bij_aanvraag


class AlInBehandeling(ValidationError):
    """Someone else claimed the melding first."""

    def __init__(self, casus: Casus):
        naam = naam_van(casus.behandelaar)
        super().__init__(
            f"Casus {casus.nummer} is zojuist al in behandeling genomen door {naam}. "
            "Kies een andere melding uit de werkvoorraad.",
            code="al_in_behandeling",
        )


@transaction.atomic
def casus_claimen(*, casus: Casus, door) -> Casus:
    """A consultant takes an unassigned maatwerk case. The row lock makes a second, simultaneous
    claim wait and then see the first one's behandelaar: one wins, the other is told."""
    locked = lock_casus(casus)  # no join: re-read after the lock wait
    if locked.fase not in MAATWERK_FASEN:
        raise ValidationError(
            f"Casus {locked.nummer} is geen maatwerkcasus meer en kan niet worden geclaimd."
        )
    if locked.behandelaar_id == door.pk:
        return locked
    if locked.behandelaar_id is not None:
        raise AlInBehandeling(locked)
    return casus_toewijzen_vergrendeld(locked, door=door, behandelaar=door)


def toewijsbare_medewerkers(casus: Casus):
    """Consultants who are members of the case's team."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if casus.team_id is None:
        return User.objects.none()
    return (
        User.objects.filter(is_active=True, teams=casus.team_id, groups__name=Rol.CONSULTANT)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@transaction.atomic
def casus_toewijzen_aan(*, casus: Casus, behandelaar, door, versie: int | None = None) -> Casus:
    """A teamleider assigns or reassigns a case to a consultant of the case's team."""
    locked = lock_casus(casus, versie)
    ACTIES.vereist(Stand(locked), "toewijzen")
    if behandelaar is None:
        raise ValidationError({"behandelaar": "Kies een consulent."})
    if not toewijsbare_medewerkers(locked).filter(pk=behandelaar.pk).exists():
        raise ValidationError({"behandelaar": "Wijs toe aan een consulent van het team van deze casus."})
    if locked.behandelaar_id == behandelaar.pk:
        raise ValidationError({"behandelaar": "Deze consulent is al de behandelaar."})
    return casus_toewijzen_vergrendeld(locked, door=door, behandelaar=behandelaar)


@transaction.atomic
def onderzoek_starten(
    *, casus: Casus, door, versie: int | None = None, gestart_op: date | None = None
) -> Onderzoek:
    """Wmo (and any law after a melding): melding -> onderzoek. Jeugdwet and Participatiewet may
    also investigate after the aanvraag; the fase then stays aanvraag."""
    gestart_op = gestart_op or timezone.localdate()
    niet_in_de_toekomst(gestart_op, veld="gestart_op")
    locked = lock_casus(casus, versie)
    ACTIES.vereist(Stand(locked), "onderzoek_starten")
    if locked.fase == Fase.MELDING:
        locked = overgang_uitvoeren(locked, naar=Fase.ONDERZOEK, door=door, tekst="Onderzoek gestart.")
    else:  # Jeugdwet or Participatiewet after the aanvraag: the fase stays aanvraag
        wijziging_vastleggen(
            locked,
            soort=CasusGebeurtenis.Soort.NOTITIE,
            door=door,
            tekst="Onderzoek bij de aanvraag gestart.",
        )
    return Onderzoek.objects.create(casus=locked, gestart_op=gestart_op, door=door)


ONDERZOEK_VELDEN = (
    "deelnemers",
    "verslag",
    "eigen_mogelijkheden",
    "mantelzorg",
    "voorliggende_voorzieningen",
)


@transaction.atomic
def onderzoek_vastleggen(
    *,
    onderzoek: Onderzoek,
    door,
    versie: int | None = None,
    gesprek_datum: date | None = None,
    zrm_scores: list[dict] | None = None,
    afronden: bool = False,
    **velden: str,
) -> Onderzoek:
    """Record the keukentafelgesprek: date, participants, report, the inhabitant's own
    possibilities, mantelzorg and voorliggende voorzieningen considered, and ZRM scores for the
    relevant domains only. ``afronden`` closes the onderzoek (and its Wmo term)."""
    onbekend = set(velden) - set(ONDERZOEK_VELDEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    casus = lock_casus(onderzoek.casus, versie)
    ACTIES.vereist(Stand(casus), "onderzoek")
    locked = Onderzoek.objects.select_for_update().get(pk=onderzoek.pk)
    if locked.afgerond_op is not None:
        raise ValidationError("Dit onderzoek is al afgerond.")
    niet_in_de_toekomst(gesprek_datum, veld="gesprek_datum")
    if gesprek_datum and casus.meldingsdatum and gesprek_datum < casus.meldingsdatum:
        raise ValidationError(
            {"gesprek_datum": "Het gesprek kan niet vóór de melding hebben plaatsgevonden."}
        )
    for veld, waarde in velden.items():
        setattr(locked, veld, (waarde or "").strip())
    locked.gesprek_datum = gesprek_datum or locked.gesprek_datum
    if afronden:
        fouten = {}
        if not locked.gesprek_datum:
            fouten["gesprek_datum"] = "Vul de datum van het gesprek in voordat u het onderzoek afrondt."
        if not locked.verslag:
            fouten["verslag"] = "Een onderzoek wordt afgerond met een verslag."
        if casus.wet == Wet.WMO:
            melding = "De Wmo vraagt dit in het onderzoek te betrekken (art. 2.3.2 lid 4)."
            for veld in ("eigen_mogelijkheden", "mantelzorg", "voorliggende_voorzieningen"):
                if not getattr(locked, veld):
                    fouten[veld] = melding
        if fouten:
            raise ValidationError(fouten)
        locked.afgerond_op = timezone.localdate()
    locked.save()
    if zrm_scores:
        zrm_scores_vastleggen(
            casus=casus,
            scores=zrm_scores,
            door=door,
            bron=ZrmScore.Bron.ONDERZOEK,
            gescoord_op=locked.gesprek_datum or timezone.localdate(),
        )
    if afronden:
        termijnen_afronden(casus=casus, soorten=[tw.TermijnSoort.WMO_ONDERZOEK], op=locked.afgerond_op)
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.NOTITIE,
        door=door,
        tekst=("Onderzoek afgerond" if afronden else "Onderzoek bijgewerkt")
        + (f" (keukentafelgesprek {locked.gesprek_datum:%d-%m-%Y})." if locked.gesprek_datum else "."),
        gegevens={"onderzoek": locked.pk, "afgerond": afronden},
    )
    return locked


@transaction.atomic
def plan_ontvangen(
    *, casus: Casus, ontvangen_op: date, samenvatting: str, door, versie: int | None = None
) -> PersoonlijkPlan:
    """Wmo: the inhabitant hands in a persoonlijk plan (within 7 days of the melding)."""
    datum_verplicht(ontvangen_op, melding="Vul in wanneer het plan is ontvangen.", veld="ontvangen_op")
    samenvatting = verplicht(samenvatting, melding="Vat het plan kort samen.", veld="samenvatting")
    locked = lock_casus(casus, versie)
    ACTIES.vereist(Stand(locked), "plan")
    niet_in_de_toekomst(ontvangen_op, veld="ontvangen_op")
    if locked.meldingsdatum and ontvangen_op < locked.meldingsdatum:
        raise ValidationError({"ontvangen_op": "Het plan kan niet vóór de melding zijn ontvangen."})
    plan = PersoonlijkPlan.objects.create(
        casus=locked, ontvangen_op=ontvangen_op, samenvatting=samenvatting, door=door
    )
    termijnen_afronden(casus=locked, soorten=[tw.TermijnSoort.WMO_PLAN], op=ontvangen_op)
    wijziging_vastleggen(
        locked,
        soort=CasusGebeurtenis.Soort.NOTITIE,
        door=door,
        tekst=f"Persoonlijk plan ontvangen op {ontvangen_op:%d-%m-%Y}.",
        gegevens={"plan": plan.pk},
    )
    return plan


@transaction.atomic
def aanvraag_ontvangen(
    *,
    casus: Casus,
    ontvangen_op: date,
    omschrijving: str,
    door,
    voorschot_gevraagd: bool = False,
    versie: int | None = None,
) -> Aanvraag:
    """The aanvraag is received: melding/onderzoek (or in_zorg, for a herindicatie) -> aanvraag.
    Finishes the onderzoek and plan terms and starts the beschikking term of the law (and the
    voorschot term for the Participatiewet) itself, in this transaction."""
    datum_verplicht(ontvangen_op, melding="Vul in wanneer de aanvraag is ontvangen.", veld="ontvangen_op")
    omschrijving = verplicht(omschrijving, melding="Beschrijf wat de inwoner aanvraagt.", veld="omschrijving")
    niet_in_de_toekomst(ontvangen_op, veld="ontvangen_op")
    locked = lock_casus(casus, versie)
    ACTIES.vereist(Stand(locked), "aanvraag")
    if locked.meldingsdatum and ontvangen_op < locked.meldingsdatum:
        raise ValidationError({"ontvangen_op": "De aanvraag kan niet vóór de melding zijn ontvangen."})
    if voorschot_gevraagd and locked.wet != Wet.PARTICIPATIEWET:
        raise ValidationError({"voorschot_gevraagd": "Een voorschot bestaat alleen in de Participatiewet."})
    aanvraag = Aanvraag.objects.create(
        casus=locked,
        wet=locked.wet,
        ontvangen_op=ontvangen_op,
        omschrijving=omschrijving,
        voorschot_gevraagd=voorschot_gevraagd,
        door=door,
    )
    overgang_uitvoeren(
        locked,
        naar=Fase.AANVRAAG,
        door=door,
        tekst=f"Aanvraag ontvangen op {ontvangen_op:%d-%m-%Y}: {omschrijving}",
        gegevens={"aanvraag": aanvraag.pk, "voorschot": voorschot_gevraagd},
    )
    termijnen_bij_aanvraag(casus=locked, aanvraag=aanvraag)
    return aanvraag


@transaction.atomic
def voorschot_verlenen(*, aanvraag: Aanvraag, verleend_op: date, door, versie: int | None = None) -> Aanvraag:
    """Participatiewet art. 52: the voorschot is granted (within 4 weeks of the aanvraag)."""
    datum_verplicht(verleend_op, melding="Vul in wanneer het voorschot is verleend.", veld="verleend_op")
    casus = lock_casus(aanvraag.casus, versie)
    locked = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if not locked.voorschot_gevraagd:
        raise ValidationError("Bij deze aanvraag is geen voorschot gevraagd.")
    if locked.voorschot_verleend_op:
        raise ValidationError("Het voorschot is al verleend.")
    niet_in_de_toekomst(verleend_op, veld="verleend_op")
    if verleend_op < locked.ontvangen_op:
        raise ValidationError({"verleend_op": "Het voorschot kan niet vóór de aanvraag zijn verleend."})
    locked.voorschot_verleend_op = verleend_op
    locked.save(update_fields=["voorschot_verleend_op"])
    termijnen_afronden(casus=casus, soorten=[tw.TermijnSoort.PW_VOORSCHOT], op=verleend_op)
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.BESLUIT,
        door=door,
        tekst=f"Voorschot verleend op {verleend_op:%d-%m-%Y} (Participatiewet art. 52).",
        gegevens={"aanvraag": locked.pk},
    )
    return locked
