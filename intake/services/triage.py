"""The three outcomes of triage (afhandelen, verwijzen, opschalen), the partner's feedback on a
referral, and closing a case at the door. Backoffice calls ``verwijzing_maken`` for afschaling."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from altena.access import Rol
from altena.validatie import datum_verplicht, niet_in_de_toekomst, verplicht
from netwerk.models import Team

from ..acties import ACTIES
from ..fouten import VerwijzingGewijzigd
from ..hooks import verwijzing_gemaakt
from ..models import (
    CONTACT_GEGEVENS,
    STANDAARD_GEDEELD,
    Casus,
    CasusGebeurtenis,
    GedeeldGegeven,
    Verwijzing,
    Wet,
)
from ..workflow import Fase
from .casus import (
    gebeurtenis_toevoegen,
    intake_overgang,
    lock_casus,
    wijziging_vastleggen,
)


@transaction.atomic
def casus_afhandelen(*, casus: Casus, door, notitie: str, versie: int | None = None) -> Casus:
    """Settled at the door with information or advice: aangemeld -> afgehandeld."""
    notitie = verplicht(
        notitie, melding="Noteer kort welke informatie of welk advies is gegeven.", veld="notitie"
    )
    locked = lock_casus(casus, versie)
    ACTIES.vereist(locked, "afhandelen")
    return intake_overgang(locked, naar=Fase.AFGEHANDELD, door=door, tekst=notitie)


def gedeelde_gegevens_controleren(gedeelde_gegevens) -> list[str]:
    """The consent's scope for one referral: known fields only, at least the name and one way to
    reach the inwoner (a partner cannot act on less). Kept in the fixed order of the choices."""
    gekozen = set(gedeelde_gegevens or [])
    onbekend = gekozen - set(GedeeldGegeven.values)
    if onbekend:
        raise ValidationError({"gedeelde_gegevens": "Onbekend gegeven gekozen om te delen."})
    if GedeeldGegeven.NAAM not in gekozen or not gekozen & set(CONTACT_GEGEVENS):
        raise ValidationError(
            {
                "gedeelde_gegevens": "Deel ten minste de naam en één manier om contact op te nemen "
                "(adres, telefoon of e-mail); zonder die toestemming kan de partner niets met de verwijzing."
            }
        )
    return [g for g in GedeeldGegeven.values if g in gekozen]


@transaction.atomic
def verwijzing_maken(
    *,
    casus: Casus,
    partner,
    door,
    toelichting: str = "",
    versie: int | None = None,
    gedeelde_gegevens: list[str] | None = None,
) -> Verwijzing:
    """Refer a case to a partner in the voorliggend veld.

    Needs the inhabitant's consent to share data; ``gedeelde_gegevens`` records its scope for this
    referral (default: name, kern, phone, e-mail and the question), which decides what the partner
    sees. Moves the case to ``verwezen`` when the transition table allows it from its fase (a first
    referral or an afschaling); a case that is already ``verwezen`` only gets another Verwijzing.
    """
    gedeeld = gedeelde_gegevens_controleren(
        STANDAARD_GEDEELD if gedeelde_gegevens is None else gedeelde_gegevens
    )
    return verwijzing_maken_vergrendeld(
        lock_casus(casus, versie), partner=partner, door=door, toelichting=toelichting, gedeeld=gedeeld
    )


def verwijzing_maken_vergrendeld(
    locked: Casus, *, partner, door, toelichting: str = "", gedeeld: list[str] | None = None
) -> Verwijzing:
    """``verwijzing_maken`` on a case the caller already locked (backoffice's afschaling)."""
    gedeeld = gedeelde_gegevens_controleren(STANDAARD_GEDEELD if gedeeld is None else gedeeld)
    if not locked.toestemming_delen:
        raise ValidationError(
            "Verwijzen kan niet: de inwoner heeft geen toestemming gegeven om gegevens met partners "
            "te delen. Leg eerst de toestemming vast.",
            code="geen_toestemming",
        )
    if not partner.actief:
        raise ValidationError({"partner": "Deze partner is niet meer actief."})
    ACTIES.vereist(locked, "verwijzen")
    if locked.fase != Fase.VERWEZEN:
        locked = intake_overgang(
            locked,
            naar=Fase.VERWEZEN,
            door=door,
            tekst=f"Verwezen naar {partner.naam}.",
            gegevens={"partner": partner.pk},
        )
    else:
        wijziging_vastleggen(locked, soort=None)
    verwijzing = Verwijzing.objects.create(
        casus=locked,
        partner=partner,
        toelichting=(toelichting or "").strip(),
        door=door,
        verstuurd_op=timezone.now(),
        gedeelde_gegevens=gedeeld,
    )
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.VERWIJZING,
        door=door,
        tekst=f"Verwijzing naar {partner.naam} verstuurd."
        + (f" {verwijzing.toelichting}" if toelichting else ""),
        gegevens={"verwijzing": verwijzing.pk, "partner": partner.pk, "gedeeld": gedeeld},
    )
    verwijzing_gemaakt.send(sender=Verwijzing, verwijzing=verwijzing)
    return verwijzing


@transaction.atomic
def verwijzing_bijwerken(
    *,
    verwijzing: Verwijzing,
    door,
    naar: str | None,
    tekst: str,
    tijdlijn: str,
    gegevens: dict,
    versie: int | None = None,
    datum: date | None = None,
    van: tuple[str, ...] | None = None,
    wat: str = "Deze wijziging",
    velden: dict | None = None,
    partner_id: int | None = None,
) -> Verwijzing:
    """The one writer of a referral's status and feedback, for staff and the partner portal alike.

    Locks the referral (only the partner's own with ``partner_id``), refuses a stale ``versie``
    (VerwijzingGewijzigd), a status outside ``van`` and a move to ``naar`` that
    ``Verwijzing.VOLGENDE_STATUSSEN`` does not allow; sets the status with its moments (accepted,
    finished), the feedback (``tekst``, ``datum``, ``door``) and the extra ``velden`` (first
    contact, outcome, opschaling), and writes the timeline event (``tijdlijn``, ``gegevens``).
    ``naar=None`` records feedback without a new status."""
    qs = Verwijzing.objects.select_for_update(of=("self",)).select_related("partner", "casus")
    if partner_id is not None:
        qs = qs.filter(partner_id=partner_id)
    locked = qs.get(pk=verwijzing.pk)
    if versie is not None and locked.versie != versie:
        raise VerwijzingGewijzigd()
    if van is not None and locked.status not in van:
        raise ValidationError(
            f"{wat} kan niet: de verwijzing staat op '{locked.get_status_display().lower()}'.", code="status"
        )
    if naar is not None and naar not in locked.volgende_statussen():
        label = Verwijzing.Status(naar).label if naar in Verwijzing.Status.values else naar
        raise ValidationError(
            {"status": f"Een verwijzing met status '{locked.get_status_display()}' kan niet naar '{label}'."},
            code="status",
        )
    nu = timezone.now()
    if naar is not None:
        locked.status = naar
        if naar in (Verwijzing.Status.AFGEROND, Verwijzing.Status.AFGEWEZEN):
            locked.afgerond_op = nu
        if naar == Verwijzing.Status.GEACCEPTEERD and locked.geaccepteerd_op is None:
            locked.geaccepteerd_op = nu  # counted as accepted, whoever records it
    for veld, waarde in (velden or {}).items():
        setattr(locked, veld, waarde)
    locked.terugkoppeling_tekst = tekst
    locked.terugkoppeling_datum = datum or timezone.localdate()
    locked.terugkoppeling_door = door
    locked.versie += 1
    locked.save()
    gebeurtenis_toevoegen(
        casus=locked.casus,
        soort=CasusGebeurtenis.Soort.TERUGKOPPELING,
        door=door,
        tekst=tijdlijn,
        gegevens={"verwijzing": locked.pk, **gegevens},
    )
    return locked


def verwijzing_terugkoppeling(
    *, verwijzing: Verwijzing, status: str, tekst: str, datum: date, door, versie: int | None = None
) -> Verwijzing:
    """Record the partner's feedback (accepted, refused, finished) as told to staff."""
    tekst = verplicht(tekst, melding="Noteer wat de partner heeft teruggekoppeld.", veld="tekst")
    datum_verplicht(datum, melding="Vul de datum van de terugkoppeling in.", veld="datum")
    niet_in_de_toekomst(datum, veld="datum")
    partner = verwijzing.partner.naam
    label = Verwijzing.Status(status).label.lower() if status in Verwijzing.Status.values else status
    return verwijzing_bijwerken(
        verwijzing=verwijzing,
        door=door,
        naar=status,
        tekst=tekst,
        datum=datum,
        versie=versie,
        tijdlijn=f"{partner}: {label} ({datum:%d-%m-%Y}). {tekst}",
        gegevens={"status": status, "datum": datum.isoformat()},
    )


def maatwerkteam_voor(casus: Casus):
    """The team that takes the melding: a team whose werkgebied covers the case's kern and that has
    a consultant; a team with this kern named explicitly before a municipality-wide team. The
    current team is kept when it qualifies; None when there is no such team."""
    kandidaten = (
        Team.objects.filter(gemeente=casus.kern.gemeente)
        .filter(Q(kernen=casus.kern) | Q(kernen__isnull=True))
        .filter(leden__groups__name=Rol.CONSULTANT)
        .annotate(
            specifiek=Case(
                When(kernen=casus.kern, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("specifiek", "naam")
    )
    teams = list(kandidaten)
    if casus.team_id and any(t.pk == casus.team_id for t in teams):
        return casus.team
    return teams[0] if teams else None


@transaction.atomic
def casus_opschalen(
    *,
    casus: Casus,
    wet: str,
    reden: str,
    door,
    meldingsdatum: date | None = None,
    versie: int | None = None,
) -> Casus:
    """Opschaling to maatwerk: aangemeld/verwezen -> melding under a law, with the reason.

    Sets the meldingsdatum (default today; for the Wmo it starts the six-week onderzoek term, which
    backoffice computes on ``casus_fase_gewijzigd``) and hands the case to a maatwerk team.
    """
    fouten = {}
    if wet not in Wet.values:
        fouten["wet"] = "Kies de wet waaronder het maatwerk valt (Wmo 2015, Jeugdwet of Participatiewet)."
    if not (reden or "").strip():
        fouten["reden"] = "Geef de reden van de opschaling."
    if fouten:
        raise ValidationError(fouten)
    meldingsdatum = meldingsdatum or timezone.localdate()
    niet_in_de_toekomst(meldingsdatum, veld="meldingsdatum")
    locked = lock_casus(casus, versie)
    ACTIES.vereist(locked, "opschalen")
    team = maatwerkteam_voor(locked) or locked.team
    return intake_overgang(
        locked,
        naar=Fase.MELDING,
        door=door,
        tekst=f"Opgeschaald naar maatwerk ({Wet(wet).label}): {reden.strip()}",
        gegevens={"wet": wet, "meldingsdatum": meldingsdatum.isoformat(), "team": team.pk if team else None},
        velden={"wet": wet, "meldingsdatum": meldingsdatum, "team": team},
    )


@transaction.atomic
def casus_afsluiten(*, casus: Casus, reden: str, door, versie: int | None = None) -> Casus:
    """Close an open case with a reason (e.g. after the partner finished the referral)."""
    reden = verplicht(reden, melding="Geef de reden van afsluiten.", veld="reden")
    return casus_afsluiten_vergrendeld(lock_casus(casus, versie), reden=reden, door=door)


def casus_afsluiten_vergrendeld(locked: Casus, *, reden: str, door) -> Casus:
    """``casus_afsluiten`` on a case the caller already locked (backoffice's maatwerk_afsluiten)."""
    reden = verplicht(reden, melding="Geef de reden van afsluiten.", veld="reden")
    return intake_overgang(
        locked, naar=Fase.AFGESLOTEN, door=door, tekst=reden, velden={"afsluitreden": reden[:100]}
    )
