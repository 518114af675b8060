"""The sweeps: one per rule, each a single set-based INSERT ... SELECT.

Every sweep asks the database which signals are due and not yet made, and makes them in one
statement (no Python loop over cases). The unique constraint ``signaal_uniek`` (case, rule, subject,
reference date, repetition, target) is the guarantee of "exactly once": ``ON CONFLICT DO NOTHING``
makes a second beat, a retried task or a concurrent worker a no-op, and a sweep that was killed
halfway rolled back its statement, so the next one makes what is still missing (catch-up is free:
the conditions are "due on or before today", never "due exactly now").

Time is Europe/Amsterdam: "today" is the local date of the sweep, timestamps are compared as
instants (``timestamptz``), and the keys hold dates, never times, so the hour that disappears or
repeats at the DST change cannot make a second signal. The same signal also lands on the case's
timeline (``CasusGebeurtenis`` of soort "signaal") in the same statement, written through intake's
``gebeurtenissen_bulk_sql`` (the bulk equivalent of ``gebeurtenis_toevoegen``).
Table names come from the models (``TABEL``), never written out by hand.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone

from backoffice.models import Bezwaar, Product, Termijn, Voorziening
from backoffice.selectors import atw_feestdagen
from backoffice.termijnen import Feestdagen, TermijnSoort
from berichten.models import Bericht, Levering, Toewijzing, Verzoek
from intake.models import Casus, CasusGebeurtenis, Huishouden, Verwijzing
from intake.services import gebeurtenissen_bulk_sql
from intake.workflow import OPEN_FASEN, Fase
from netwerk.models import Partner

from .models import Doel, Signaal, SignaalRegel, SignaalSoort
from .werkdagen import werkdag_na, werkdag_terug

logger = logging.getLogger(__name__)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# The tables the sweeps read and write, by model: no table name is written out by hand.
TABEL = SimpleNamespace(
    **{
        naam: model._meta.db_table
        for naam, model in {
            "signaal": Signaal,
            "casus": Casus,
            "gebeurtenis": CasusGebeurtenis,
            "huishouden": Huishouden,
            "verwijzing": Verwijzing,
            "partner": Partner,
            "termijn": Termijn,
            "voorziening": Voorziening,
            "product": Product,
            "bezwaar": Bezwaar,
            "verzoek": Verzoek,
            "bericht": Bericht,
            "toewijzing": Toewijzing,
            "levering": Levering,
        }.items()
    }
)
TERMIJN_LABELS = json.dumps(dict(TermijnSoort.CHOICES))
# Terms that are no deadline of the municipality (the plan is the inhabitant's) or have their own rule.
NIET_ALS_TERMIJN = [TermijnSoort.WMO_PLAN, TermijnSoort.BEZWAAR_BESLISSING]


@dataclass(frozen=True)
class Peil:
    """The moment a sweep looks from: the instant, the local date and the Atw feestdagen."""

    nu: datetime
    vandaag: date
    feestdagen: Feestdagen

    @classmethod
    def op(cls, nu: datetime | None = None, feestdagen: Feestdagen | None = None) -> Peil:
        nu = nu or timezone.now()
        return cls(nu=nu, vandaag=nu.astimezone(AMSTERDAM).date(), feestdagen=feestdagen or atw_feestdagen())

    def begin_van(self, d: date) -> datetime:
        """Local midnight at the start of ``d`` as an instant (DST-safe: zoneinfo picks the offset)."""
        return datetime.combine(d, time.min, tzinfo=AMSTERDAM)


# The statement around every rule's candidates. ``kandidaat`` yields: casus_id, doel, onderwerp,
# peildatum, herhaling, ontvanger_id, team_id, tekst. ON CONFLICT probes the unique index once per
# candidate and skips what exists, also when two sweeps race. (A NOT EXISTS anti-join was tried and
# dropped: on correlated key columns the planner underestimates the existing rows and picks a
# quadratic nested loop; 8 s instead of 0.25 s for one rule at 1,000,000 cases.)
INSERT_SQL = f"""
WITH kandidaat AS ({{kandidaten}}),
nieuw AS (
    INSERT INTO {TABEL.signaal}
        (regel, casus_id, doel, onderwerp, peildatum, herhaling, ontvanger_id, team_id, tekst, aangemaakt)
    SELECT %(regel)s, k.casus_id, k.doel, k.onderwerp, k.peildatum, k.herhaling,
           k.ontvanger_id, k.team_id, left(k.tekst, 300), %(nu)s
    FROM kandidaat k
    ON CONFLICT ON CONSTRAINT signaal_uniek DO NOTHING
    RETURNING id, casus_id, tekst, aangemaakt
),
tijdlijn_bron AS (
    SELECT casus_id, %(soort_signaal)s::text AS soort, aangemaakt AS tijdstip, tekst,
           jsonb_build_object('signaal', id, 'regel', %(regel)s::text) AS gegevens
    FROM nieuw
    WHERE %(op_tijdlijn)s
),
tijdlijn AS ({gebeurtenissen_bulk_sql("tijdlijn_bron")})
SELECT count(*) FROM nieuw
"""  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter

# A person-signal goes to the person; when there is none (yet), to the teamleiders of the case's
# team, so it is never lost. The target (doel) stays "persoon" in the key either way.
PERSOON_OF_TEAM = """
    {persoon} AS ontvanger_id,
    CASE WHEN {persoon} IS NULL THEN c.team_id END AS team_id"""

DATUM = "to_char({}, 'DD-MM-YYYY')"


def _termijn_nadert(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """Legal term approaching: W(today, deadline] <= N working days (see ``werkdagen``)."""
    sql = f"""
    SELECT t.casus_id, 'persoon'::text AS doel, 'termijn:' || t.id AS onderwerp,
           t.uiterste_datum AS peildatum, 0 AS herhaling,
           {PERSOON_OF_TEAM.format(persoon="c.behandelaar_id")},
           COALESCE(%(labels)s::jsonb ->> t.soort, t.soort) || ': de termijn verloopt op '
             || {DATUM.format("t.uiterste_datum")} || '.'
             || CASE WHEN c.behandelaar_id IS NULL THEN ' Er is nog geen behandelaar.' ELSE '' END AS tekst
    FROM {TABEL.termijn} t
    JOIN {TABEL.casus} c ON c.id = t.casus_id
    WHERE t.afgerond_op IS NULL AND t.opgeschort_sinds IS NULL AND t.soort <> ALL(%(uitgesloten)s)
      AND t.uiterste_datum >= %(vandaag)s AND t.uiterste_datum < %(grens)s
      AND c.fase = ANY(%(open)s) AND (c.behandelaar_id IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {
        "labels": TERMIJN_LABELS,
        "uitgesloten": NIET_ALS_TERMIJN,
        "grens": werkdag_na(p.vandaag, regel.drempel + 1, p.feestdagen),
    }


def _herhaling(regel: SignaalRegel, kolom: str) -> str:
    """Which repetition is due: 0 from the first day past the deadline (+ drempel), then +1 every
    ``herhalen_na_dagen``. Only the current one is made, so a missed week is not spammed later."""
    if not regel.herhalen_na_dagen:
        return "0"
    return f"LEAST((%(vandaag)s::date - {kolom} - 1 - %(drempel)s) / %(herhalen)s, 32767)"


def _verstreken_params(regel: SignaalRegel, p: Peil) -> dict:
    # Exceeded when today > deadline + drempel, i.e. deadline < today - drempel.
    return {
        "grens": p.vandaag - timedelta(days=regel.drempel),
        "drempel": regel.drempel,
        "herhalen": regel.herhalen_na_dagen or 1,
    }


def _termijn_verstreken(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """Legal term exceeded: an escalation to the teamleiders of the case's team, weekly again."""
    herhaling = _herhaling(regel, "t.uiterste_datum")
    sql = f"""
    SELECT t.casus_id, 'teamleider'::text AS doel, 'termijn:' || t.id AS onderwerp,
           t.uiterste_datum AS peildatum, {herhaling} AS herhaling,
           NULL::bigint AS ontvanger_id, c.team_id AS team_id,
           COALESCE(%(labels)s::jsonb ->> t.soort, t.soort) || ': de uiterste datum '
             || {DATUM.format("t.uiterste_datum")} || ' is overschreden.'
             || CASE WHEN {herhaling} > 0 THEN ' Nog steeds, na ' || (%(vandaag)s::date - t.uiterste_datum)
                  || ' dagen.' ELSE '' END AS tekst
    FROM {TABEL.termijn} t
    JOIN {TABEL.casus} c ON c.id = t.casus_id
    WHERE t.afgerond_op IS NULL AND t.opgeschort_sinds IS NULL AND t.soort <> ALL(%(uitgesloten)s)
      AND t.uiterste_datum < %(grens)s
      AND c.fase = ANY(%(open)s) AND c.team_id IS NOT NULL
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {"labels": TERMIJN_LABELS, "uitgesloten": NIET_ALS_TERMIJN, **_verstreken_params(regel, p)}


def _melding_niet_toegewezen(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """A melding without behandelaar for more than N working days: W(melding, today] > N."""
    melddatum = "COALESCE(c.meldingsdatum, (c.aangemaakt AT TIME ZONE 'Europe/Amsterdam')::date)"
    sql = f"""
    SELECT c.id AS casus_id, 'teamleider'::text AS doel, 'melding'::text AS onderwerp,
           {melddatum} AS peildatum, 0 AS herhaling, NULL::bigint AS ontvanger_id, c.team_id AS team_id,
           'Melding van ' || {DATUM.format(melddatum)} || ' heeft na meer dan ' || %(drempel)s
             || ' werkdagen nog geen behandelaar.' AS tekst
    FROM {TABEL.casus} c
    WHERE c.fase = %(melding)s AND c.behandelaar_id IS NULL AND c.team_id IS NOT NULL
      AND {melddatum} < %(grens)s
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {
        "melding": Fase.MELDING,
        "drempel": regel.drempel,
        "grens": werkdag_terug(p.vandaag, regel.drempel + 1, p.feestdagen),
    }


def _crisis_niet_opgepakt(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """A crisis nobody picked up (still at the door or a melding without behandelaar) after N
    hours. Hours are real elapsed hours between instants, so a DST night is 23 or 25 of them."""
    gemeld = "c.aangemaakt AT TIME ZONE 'Europe/Amsterdam'"
    sql = f"""
    SELECT c.id AS casus_id, 'teamleider'::text AS doel, 'crisis'::text AS onderwerp,
           ({gemeld})::date AS peildatum, 0 AS herhaling, NULL::bigint AS ontvanger_id, c.team_id AS team_id,
           'Crisis gemeld op ' || to_char({gemeld}, 'DD-MM-YYYY HH24:MI') || ' is na ' || %(drempel)s
             || ' uur nog niet opgepakt.' AS tekst
    FROM {TABEL.casus} c
    WHERE c.crisis AND c.behandelaar_id IS NULL AND c.fase = ANY(%(niet_opgepakt)s)
      AND c.team_id IS NOT NULL AND c.aangemaakt <= %(grens)s
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {
        "drempel": regel.drempel,
        "niet_opgepakt": [Fase.AANGEMELD, Fase.MELDING],
        "grens": p.nu - timedelta(hours=regel.drempel),
    }


def _verwijzing_zonder_terugkoppeling(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """Opschaling: a referral still 'verstuurd' without feedback N weeks (calendar days, local
    date) after it was sent: sent on local date <= today - 7N, i.e. before the next local midnight."""
    # The regisseur of the case or household directs; else the behandelaar; at the front door the
    # colleague who made the referral (opschaling is a front-door decision).
    persoon = "COALESCE(c.regisseur_id, h.regisseur_id, c.behandelaar_id, v.door_id)"
    verstuurd = "(v.verstuurd_op AT TIME ZONE 'Europe/Amsterdam')::date"
    sql = f"""
    SELECT v.casus_id, 'persoon'::text AS doel, 'verwijzing:' || v.id AS onderwerp,
           {verstuurd} AS peildatum, 0 AS herhaling, {PERSOON_OF_TEAM.format(persoon=persoon)},
           'Verwijzing naar ' || pa.naam || ' van ' || {DATUM.format(verstuurd)} || ' heeft na '
             || %(drempel)s || ' weken geen terugkoppeling. Opschalen naar maatwerk?' AS tekst
    FROM {TABEL.verwijzing} v
    JOIN {TABEL.casus} c ON c.id = v.casus_id
    JOIN {TABEL.partner} pa ON pa.id = v.partner_id
    LEFT JOIN {TABEL.huishouden} h ON h.id = c.huishouden_id
    WHERE v.status = %(verstuurd)s AND v.terugkoppeling_datum IS NULL AND v.verstuurd_op < %(grens)s
      AND c.fase = ANY(%(open)s) AND ({persoon} IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {
        "drempel": regel.drempel,
        "verstuurd": "verstuurd",
        "grens": p.begin_van(p.vandaag - timedelta(weeks=regel.drempel) + timedelta(days=1)),
    }


def _voorziening_eindigt(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """Afschaling: a running voorziening that ends within N weeks (einddatum <= today + 7N)."""
    sql = f"""
    SELECT v.casus_id, 'persoon'::text AS doel, 'voorziening:' || v.id AS onderwerp,
           v.einddatum AS peildatum, 0 AS herhaling, {PERSOON_OF_TEAM.format(persoon="c.behandelaar_id")},
           'Voorziening ' || pr.naam || ' eindigt op ' || {DATUM.format("v.einddatum")}
             || '. Herbeoordelen of afschalen naar het voorliggend veld?' AS tekst
    FROM {TABEL.voorziening} v
    JOIN {TABEL.casus} c ON c.id = v.casus_id
    JOIN {TABEL.product} pr ON pr.id = v.product_id
    WHERE v.beeindigd_op IS NULL AND v.einddatum >= %(vandaag)s AND v.einddatum <= %(grens)s
      AND c.fase = ANY(%(open)s) AND (c.behandelaar_id IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {"grens": p.vandaag + timedelta(weeks=regel.drempel)}


# A bezwaar runs beside the fase (also on a closed case), so these rules do not look at the fase.
BEZWAAR_BASIS = f"""
    FROM {TABEL.termijn} t
    JOIN {TABEL.casus} c ON c.id = t.casus_id
    CROSS JOIN (VALUES ('persoon'::text), ('teamleider'::text)) AS d(doel)
    WHERE t.soort = %(bezwaar)s AND t.afgerond_op IS NULL AND t.opgeschort_sinds IS NULL
      AND NOT EXISTS (SELECT 1 FROM {TABEL.bezwaar} b WHERE b.id = t.bezwaar_id AND b.uitkomst <> '')
      AND ((d.doel = 'persoon' AND c.behandelaar_id IS NOT NULL)
           OR (d.doel = 'teamleider' AND c.team_id IS NOT NULL))
"""  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
BEZWAAR_ONTVANGER = """
    CASE WHEN d.doel = 'persoon' THEN c.behandelaar_id END AS ontvanger_id,
    CASE WHEN d.doel = 'teamleider' THEN c.team_id END AS team_id"""


def _bezwaar_nadert(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    sql = f"""
    SELECT t.casus_id, d.doel, 'termijn:' || t.id AS onderwerp, t.uiterste_datum AS peildatum,
           0 AS herhaling, {BEZWAAR_ONTVANGER},
           'Beslistermijn op bezwaar verloopt op ' || {DATUM.format("t.uiterste_datum")} || '.' AS tekst
    {BEZWAAR_BASIS}
      AND t.uiterste_datum >= %(vandaag)s AND t.uiterste_datum < %(grens)s
    """
    return sql, {
        "bezwaar": TermijnSoort.BEZWAAR_BESLISSING,
        "grens": werkdag_na(p.vandaag, regel.drempel + 1, p.feestdagen),
    }


def _bezwaar_verstreken(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    herhaling = _herhaling(regel, "t.uiterste_datum")
    sql = f"""
    SELECT t.casus_id, d.doel, 'termijn:' || t.id AS onderwerp, t.uiterste_datum AS peildatum,
           {herhaling} AS herhaling, {BEZWAAR_ONTVANGER},
           'Beslistermijn op bezwaar is overschreden (uiterste datum '
             || {DATUM.format("t.uiterste_datum")} || ').'
             || CASE WHEN {herhaling} > 0 THEN ' Nog steeds, na ' || (%(vandaag)s::date - t.uiterste_datum)
                  || ' dagen.' ELSE '' END AS tekst
    {BEZWAAR_BASIS}
      AND t.uiterste_datum < %(grens)s
    """
    return sql, {"bezwaar": TermijnSoort.BEZWAAR_BESLISSING, **_verstreken_params(regel, p)}


# The network leg. The referring staff member (who made the referral) hears first what the partner
# did; without one, the regisseur or behandelaar; else the teamleiders of the case's team.
VERWIJZER = "COALESCE(v.door_id, c.regisseur_id, h.regisseur_id, c.behandelaar_id)"
VERWIJZING_BASIS = f"""
    FROM {TABEL.verwijzing} v
    JOIN {TABEL.casus} c ON c.id = v.casus_id
    JOIN {TABEL.partner} pa ON pa.id = v.partner_id
    LEFT JOIN {TABEL.huishouden} h ON h.id = c.huishouden_id"""


def _verwijzing_niet_geaccepteerd(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """A referral the partner has not accepted (nor answered) more than N working days after it was
    sent: W(sent, today] > N, i.e. sent on a local date before ``werkdag_terug(today, N + 1)``."""
    verstuurd = "(v.verstuurd_op AT TIME ZONE 'Europe/Amsterdam')::date"
    sql = f"""
    SELECT v.casus_id, 'persoon'::text AS doel, 'verwijzing:' || v.id AS onderwerp,
           {verstuurd} AS peildatum, 0 AS herhaling, {PERSOON_OF_TEAM.format(persoon=VERWIJZER)},
           'Verwijzing naar ' || pa.naam || ' van ' || {DATUM.format(verstuurd)} || ' is na meer dan '
             || %(drempel)s || ' werkdagen nog niet geaccepteerd. Navragen, opnieuw verwijzen of opschalen?'
             AS tekst
    {VERWIJZING_BASIS}
    WHERE v.status = 'verstuurd' AND v.geaccepteerd_op IS NULL AND v.terugkoppeling_datum IS NULL
      AND v.verstuurd_op < %(grens)s
      AND c.fase = ANY(%(open)s) AND ({VERWIJZER} IS NOT NULL OR c.team_id IS NOT NULL)
    """
    grens = werkdag_terug(p.vandaag, regel.drempel + 1, p.feestdagen)
    return sql, {"drempel": regel.drempel, "grens": p.begin_van(grens)}


def _venster(regel: SignaalRegel, p: Peil) -> datetime:
    """The catch-up window of the event rules: events of the last ``drempel`` days (local dates)."""
    return p.begin_van(p.vandaag - timedelta(days=regel.drempel))


def _verwijzing_afgewezen(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """A partner declined a referral (with its reason): re-refer or opschalen? Not to the colleague
    who recorded the decline themselves."""
    afgewezen = "(v.afgerond_op AT TIME ZONE 'Europe/Amsterdam')::date"
    sql = f"""
    SELECT v.casus_id, 'persoon'::text AS doel, 'verwijzing:' || v.id AS onderwerp,
           {afgewezen} AS peildatum, 0 AS herhaling, {PERSOON_OF_TEAM.format(persoon=VERWIJZER)},
           pa.naam || ' wees de verwijzing af: ' || v.terugkoppeling_tekst
             || ' Opnieuw verwijzen of opschalen?' AS tekst
    {VERWIJZING_BASIS}
    WHERE v.status = 'afgewezen' AND v.afgerond_op >= %(venster)s
      AND v.terugkoppeling_door_id IS DISTINCT FROM {VERWIJZER}
      AND c.fase = ANY(%(open)s) AND ({VERWIJZER} IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {"venster": _venster(regel, p)}


def _partner_opschaling(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """A partner asks for opschaling: to the referring staff member and the teamleiders of the case's
    team, while the case is still referred (once opgeschaald, nothing is left to ask)."""
    gevraagd = "(v.opschaling_gevraagd_op AT TIME ZONE 'Europe/Amsterdam')::date"
    sql = f"""
    SELECT v.casus_id, d.doel, 'verwijzing:' || v.id AS onderwerp, {gevraagd} AS peildatum,
           0 AS herhaling,
           CASE WHEN d.doel = 'persoon' THEN {VERWIJZER} END AS ontvanger_id,
           CASE WHEN d.doel = 'teamleider' OR {VERWIJZER} IS NULL THEN c.team_id END AS team_id,
           pa.naam || ' vraagt opschaling naar maatwerk: ' || v.opschaling_reden AS tekst
    {VERWIJZING_BASIS}
    CROSS JOIN (VALUES ('persoon'::text), ('teamleider'::text)) AS d(doel)
    WHERE v.opschaling_gevraagd_op >= %(venster)s AND c.fase = %(verwezen)s
      AND ((d.doel = 'persoon' AND ({VERWIJZER} IS NOT NULL OR c.team_id IS NOT NULL))
           OR (d.doel = 'teamleider' AND c.team_id IS NOT NULL))
    """
    return sql, {"venster": _venster(regel, p), "verwezen": Fase.VERWEZEN}


def _partner_terugkoppeling(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """What a partner did in the portal (accepted, first contact, progress, closed), from the case's
    timeline: one signal per answer to the referring staff member. The answer already is on the
    timeline, so the signal is not added there again."""
    tijdstip = "(g.tijdstip AT TIME ZONE 'Europe/Amsterdam')::date"
    sql = f"""
    SELECT v.casus_id, 'persoon'::text AS doel, 'gebeurtenis:' || g.id AS onderwerp,
           {tijdstip} AS peildatum, 0 AS herhaling, {PERSOON_OF_TEAM.format(persoon=VERWIJZER)},
           g.tekst AS tekst
    FROM {TABEL.gebeurtenis} g
    JOIN {TABEL.verwijzing} v ON v.id = (g.gegevens ->> 'verwijzing')::bigint AND v.casus_id = g.casus_id
    JOIN {TABEL.casus} c ON c.id = v.casus_id
    LEFT JOIN {TABEL.huishouden} h ON h.id = c.huishouden_id
    WHERE g.tijdstip >= %(venster)s AND g.soort = 'terugkoppeling'
      AND g.gegevens ->> 'bron' = 'partner' AND g.gegevens ->> 'actie' = ANY(%(acties)s)
      AND ({VERWIJZER} IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {
        "venster": _venster(regel, p),
        "acties": list(PARTNER_ACTIES_ALS_TERUGKOPPELING),
        "op_tijdlijn": False,
    }


# The partner's answers that the PARTNER_TERUGKOPPELING rule signals (a decline and an opschaling
# request have their own rules).
PARTNER_ACTIES_ALS_TERUGKOPPELING = ("geaccepteerd", "eerste_contact", "voortgang", "afgerond")


# Berichtenverkeer (the berichten app's tables): to the behandelaar, else the case's team.
def _verzoek_ontvangen(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """A provider's verzoek (315/317) waits for a decision."""
    ontvangen = "(v.aangemaakt AT TIME ZONE 'Europe/Amsterdam')::date"
    sql = f"""
    SELECT v.casus_id, 'persoon'::text AS doel, 'verzoek:' || v.id AS onderwerp,
           {ontvangen} AS peildatum, 0 AS herhaling, {PERSOON_OF_TEAM.format(persoon="c.behandelaar_id")},
           CASE WHEN v.soort = 'wijziging' THEN 'Verzoek om wijziging' ELSE 'Verzoek om toewijzing' END
             || ' van ' || COALESCE(pa.naam, 'AGB ' || v.aanbieder_agb || ' (geen contract)')
             || ' (referentie ' || v.referentie_aanbieder || '): beoordelen.' AS tekst
    FROM {TABEL.verzoek} v
    JOIN {TABEL.casus} c ON c.id = v.casus_id
    LEFT JOIN {TABEL.partner} pa ON pa.id = v.aanbieder_id
    WHERE v.uitkomst = 'open' AND {ontvangen} <= %(vandaag)s
      AND (c.behandelaar_id IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {}


def _retour_met_fouten(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """The provider's retour on a 301 or 319 of the gemeente reports errors."""
    sql = f"""
    SELECT b.casus_id, 'persoon'::text AS doel, 'bericht:' || b.id AS onderwerp,
           (b.aangemaakt AT TIME ZONE 'Europe/Amsterdam')::date AS peildatum, 0 AS herhaling,
           {PERSOON_OF_TEAM.format(persoon="c.behandelaar_id")},
           b.berichttype || ' aan ' || COALESCE(pa.naam, b.ontvanger) || ': de aanbieder meldt fouten ('
             || array_to_string(b.retourcodes, ', ') || ').' AS tekst
    FROM {TABEL.bericht} b
    JOIN {TABEL.casus} c ON c.id = b.casus_id
    LEFT JOIN {TABEL.partner} pa ON pa.id = b.aanbieder_id
    WHERE b.status = 'retour_fouten' AND b.richting = 'uit'
      AND (c.behandelaar_id IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {}


def _geen_startbericht(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """A toewijzing without a start (305) N weeks after its ingangsdatum (not withdrawn, and long
    enough that a start was due; at most a year back, so old history is never swept)."""
    sql = f"""
    SELECT t.casus_id, 'persoon'::text AS doel, 'toewijzing:' || t.id AS onderwerp,
           t.ingangsdatum AS peildatum, 0 AS herhaling, {PERSOON_OF_TEAM.format(persoon="c.behandelaar_id")},
           'Toewijzing ' || t.nummer || ' bij ' || pa.naam || ': ' || %(drempel)s
             || ' weken na de ingangsdatum ' || {DATUM.format("t.ingangsdatum")}
             || ' nog geen startbericht (305).' AS tekst
    FROM {TABEL.toewijzing} t
    JOIN {TABEL.casus} c ON c.id = t.casus_id
    JOIN {TABEL.partner} pa ON pa.id = t.aanbieder_id
    WHERE t.ingangsdatum <= %(grens)s AND t.ingangsdatum > %(vandaag)s::date - 365
      AND t.einddatum > %(grens)s AND t.reden_wijziging <> '13'
      AND NOT EXISTS (SELECT 1 FROM {TABEL.levering} l WHERE l.toewijzing_id = t.id)
      AND (c.behandelaar_id IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {"drempel": regel.drempel, "grens": p.vandaag - timedelta(weeks=regel.drempel)}


def _zorg_gestopt(regel: SignaalRegel, p: Peil) -> tuple[str, dict]:
    """The end of a voorziening reported from outside (the provider's 307, the BRP's death): one
    signal per voorziening to the regisseur. The key depends on the voorziening alone (onderwerp
    ``voorziening:<id>``, peildatum its startdatum), so whoever reports first, there is one; see
    backoffice.services.melding. Ends of the last year only: old history is never swept."""
    sql = f"""
    SELECT v.casus_id, 'persoon'::text AS doel, 'voorziening:' || v.id AS onderwerp,
           v.startdatum AS peildatum, 0 AS herhaling,
           {PERSOON_OF_TEAM.format(persoon="COALESCE(c.regisseur_id, c.behandelaar_id)")},
           'Zorg gestopt: ' || v.beeindigingsreden || ' (' || pr.naam || ', per '
             || {DATUM.format("v.beeindigd_op")} || ').' AS tekst
    FROM {TABEL.voorziening} v
    JOIN {TABEL.casus} c ON c.id = v.casus_id
    JOIN {TABEL.product} pr ON pr.id = v.product_id
    WHERE v.einde_gemeld_door <> '' AND v.beeindigd_op > %(vandaag)s::date - 365
      AND (c.regisseur_id IS NOT NULL OR c.behandelaar_id IS NOT NULL OR c.team_id IS NOT NULL)
    """  # nosec B608  # constant fragments and Django-compiled querysets; every value is a parameter
    return sql, {}


SWEEPS: dict[str, Callable[[SignaalRegel, Peil], tuple[str, dict]]] = {
    SignaalSoort.TERMIJN_NADERT: _termijn_nadert,
    SignaalSoort.TERMIJN_VERSTREKEN: _termijn_verstreken,
    SignaalSoort.MELDING_NIET_TOEGEWEZEN: _melding_niet_toegewezen,
    SignaalSoort.CRISIS_NIET_OPGEPAKT: _crisis_niet_opgepakt,
    SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING: _verwijzing_zonder_terugkoppeling,
    SignaalSoort.VOORZIENING_EINDIGT: _voorziening_eindigt,
    SignaalSoort.BEZWAAR_NADERT: _bezwaar_nadert,
    SignaalSoort.BEZWAAR_VERSTREKEN: _bezwaar_verstreken,
    SignaalSoort.VERWIJZING_NIET_GEACCEPTEERD: _verwijzing_niet_geaccepteerd,
    SignaalSoort.VERWIJZING_AFGEWEZEN: _verwijzing_afgewezen,
    SignaalSoort.PARTNER_OPSCHALING: _partner_opschaling,
    SignaalSoort.PARTNER_TERUGKOPPELING: _partner_terugkoppeling,
    SignaalSoort.VERZOEK_ONTVANGEN: _verzoek_ontvangen,
    SignaalSoort.RETOUR_MET_FOUTEN: _retour_met_fouten,
    SignaalSoort.GEEN_STARTBERICHT: _geen_startbericht,
    SignaalSoort.ZORG_GESTOPT: _zorg_gestopt,
}
assert set(SWEEPS) == set(SignaalSoort.values), "every rule needs a sweep"
assert {Doel.PERSOON, Doel.TEAMLEIDER} == {"persoon", "teamleider"}  # the literals in the SQL above


LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext(%s))"


def sweep_regel(regel: SignaalRegel, peil: Peil) -> int:
    """Make the due signals of one rule; returns how many were made. One transaction per rule.

    The transaction-scoped advisory lock queues a second sweep of the same rule behind the first
    (it then finds nothing left to do) instead of letting both insert the same rows and wait on
    each other's uncommitted tuples. Correctness does not depend on it: the constraint does that.
    """
    kandidaten, params = SWEEPS[regel.code](regel, peil)
    params = {
        "regel": regel.code,
        "nu": peil.nu,
        "vandaag": peil.vandaag,
        "open": sorted(OPEN_FASEN),
        "op_tijdlijn": True,
        "soort_signaal": CasusGebeurtenis.Soort.SIGNAAL.value,
        **params,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(LOCK_SQL, [f"signalen.sweep.{regel.code}"])
        cursor.execute(INSERT_SQL.format(kandidaten=kandidaten), params)
        (gemaakt,) = cursor.fetchone()
    return gemaakt
