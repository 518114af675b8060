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
from ..models import Casus, CasusGebeurtenis, Verwijzing, Wet
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


@transaction.atomic
def verwijzing_maken(
    *, casus: Casus, partner, door, toelichting: str = "", versie: int | None = None
) -> Verwijzing:
    """Refer a case to a partner in the voorliggend veld.

    Needs the inhabitant's consent to share data. Moves the case to ``verwezen`` when the
    transition table allows it from its fase (a first referral or an afschaling); a case that is
    already ``verwezen`` only gets another Verwijzing.
    """
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
    )
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.VERWIJZING,
        door=door,
        tekst=f"Verwijzing naar {partner.naam} verstuurd."
        + (f" {verwijzing.toelichting}" if toelichting else ""),
        gegevens={"verwijzing": verwijzing.pk, "partner": partner.pk},
    )
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
