"""The three outcomes of triage (afhandelen, verwijzen, opschalen), the partner's feedback on a
referral, and closing a case at the door. Backoffice calls ``verwijzing_maken`` for afschaling."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from altena.access import Rol
from netwerk.models import Team

from ..acties import actie_vereist
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
    VersieConflict,
    casus_overgang,
    gebeurtenis_toevoegen,
    intake_overgang,
    lock_casus,
)


def _verplicht(waarde: str, melding: str, veld: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ValidationError({veld: melding})
    return waarde


def _niet_in_de_toekomst(datum: date | None, veld: str) -> None:
    if datum is not None and datum > timezone.localdate():
        raise ValidationError({veld: "Deze datum ligt in de toekomst."})


@transaction.atomic
def casus_afhandelen(*, casus: Casus, door, notitie: str, versie: int | None = None) -> Casus:
    """Settled at the door with information or advice: aangemeld -> afgehandeld."""
    notitie = _verplicht(notitie, "Noteer kort welke informatie of welk advies is gegeven.", "notitie")
    locked = lock_casus(casus, versie)
    actie_vereist(locked, "afhandelen")
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
    if casus.inwoner.geheimhouding and GedeeldGegeven.ADRES in gedeeld:
        # Geheimhouding (verstrekkingsbeperking) in the BRP: the address never leaves the gemeente.
        raise ValidationError(
            {
                "gedeelde_gegevens": "Deze inwoner heeft geheimhouding in de BRP: het adres wordt niet met "
                "partners gedeeld. Deel telefoon of e-mail."
            }
        )
    locked = lock_casus(casus, versie)
    if not locked.toestemming_delen:
        raise ValidationError(
            "Verwijzen kan niet: de inwoner heeft geen toestemming gegeven om gegevens met partners "
            "te delen. Leg eerst de toestemming vast.",
            code="geen_toestemming",
        )
    if not partner.actief:
        raise ValidationError({"partner": "Deze partner is niet meer actief."})
    actie_vereist(locked, "verwijzen")
    if locked.fase != Fase.VERWEZEN:
        locked = intake_overgang(
            locked,
            naar=Fase.VERWEZEN,
            door=door,
            tekst=f"Verwezen naar {partner.naam}.",
            gegevens={"partner": partner.pk},
        )
    else:
        locked.versie += 1
        locked.save(update_fields=["versie", "gewijzigd"])
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
def verwijzing_terugkoppeling(
    *, verwijzing: Verwijzing, status: str, tekst: str, datum: date, door, versie: int | None = None
) -> Verwijzing:
    """Record the partner's feedback (accepted, refused, finished) as told to staff."""
    locked = Verwijzing.objects.select_for_update().select_related("partner").get(pk=verwijzing.pk)
    if versie is not None and locked.versie != versie:
        raise VersieConflict(Casus.objects.get(pk=locked.casus_id))
    if status not in locked.volgende_statussen():
        raise ValidationError(
            {
                "status": f"Een verwijzing met status '{locked.get_status_display()}' kan niet naar "
                f"'{Verwijzing.Status(status).label if status in Verwijzing.Status.values else status}'."
            }
        )
    tekst = _verplicht(tekst, "Noteer wat de partner heeft teruggekoppeld.", "tekst")
    if datum is None:
        raise ValidationError({"datum": "Vul de datum van de terugkoppeling in."})
    _niet_in_de_toekomst(datum, "datum")
    locked.status = status
    locked.terugkoppeling_tekst = tekst
    locked.terugkoppeling_datum = datum
    locked.terugkoppeling_door = door
    if status in (Verwijzing.Status.AFGEROND, Verwijzing.Status.AFGEWEZEN):
        locked.afgerond_op = timezone.now()
    if status == Verwijzing.Status.GEACCEPTEERD and locked.geaccepteerd_op is None:
        locked.geaccepteerd_op = timezone.now()  # counted as accepted, as when the partner does it
    locked.versie += 1
    locked.save()
    gebeurtenis_toevoegen(
        casus=locked.casus,
        soort=CasusGebeurtenis.Soort.TERUGKOPPELING,
        door=door,
        tekst=f"{locked.partner.naam}: {locked.get_status_display().lower()} ({datum:%d-%m-%Y}). {tekst}",
        gegevens={"verwijzing": locked.pk, "status": status, "datum": datum.isoformat()},
    )
    return locked


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
    _niet_in_de_toekomst(meldingsdatum, "meldingsdatum")
    locked = lock_casus(casus, versie)
    actie_vereist(locked, "opschalen")
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
    reden = _verplicht(reden, "Geef de reden van afsluiten.", "reden")
    return casus_overgang(
        casus=casus, naar=Fase.AFGESLOTEN, door=door, tekst=reden, versie=versie, afsluitreden=reden[:100]
    )
