"""Writes on the shared case model: numbering, registration, transitions, edits, assignment."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from altena.namen import naam_van

from ..acties import ACTIES
from ..fouten import OvergangNietToegestaan, VersieConflict
from ..hooks import casus_fase_gewijzigd
from ..models import Casus, CasusGebeurtenis, Inwoner
from ..workflow import EIND_FASEN, OVERGANG_VELDEN, TRANSITIONS, Fase
from .inwoners import zrm_scores_vastleggen


class MogelijkDubbel(ValidationError):
    """A likely duplicate: the same inwoner registered the same question minutes ago."""

    def __init__(self, bestaand: Casus):
        self.casus = bestaand
        minuten = max(1, int((timezone.now() - bestaand.aangemaakt).total_seconds() // 60))
        super().__init__(
            f"Deze hulpvraag lijkt al geregistreerd: casus {bestaand.nummer}, {minuten} minuten geleden, "
            "met dezelfde vraag of dezelfde leefgebieden. Open die casus, of bevestig dat dit een "
            "nieuwe, andere hulpvraag is.",
            code="mogelijk_dubbel",
        )


# How long after a registration the same question of the same inwoner counts as a likely duplicate.
DUBBEL_VENSTER = timedelta(minutes=30)


def _normaal(tekst: str) -> str:
    return " ".join((tekst or "").lower().split())


def mogelijk_dubbel(*, inwoner: Inwoner, hulpvraag: str, leefgebieden: list[str]) -> Casus | None:
    """The open case of the same inwoner, made within ``DUBBEL_VENSTER``, with the same question
    text (ignoring case and spacing) or the same set of leefgebieden; None when there is none."""
    recent = (
        Casus.objects.open()
        .filter(inwoner=inwoner, aangemaakt__gte=timezone.now() - DUBBEL_VENSTER)
        .order_by("-aangemaakt")
    )
    tekst, gebieden = _normaal(hulpvraag), sorted(set(leefgebieden))
    for casus in recent.only("nummer", "hulpvraag", "leefgebieden", "aangemaakt", "fase"):
        if _normaal(casus.hulpvraag) == tekst or sorted(set(casus.leefgebieden)) == gebieden:
            return casus
    return None


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


def wijziging_vastleggen(
    locked: Casus,
    *,
    soort: str | None,
    door=None,
    tekst: str = "",
    gegevens: dict | None = None,
    fase_van: str = "",
    fase_naar: str = "",
    velden: list[str] | None = (),
) -> Casus:
    """The one way a change of a locked case is recorded: the version goes up (every form opened
    before it is stale) and, with a ``soort``, the timeline gets its event.

    ``velden``: the case's own fields the caller changed (saved with the version); None saves the
    whole row (a transition or an edit). The caller holds the lock (``lock_casus``)."""
    locked.versie += 1
    if velden is None:
        locked.save()
    else:
        locked.save(update_fields=[*velden, "versie", "gewijzigd"])
    if soort is not None:
        gebeurtenis_toevoegen(
            casus=locked,
            soort=soort,
            door=door,
            tekst=tekst,
            gegevens=gegevens,
            fase_van=fase_van,
            fase_naar=fase_naar,
        )
    return locked


def gebeurtenissen_bulk_sql(bron: str) -> str:
    """The documented bulk equivalent of ``gebeurtenis_toevoegen`` for set-based writers (the
    signalen sweeps): an ``INSERT ... SELECT`` that appends one timeline event per
    row of ``bron`` (a CTE name or a parenthesised subquery with the columns ``casus_id, soort,
    tijdstip, tekst, gegevens``; no actor, no fase change). Table and column names come from the
    model, so a rename cannot silently break the sweeps; the events stay append-only."""
    meta = CasusGebeurtenis._meta
    kolommen = ", ".join(
        meta.get_field(naam).column
        for naam in ("casus", "soort", "tijdstip", "actor", "fase_van", "fase_naar", "tekst", "gegevens")
    )
    return (
        f"INSERT INTO {meta.db_table} ({kolommen}) "  # nosec B608  # table and column names from the model's _meta; every value is a parameter
        f"SELECT b.casus_id, b.soort, b.tijdstip, NULL, '', '', b.tekst, b.gegevens FROM {bron} b"
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
    dubbel_bevestigd: bool = False,
) -> Casus:
    """Register a hulpvraag, once.

    * With an ``indienings_token`` a repeated submit (double click, browser retry, two identical
      submits racing) returns the first case, marked ``al_geregistreerd = True``.
    * Without it being the same submit, a likely duplicate (``mogelijk_dubbel``: same inwoner,
      same question or same leefgebieden within minutes, e.g. Back and submit again) raises
      MogelijkDubbel unless ``dubbel_bevestigd``.

    The inwoner's row is locked first, so registrations for one person run one after the other and
    each sees what the previous one made. ``zrm_scores`` (optional quick scan: dicts with domein,
    score, reden) are stored with the new case only, so a repeated submit never scores twice.
    """
    Inwoner.objects.select_for_update().filter(pk=inwoner.pk).values_list("pk", flat=True).first()
    if indienings_token is not None:
        bestaand = Casus.objects.filter(indienings_token=indienings_token).first()
        if bestaand is not None:
            bestaand.al_geregistreerd = True
            return bestaand
    if not dubbel_bevestigd:
        dubbel = mogelijk_dubbel(inwoner=inwoner, hulpvraag=hulpvraag, leefgebieden=leefgebieden)
        if dubbel is not None:
            raise MogelijkDubbel(dubbel)
    if toestemming_delen and not toestemming_datum:
        toestemming_datum = timezone.localdate()
    if kern is not None and kern.gemeente != inwoner.gemeente:
        raise ValidationError({"kern": "Deze kern hoort bij een andere gemeente dan de inwoner."})
    casus = Casus(
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
    # The number last, just before the insert: the counter's row lock is held until this
    # transaction commits, and every other registration of the year waits for it, so only the
    # insert, its timeline event and the commit run under it (not the checks above).
    casus.nummer = volgend_casusnummer()
    try:
        with transaction.atomic():
            casus.save()
    except IntegrityError:
        # A concurrent submit with the same token won the race: return its case.
        if indienings_token is not None:
            bestaand = Casus.objects.get(indienings_token=indienings_token)
            bestaand.al_geregistreerd = True
            return bestaand
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


def lock_casus(casus: Casus, versie: int | None = None) -> Casus:
    """The one lock helper: lock the case row for this transaction and return it fresh.

    Every write on a case (front door and backoffice) locks the case first and its own rows
    after, always in that order. A stale ``versie`` (the version the user's form showed) raises
    VersieConflict; ``None`` skips that check (a system action, or a claim that re-reads)."""
    locked = Casus.objects.select_for_update().get(pk=casus.pk)
    if versie is not None and locked.versie != versie:
        raise VersieConflict(locked)
    return locked


def overgang_uitvoeren(
    locked: Casus,
    *,
    naar: str,
    door,
    tekst: str = "",
    gegevens: dict | None = None,
    velden: dict | None = None,
) -> Casus:
    """Move an already-locked case to ``naar`` if the transition table allows it.

    ``velden`` may only name the fields the target fase whitelists (``OVERGANG_VELDEN``). Writes
    the timeline event. Sends no hook: the caller owns the consequences (backoffice starts and
    closes its terms in its own service). The caller must hold the lock (``lock_casus``)."""
    velden = dict(velden or {})
    if (locked.fase, naar) not in TRANSITIONS:
        raise OvergangNietToegestaan(locked, naar)
    niet_toegestaan = set(velden) - OVERGANG_VELDEN.get(naar, frozenset())
    if niet_toegestaan:
        raise ValueError(f"Velden niet toegestaan bij overgang naar {naar}: {sorted(niet_toegestaan)}")
    van = locked.fase
    nieuwe_route = TRANSITIONS[(van, naar)]
    locked.fase = naar
    if nieuwe_route is not None:
        locked.route = nieuwe_route
    for veld, waarde in velden.items():
        setattr(locked, veld, waarde)
    if naar in EIND_FASEN:
        locked.afgesloten_op = timezone.now()
    elif van == Fase.AFGESLOTEN:
        locked.afgesloten_op = None
        locked.afsluitreden = ""
    wijziging_vastleggen(
        locked,
        velden=None,
        soort=CasusGebeurtenis.Soort.OVERGANG,
        door=door,
        tekst=tekst,
        fase_van=van,
        fase_naar=naar,
        gegevens=gegevens,
    )
    locked._vorige_fase = van
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
    """A transition that intake starts: lock, move (``overgang_uitvoeren``) and send the
    ``casus_fase_gewijzigd`` hook so higher apps keep their records in step (same transaction).
    A service that already holds the lock calls ``intake_overgang`` instead."""
    locked = lock_casus(casus, versie)
    return intake_overgang(locked, naar=naar, door=door, tekst=tekst, gegevens=gegevens, velden=velden)


def intake_overgang(locked: Casus, *, naar: str, door, **kwargs) -> Casus:
    """``overgang_uitvoeren`` plus the hook: for intake's services that already hold the lock."""
    van = locked.fase
    locked = overgang_uitvoeren(locked, naar=naar, door=door, **kwargs)
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
    return casus_bijwerken_vergrendeld(lock_casus(casus, versie), door=door, **velden)


def casus_bijwerken_vergrendeld(locked: Casus, *, door, **velden) -> Casus:
    """``casus_bijwerken`` on a case the caller already locked (backoffice's afschaling records the
    consent with it)."""
    onbekend = set(velden) - BEWERKBARE_VELDEN
    if onbekend:
        raise ValueError(f"Niet bewerkbaar via casus_bijwerken: {sorted(onbekend)}")
    ACTIES.vereist(locked, "bewerken")
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
    return wijziging_vastleggen(
        locked,
        velden=None,
        soort=CasusGebeurtenis.Soort.GEWIJZIGD,
        door=door,
        tekst="Gewijzigd: " + ", ".join(sorted(gewijzigd)),
        gegevens={"velden": sorted(gewijzigd), **kern_verhuizing},
    )


@transaction.atomic
def casus_toewijzen(*, casus: Casus, door, behandelaar=None, team=None, versie: int | None = None) -> Casus:
    return casus_toewijzen_vergrendeld(
        lock_casus(casus, versie), door=door, behandelaar=behandelaar, team=team
    )


def casus_toewijzen_vergrendeld(locked: Casus, *, door, behandelaar=None, team=None) -> Casus:
    """Assign a case the caller already locked (backoffice's claim and assignment)."""
    if behandelaar is not None:
        locked.behandelaar = behandelaar
    if team is not None:
        locked.team = team
    return wijziging_vastleggen(
        locked,
        velden=["behandelaar", "team"],
        soort=CasusGebeurtenis.Soort.TOEGEWEZEN,
        door=door,
        tekst=f"Behandelaar: {naam_van(locked.behandelaar, '-')}; team: {locked.team or '-'}",
    )
