"""Writes on the shared case model: numbering, registration, transitions, edits, assignment."""

from __future__ import annotations

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from ..models import Casus, CasusGebeurtenis, Inwoner
from ..signals import casus_fase_gewijzigd
from ..workflow import TRANSITIONS, Fase
from .inwoners import zrm_scores_vastleggen


class VersieConflict(Exception):
    """The case was changed by someone else since the form was opened."""

    def __init__(self, casus: Casus):
        self.casus = casus
        super().__init__(
            f"Casus {casus.nummer} is intussen gewijzigd (nu versie {casus.versie}). "
            "Bekijk de huidige gegevens en voer uw wijziging opnieuw in."
        )


class OvergangNietToegestaan(ValidationError):
    def __init__(self, casus: Casus, naar: str):
        van_label = Fase(casus.fase).label
        naar_label = Fase(naar).label
        super().__init__(
            f"Casus {casus.nummer} kan niet van fase '{van_label}' naar '{naar_label}'.", code="overgang"
        )


def volgend_casusnummer(*, jaar: int | None = None) -> str:
    """The next human case number of the year, e.g. 2026-000123.

    One UPSERT statement: PostgreSQL's row lock on the counter serialises concurrent callers, so
    two requests, threads or processes never receive the same number.
    """
    jaar = jaar or timezone.localdate().year
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO intake_casusnummerteller (jaar, laatste) VALUES (%s, 1)
            ON CONFLICT (jaar) DO UPDATE SET laatste = intake_casusnummerteller.laatste + 1
            RETURNING laatste
            """,
            [jaar],
        )
        (laatste,) = cursor.fetchone()
    return f"{jaar}-{laatste:06d}"


def gebeurtenis_toevoegen(
    *,
    casus: Casus,
    soort: str,
    door=None,
    tekst: str = "",
    gegevens: dict | None = None,
    fase_van: str = "",
    fase_naar: str = "",
) -> CasusGebeurtenis:
    return CasusGebeurtenis.objects.create(
        casus=casus,
        soort=soort,
        actor=door,
        tekst=tekst,
        gegevens=gegevens or {},
        fase_van=fase_van,
        fase_naar=fase_naar,
        tijdstip=timezone.now(),
    )


@transaction.atomic
def casus_aanmaken(
    *,
    inwoner: Inwoner,
    door,
    hulpvraag: str,
    kanaal: str,
    leefgebieden: list[str],
    verwijzer: str = "zelf",
    verwijzer_partner=None,
    urgentie: str = "normaal",
    crisis: bool = False,
    toestemming_delen: bool = False,
    toestemming_scope: str = "",
    toestemming_datum: date | None = None,
    kern=None,
    team=None,
    indienings_token: uuid.UUID | None = None,
    zrm_scores: list[dict] | None = None,
) -> Casus:
    """Register a hulpvraag. With an ``indienings_token`` a repeated submit returns the first case.

    ``zrm_scores`` (optional quick scan: dicts with domein, score, reden) are stored with the new
    case only, so a repeated submit never scores twice.
    """
    if indienings_token is not None:
        bestaand = Casus.objects.filter(indienings_token=indienings_token).first()
        if bestaand is not None:
            return bestaand
    if toestemming_delen and not toestemming_datum:
        toestemming_datum = timezone.localdate()
    casus = Casus(
        nummer=volgend_casusnummer(),
        inwoner=inwoner,
        huishouden=inwoner.huishouden,
        kern=kern or inwoner.kern,
        hulpvraag=hulpvraag,
        kanaal=kanaal,
        leefgebieden=list(leefgebieden),
        verwijzer=verwijzer,
        verwijzer_partner=verwijzer_partner,
        urgentie=urgentie,
        crisis=crisis,
        toestemming_delen=toestemming_delen,
        toestemming_scope=toestemming_scope if toestemming_delen else "",
        toestemming_datum=toestemming_datum if toestemming_delen else None,
        team=team,
        aangemaakt_door=door,
        aangemaakt=timezone.now(),
        indienings_token=indienings_token,
    )
    casus.full_clean(exclude=["nummer"])
    try:
        with transaction.atomic():
            casus.save()
    except IntegrityError:
        # A concurrent submit with the same token won the race: return its case.
        if indienings_token is not None:
            return Casus.objects.get(indienings_token=indienings_token)
        raise
    gebeurtenis_toevoegen(
        casus=casus,
        soort=CasusGebeurtenis.Soort.AANGEMAAKT,
        door=door,
        fase_naar=casus.fase,
        tekst="Crisis gemeld." if crisis else "",
    )
    if zrm_scores:
        zrm_scores_vastleggen(casus=casus, scores=zrm_scores, door=door)
    return casus


def lock_casus(casus: Casus, versie: int | None) -> Casus:
    locked = Casus.objects.select_for_update().get(pk=casus.pk)
    if versie is not None and locked.versie != versie:
        raise VersieConflict(locked)
    return locked


@transaction.atomic
def casus_overgang(
    *,
    casus: Casus,
    naar: str,
    door,
    tekst: str = "",
    versie: int | None = None,
    gegevens: dict | None = None,
    **velden,
) -> Casus:
    """Move a case to another fase, if and only if the transition table lists it.

    ``velden`` are extra fields set in the same write (wet, meldingsdatum, afsluitreden, ...).
    """
    locked = lock_casus(casus, versie)
    if (locked.fase, naar) not in TRANSITIONS:
        raise OvergangNietToegestaan(locked, naar)
    van = locked.fase
    nieuwe_route = TRANSITIONS[(van, naar)]
    locked.fase = naar
    if nieuwe_route is not None:
        locked.route = nieuwe_route
    for veld, waarde in velden.items():
        setattr(locked, veld, waarde)
    if naar == Fase.AFGESLOTEN:
        locked.afgesloten_op = timezone.now()
    elif van == Fase.AFGESLOTEN:
        locked.afgesloten_op = None
        locked.afsluitreden = ""
    locked.versie += 1
    locked.save()
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.OVERGANG,
        door=door,
        tekst=tekst,
        fase_van=van,
        fase_naar=naar,
        gegevens=gegevens,
    )
    casus_fase_gewijzigd.send(sender=Casus, casus=locked, van=van, naar=naar, door=door)
    return locked


BEWERKBARE_VELDEN = frozenset(
    {
        "hulpvraag",
        "leefgebieden",
        "kanaal",
        "verwijzer",
        "verwijzer_partner",
        "urgentie",
        "crisis",
        "toestemming_delen",
        "toestemming_scope",
        "toestemming_datum",
        "kern",
    }
)


@transaction.atomic
def casus_bijwerken(*, casus: Casus, versie: int, door, **velden) -> Casus:
    """Change the intake data of a case; a stale ``versie`` raises VersieConflict and writes nothing."""
    onbekend = set(velden) - BEWERKBARE_VELDEN
    if onbekend:
        raise ValueError(f"Niet bewerkbaar via casus_bijwerken: {sorted(onbekend)}")
    locked = lock_casus(casus, versie)
    gewijzigd = {}
    # A move to another kern keeps both ids, so reports can place the case where it was at a moment.
    kern_verhuizing = {}
    if "kern" in velden and velden["kern"] is not None and velden["kern"].pk != locked.kern_id:
        kern_verhuizing = {"kern": [locked.kern_id, velden["kern"].pk]}
    for veld, waarde in velden.items():
        oud = getattr(locked, veld)
        if oud != waarde:
            gewijzigd[veld] = [str(oud), str(waarde)]
            setattr(locked, veld, waarde)
    if not gewijzigd:
        return locked
    locked.full_clean(exclude=["nummer"])
    locked.versie += 1
    locked.save()
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.GEWIJZIGD,
        door=door,
        tekst="Gewijzigd: " + ", ".join(sorted(gewijzigd)),
        gegevens={"velden": sorted(gewijzigd), **kern_verhuizing},
    )
    return locked


@transaction.atomic
def casus_toewijzen(*, casus: Casus, door, behandelaar=None, team=None, versie: int | None = None) -> Casus:
    locked = lock_casus(casus, versie)
    if behandelaar is not None:
        locked.behandelaar = behandelaar
    if team is not None:
        locked.team = team
    locked.versie += 1
    locked.save()
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.TOEGEWEZEN,
        door=door,
        tekst=f"Behandelaar: {locked.behandelaar or '-'}; team: {locked.team or '-'}",
    )
    return locked
