"""Demo inwoners, huishoudens and casussen at scale (step 60 of seed_demo).

Rows are generated in Python with a fixed random seed and streamed into PostgreSQL with COPY, so a
million cases fit in a few minutes on two cores. Idempotent: the step tops the municipality up to
``--casussen`` cases and does nothing when that many exist.
"""

from __future__ import annotations

import random
import re
import zlib
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from altena.bulk import copy_rows, reserve_ids
from altena.demo import DemoContext, demo_step
from netwerk.models import Kern

from .demo_names import ACHTERNAMEN, HULPVRAGEN, STRATEN, VOORNAMEN
from .models import STANDAARD_GEDEELD, Casus
from .workflow import Fase, Route

SPAN_DAYS = 730  # cases are spread over two years
# Every JEUGD_ELKE-th inwoner is a child (1 to 17 today); the Jeugdwet cases are theirs only, so no
# demo voorziening is jeugdhulp for an adult (its start lies at most a week after today).
JEUGD_ELKE = 5

# Fase weights by age of the case: recent cases are still open, old ones mostly closed.
FASE_WEIGHTS = [
    (
        14,
        {
            "aangemeld": 35,
            "verwezen": 15,
            "melding": 15,
            "onderzoek": 10,
            "aanvraag": 8,
            "afgehandeld": 12,
            "afgesloten": 5,
        },
    ),
    (
        90,
        {
            "aangemeld": 3,
            "verwezen": 15,
            "melding": 3,
            "onderzoek": 8,
            "aanvraag": 5,
            "besluit": 5,
            "in_zorg": 20,
            "afgehandeld": 20,
            "afgesloten": 21,
        },
    ),
    (10_000, {"verwezen": 1, "in_zorg": 20, "afgehandeld": 35, "afgesloten": 44}),
]
WETTEN = (["wmo"] * 55) + (["jeugdwet"] * 25) + (["participatiewet"] * 20)
# The law that usually fits a question's first leefgebied; the others are spread over the three laws.
WET_VOOR_LEEFGEBIED = {
    "financien": "participatiewet",
    "werk_opleiding": "participatiewet",
    "justitie": "jeugdwet",
    "huiselijke_relaties": "jeugdwet",
    "geestelijke_gezondheid": "jeugdwet",
    "instrumentele_adl": "wmo",
    "basale_adl": "wmo",
    "huisvesting": "wmo",
    "lichamelijke_gezondheid": "wmo",
}
KANALEN = ["balie"] * 3 + ["telefoon"] * 4 + ["email"] * 2 + ["huisbezoek", "via_partner"]
VERWIJZERS = ["zelf"] * 6 + ["huisarts"] * 2 + ["school", "wijkagent", "anders"]
AFSLUITREDENEN = ["doel bereikt", "ingetrokken", "afgewezen", "verhuisd", "overleden", "geen hulp meer nodig"]
MAATWERK_PAD = ["melding", "onderzoek", "aanvraag", "besluit", "in_zorg"]
SCOPE = "Delen met partners uit de sociale kaart, alleen voor deze hulpvraag"


def demo_bsn(n: int) -> str:
    """A valid (elfproef) BSN for demo row n; distinct per n, in a range tests don't use."""
    for prefix in (20_000_000 + n, 60_000_000 + n):
        digits = f"{prefix:08d}"
        check = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return digits + str(check)
    raise ValueError(n)  # pragma: no cover - one of two prefixes always works


def _fase_for(rng: random.Random, age_days: int) -> str:
    for limit, weights in FASE_WEIGHTS:
        if age_days < limit:
            return rng.choices(list(weights), weights=list(weights.values()))[0]
    raise AssertionError


def _pad(fase: str, wet: str, via_maatwerk: bool) -> list[str]:
    """The fasen a case passed through, following the transition table."""
    if fase in ("aangemeld",):
        return ["aangemeld"]
    if fase in ("afgehandeld", "verwezen"):
        return ["aangemeld", fase]
    if fase == "afgesloten":
        if via_maatwerk:
            return _pad("in_zorg", wet, True) + ["afgesloten"]
        return ["aangemeld", "verwezen", "afgesloten"]
    stop = MAATWERK_PAD.index(fase)
    pad = ["aangemeld"] + MAATWERK_PAD[: stop + 1]
    if wet != "wmo" and "onderzoek" in pad and fase != "onderzoek":
        pad.remove("onderzoek")
    return pad


@demo_step(60)
def demo_casussen(ctx: DemoContext) -> None:
    kernen = list(Kern.objects.van_gemeente(ctx.gemeente_naam))
    if not kernen:
        return
    existing = Casus.objects.filter(kern__gemeente=ctx.gemeente_naam).count()
    todo = ctx.casussen - existing
    if todo <= 0:
        ctx.log(f"  {existing} casussen aanwezig; geen nieuwe nodig")
        return
    rng = random.Random(ctx.seed * 1_000_003 + existing)
    users = ctx.shared.get("users", {})
    consultant = users.get("Consultant")
    frontoffice = users.get("Frontoffice")
    team_toegang = ctx.shared.get("team_toegang")
    team_maatwerk = ctx.shared.get("team_maatwerk")
    team_jeugd = ctx.shared.get("team_jeugd") or team_maatwerk
    per_team = ctx.shared.get("consultanten_per_team", {})
    consultanten = ctx.shared.get("consultanten") or ([consultant] if consultant else [])
    now = timezone.now()

    n_inwoners = max(1, int(todo * 0.6))
    vandaag = timezone.localdate()
    n_jeugd = (n_inwoners + JEUGD_ELKE - 1) // JEUGD_ELKE  # inwoners 0, JEUGD_ELKE, 2 * JEUGD_ELKE, ...
    n_huishoudens = max(1, (n_inwoners + 1) // 2)
    hh_first = reserve_ids("intake_huishouden", n_huishoudens)
    inw_first = reserve_ids("intake_inwoner", n_inwoners)
    cas_first = reserve_ids("intake_casus", todo)

    # Households: two inwoners at one address in one kern.
    hh_addr = []
    for _ in range(n_huishoudens):
        kern = kernen[rng.randrange(len(kernen))]
        pc4 = kern.postcodegebieden[0] if kern.postcodegebieden else "1000"
        letters = f"{chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}"
        # SA, SD and SS are never used in Dutch postcodes (stdnum refuses them)
        postcode = f"{pc4} {'AB' if letters in ('SA', 'SD', 'SS') else letters}"
        hh_addr.append(
            (kern, rng.choice(STRATEN), str(rng.randint(1, 180)), postcode, rng.choice(ACHTERNAMEN))
        )

    def huishoudens():
        for h, (kern, straat, nr, _pc, (tv, an)) in enumerate(hh_addr):
            naam = f"Huishouden {(tv + ' ' if tv else '')}{an}, {straat} {nr}, {kern.naam}"
            regisseur = (
                consultanten[h % len(consultanten)].pk if consultanten and rng.random() < 0.05 else None
            )
            yield (hh_first + h, naam, regisseur, 1, kern.gemeente)

    copy_rows("intake_huishouden", ["id", "naam", "regisseur_id", "versie", "gemeente"], huishoudens())

    inw_kern = []

    def inwoners():
        for i in range(n_inwoners):
            h = min(i // 2, n_huishoudens - 1)
            kern, straat, nr, pc, (tv, an) = hh_addr[h]
            inw_kern.append((kern.pk, hh_first + h))
            if i % JEUGD_ELKE == 0:  # a jeugdige, under 17 today: Jeugdwet cases pick these
                gebdat = vandaag - timedelta(days=365 + rng.randrange(365 * 16))
            else:
                gebdat = date(1935, 1, 1) + timedelta(days=rng.randrange(365 * 85))
            inw_id = inw_first + i
            yield (
                inw_id,
                demo_bsn(inw_id),
                rng.choice(VOORNAMEN),
                tv,
                an,
                gebdat,
                straat,
                nr,
                pc,
                kern.naam,
                kern.pk,
                f"06{rng.randrange(10**8):08d}",
                "",
                hh_first + h,
                now,
                kern.gemeente,
            )

    copy_rows(
        "intake_inwoner",
        [
            "id",
            "bsn",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "kern_id",
            "telefoon",
            "email",
            "huishouden_id",
            "aangemaakt",
            "gemeente",
        ],
        inwoners(),
    )

    # Case numbers continue the per-year counters.
    with connection.cursor() as cursor:
        cursor.execute("SELECT jaar, laatste FROM intake_casusnummerteller")
        counters = dict(cursor.fetchall())
    created = sorted(now - timedelta(seconds=rng.randrange(SPAN_DAYS * 86400)) for _ in range(todo))
    events: list[tuple] = []
    leefgebieden = list(HULPVRAGEN)

    def casussen():
        for c, aangemaakt in enumerate(created):
            cid = cas_first + c
            jaar = timezone.localtime(aangemaakt).year
            counters[jaar] = counters.get(jaar, 0) + 1
            inw = rng.randrange(n_inwoners)
            age = (now - aangemaakt).days
            fase = _fase_for(rng, age)
            lg = rng.sample(leefgebieden, rng.choice((1, 1, 2, 3)))
            via_maatwerk = fase in MAATWERK_PAD or (fase == "afgesloten" and rng.random() < 0.6)
            wet = (WET_VOOR_LEEFGEBIED.get(lg[0]) or rng.choice(WETTEN)) if via_maatwerk else ""
            if wet == "jeugdwet":  # Jeugdwet art. 1.1: jeugdhulp for a jeugdige, never an adult here
                inw = rng.randrange(n_jeugd) * JEUGD_ELKE
            kern_id, hh_id = inw_kern[inw]
            pad = _pad(fase, wet, via_maatwerk)
            route = {
                "aangemeld": Route.ONBEPAALD,
                "afgehandeld": Route.DIRECT,
                "verwezen": Route.VOORLIGGEND_VELD,
            }.get(fase, Route.MAATWERK if via_maatwerk else Route.VOORLIGGEND_VELD)
            crisis = rng.random() < 0.02
            consent = rng.random() < 0.7
            span = max(1, min(age, 120))
            stamps = sorted(aangemaakt + timedelta(hours=rng.randrange(span * 24)) for _ in pad[1:])
            meldingsdatum = None
            if via_maatwerk:
                meldingsdatum = timezone.localtime(stamps[0] if stamps else aangemaakt).date()
            afgesloten_op = stamps[-1] if fase == Fase.AFGESLOTEN and stamps else None
            # Wmo in the Wmo team, Jeugdwet and Participatiewet in the other; a case is handled by one
            # of its team's consultants (half the new meldingen still wait for one).
            team = (team_maatwerk if wet == "wmo" else team_jeugd) if via_maatwerk else team_toegang
            behandelaar = None
            kandidaten = (per_team.get(team.pk) if team else None) or consultanten
            if via_maatwerk and kandidaten and not (fase == "melding" and rng.random() < 0.5):
                behandelaar = kandidaten[rng.randrange(len(kandidaten))].pk
            events.append(
                (
                    cid,
                    "aangemaakt",
                    aangemaakt,
                    frontoffice.pk if frontoffice else None,
                    "",
                    "aangemeld",
                    "Crisis gemeld." if crisis else "",
                    "{}",
                )
            )
            for van, naar, ts in zip(pad[:-1], pad[1:], stamps, strict=True):
                events.append((cid, "overgang", ts, None, van, naar, "", "{}"))
            yield (
                cid,
                f"{jaar}-{counters[jaar]:06d}",
                inw_first + inw,
                hh_id,
                kern_id,
                "{" + ",".join(lg) + "}",
                HULPVRAGEN[lg[0]],
                rng.choice(KANALEN),
                rng.choice(VERWIJZERS),
                None,
                "hoog" if (crisis or rng.random() < 0.08) else "normaal",
                crisis,
                consent,
                SCOPE if consent else "",
                timezone.localtime(aangemaakt).date() if consent else None,
                route,
                fase,
                wet,
                meldingsdatum,
                rng.choice(AFSLUITREDENEN) if fase == Fase.AFGESLOTEN else "",
                afgesloten_op,
                team.pk if team else None,
                behandelaar,
                consultanten[cid % len(consultanten)].pk if consultanten and rng.random() < 0.1 else None,
                frontoffice.pk if frontoffice else None,
                aangemaakt,
                stamps[-1] if stamps else aangemaakt,
                len(pad),
                None,
                ctx.gemeente_naam,
            )

    n = copy_rows(
        "intake_casus",
        [
            "id",
            "nummer",
            "inwoner_id",
            "huishouden_id",
            "kern_id",
            "leefgebieden",
            "hulpvraag",
            "kanaal",
            "verwijzer",
            "verwijzer_partner_id",
            "urgentie",
            "crisis",
            "toestemming_delen",
            "toestemming_scope",
            "toestemming_datum",
            "route",
            "fase",
            "wet",
            "meldingsdatum",
            "afsluitreden",
            "afgesloten_op",
            "team_id",
            "behandelaar_id",
            "regisseur_id",
            "aangemaakt_door_id",
            "aangemaakt",
            "gewijzigd",
            "versie",
            "indienings_token",
            "gemeente",
        ],
        casussen(),
    )
    copy_rows(
        "intake_casusgebeurtenis",
        ["casus_id", "soort", "tijdstip", "actor_id", "fase_van", "fase_naar", "tekst", "gegevens"],
        events,
    )
    with connection.cursor() as cursor:
        for jaar, laatste in counters.items():
            cursor.execute(
                """INSERT INTO intake_casusnummerteller (jaar, laatste) VALUES (%s, %s)
                   ON CONFLICT (jaar) DO UPDATE SET laatste = GREATEST(intake_casusnummerteller.laatste,
                   EXCLUDED.laatste)""",
                [jaar, laatste],
            )
        for table in ("intake_huishouden", "intake_inwoner", "intake_casus", "intake_casusgebeurtenis"):
            cursor.execute(f"ANALYZE {table}")
    ctx.log(
        f"  {n} casussen, {n_inwoners} inwoners, {n_huishoudens} huishoudens, {len(events)} gebeurtenissen"
    )


@demo_step(65)
def demo_verwijzingen(ctx: DemoContext) -> None:
    """Referrals for the demo cases on the network route, in one INSERT ... SELECT.

    Each case gets one referral to an active, non-zorgaanbieder partner that serves its kern (or all
    kernen), picked deterministically; closed cases' referrals are afgerond with terugkoppeling,
    some open ones are accepted, the rest still wait for feedback. Cases that have one are skipped.
    """
    frontoffice = ctx.shared.get("users", {}).get("Frontoffice")
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO intake_verwijzing (
                casus_id, partner_id, status, toelichting, verstuurd_op, door_id, terugkoppeling_tekst,
                terugkoppeling_datum, terugkoppeling_door_id, afgerond_op, versie, gedeelde_gegevens,
                geaccepteerd_op)
            SELECT c.id, p.id,
                   CASE WHEN c.fase = 'afgesloten' THEN 'afgerond'
                        WHEN c.id %% 3 = 0 THEN 'geaccepteerd' ELSE 'verstuurd' END,
                   'Graag contact opnemen met de inwoner over de hulpvraag.',
                   c.gewijzigd, %(door)s,
                   CASE WHEN c.fase = 'afgesloten' THEN 'Inwoner is geholpen; traject afgerond.'
                        WHEN c.id %% 3 = 0 THEN 'Kennismaking gepland.' ELSE '' END,
                   CASE WHEN c.fase = 'afgesloten' OR c.id %% 3 = 0
                        THEN (c.gewijzigd AT TIME ZONE 'Europe/Amsterdam')::date + 7 END,
                   NULL,
                   CASE WHEN c.fase = 'afgesloten' THEN c.gewijzigd + interval '14 days' END,
                   1,
                   CASE WHEN c.toestemming_delen THEN %(gedeeld)s::varchar(20)[] ELSE '{}' END,
                   CASE WHEN c.fase = 'afgesloten' OR c.id %% 3 = 0 THEN c.gewijzigd + interval '2 days' END
            FROM intake_casus c
            JOIN netwerk_kern k ON k.id = c.kern_id
            JOIN LATERAL (
                SELECT pa.id FROM netwerk_partner pa
                WHERE pa.gemeente = k.gemeente AND pa.actief
                  AND pa.soort NOT IN ('zorgaanbieder_wmo', 'zorgaanbieder_jeugd')
                  AND (pa.alle_kernen OR EXISTS (
                      SELECT 1 FROM netwerk_partner_kernen pk
                      WHERE pk.partner_id = pa.id AND pk.kern_id = c.kern_id))
                ORDER BY (pa.id * 7919 + c.id) %% 101, pa.id
                LIMIT 1
            ) p ON true
            WHERE k.gemeente = %(gemeente)s AND c.route = 'voorliggend_veld'
              AND NOT EXISTS (SELECT 1 FROM intake_verwijzing v WHERE v.casus_id = c.id)
            """,
            {
                "gemeente": ctx.gemeente_naam,
                "door": frontoffice.pk if frontoffice else None,
                "gedeeld": list(STANDAARD_GEDEELD),
            },
        )
        ctx.log(f"  {cursor.rowcount} verwijzingen")


# --- the BRP: the stand-in's store filled consistently with the demo (docs/brp.md) -------------------

CBS_CODES = {"Altena": "1959", "Westerkwartier": "1969"}
BRP_MAX_DEMO = 200_000  # beyond this the bench fills the stand-in itself; a larger JSON store only slows it
BRP_BIJZONDER = 9_000_000  # the special BRP persons: BSNs from demo_bsn(9_000_000 + n), beyond any row id


def bijzonder_nummer(gemeente: str, n: int) -> int:
    """The row number behind the n-th special BRP person of a gemeente (its own range per gemeente)."""
    return BRP_BIJZONDER + (zlib.crc32(gemeente.encode()) % 4000) * 20 + n


def _brp_record(bsn, voornamen, tv, achternaam, geslacht, geboren, adres, gemeente, **extra) -> dict:
    return {
        "bsn": bsn,
        "voornamen": voornamen,
        "voorvoegsel": tv,
        "geslachtsnaam": achternaam,
        "geslacht": geslacht,
        "geboortedatum": geboren.isoformat() if hasattr(geboren, "isoformat") else geboren,
        "adres": adres,
        "gemeente": gemeente,
        "partners": [],
        "kinderen": [],
        "ouders": [],
        "overleden": None,
        "geheimhouding": False,
        "onderzoek": {},
        "gezag": None,
        **extra,
    }


def _bijzondere_personen(kern, gemeente: dict) -> dict[str, dict]:
    """A household at one address (two parents, two minors with joint gezag), a single mother with
    a minor under eenhoofdig gezag, a minor whose gezag cannot be determined, a deceased person, one
    with geheimhouding and one whose address is in onderzoek."""
    pc4 = kern.postcodegebieden[0] if kern.postcodegebieden else "4254"

    def adres(straat, nr, letters):
        return {
            "straat": straat,
            "huisnummer": nr,
            "huisletter": "",
            "toevoeging": "",
            "postcode": f"{pc4}{letters}",
            "woonplaats": kern.naam,
            "datumVan": "2015-06-01",
        }

    b = [demo_bsn(bijzonder_nummer(gemeente["naam"], n)) for n in range(12)]
    thuis = adres("Kerkstraat", 1, "KA")
    p = {
        b[0]: _brp_record(
            b[0],
            "Sanne",
            "de",
            "Wit",
            "V",
            "1985-03-14",
            thuis,
            gemeente,
            partners=[b[1]],
            kinderen=[b[2], b[3]],
        ),
        b[1]: _brp_record(
            b[1],
            "Tom",
            "de",
            "Wit",
            "M",
            "1983-09-02",
            thuis,
            gemeente,
            partners=[b[0]],
            kinderen=[b[2], b[3]],
        ),
        b[2]: _brp_record(
            b[2],
            "Lotte",
            "de",
            "Wit",
            "V",
            "2014-05-20",
            thuis,
            gemeente,
            ouders=[b[0], b[1]],
            gezag={"type": "GezamenlijkOuderlijkGezag", "ouders": [b[0], b[1]]},
        ),
        b[3]: _brp_record(
            b[3],
            "Daan",
            "de",
            "Wit",
            "M",
            "2018-11-11",
            thuis,
            gemeente,
            ouders=[b[0], b[1]],
            gezag={"type": "GezamenlijkOuderlijkGezag", "ouders": [b[0], b[1]]},
        ),
        b[4]: _brp_record(
            b[4],
            "Fatima",
            "",
            "Bouzid",
            "V",
            "1990-01-30",
            adres("Molenweg", 7, "KB"),
            gemeente,
            kinderen=[b[5]],
        ),
        b[5]: _brp_record(
            b[5],
            "Noah",
            "",
            "Bouzid",
            "M",
            "2012-07-08",
            adres("Molenweg", 7, "KB"),
            gemeente,
            ouders=[b[4]],
            gezag={"type": "EenhoofdigOuderlijkGezag", "ouders": [b[4]]},
        ),
        b[6]: _brp_record(
            b[6],
            "Mila",
            "",
            "Jansen",
            "V",
            "2016-02-29",
            adres("Dijkstraat", 3, "KC"),
            gemeente,
            gezag={
                "type": "GezagNietTeBepalen",
                "toelichting": "gezag is niet te bepalen omdat de ouder onbekend is.",
            },
        ),
        b[7]: _brp_record(
            b[7],
            "Hendrik",
            "",
            "Bakker",
            "M",
            "1938-04-04",
            adres("Stationsweg", 12, "KD"),
            gemeente,
            overleden="2026-11-02",
        ),
        b[8]: _brp_record(
            b[8],
            "Ingrid",
            "",
            "Verbeek",
            "V",
            "1970-08-19",
            adres("Beatrixlaan", 20, "KE"),
            gemeente,
            geheimhouding=True,
        ),
        b[9]: _brp_record(
            b[9],
            "Youssef",
            "el",
            "Amrani",
            "M",
            "1991-12-01",
            adres("Havenweg", 4, "KF"),
            gemeente,
            onderzoek={"verblijfplaats": "2026-10-01"},
        ),
    }
    return p


@demo_step(90)
def demo_brp(ctx: DemoContext) -> None:
    """Fill the stand-in BRP's own store with the demo's persons and register the special ones, so the
    database and the stand-in agree. Existing store entries are kept (a death recorded with
    ``manage.py brp_standin`` survives a second seed)."""
    from django.conf import settings

    from brp.persoon import lees_persoon
    from brp.standin import personen as standin_personen
    from brp.standin.store import lees, voeg_toe
    from netwerk.models import Gemeente

    from .brp import cache_gegevens
    from .models import BrpStatus, Inwoner
    from .services import inwoner_registreren

    pad = settings.BRP_STANDIN_STORE
    kernen = list(Kern.objects.van_gemeente(ctx.gemeente_naam).order_by("pk"))
    if not pad or not kernen:
        return
    code = CBS_CODES.get(ctx.gemeente_naam, "0000")
    gemeente_rij, _ = Gemeente.objects.get_or_create(naam=ctx.gemeente_naam, defaults={"cbs_code": code})
    gemeente = {"code": gemeente_rij.cbs_code or code, "naam": ctx.gemeente_naam}
    bestaand = lees(pad)
    nieuw: dict[str, dict] = {}
    inwoners = Inwoner.objects.filter(gemeente=ctx.gemeente_naam)
    if inwoners.count() <= BRP_MAX_DEMO:
        per_huishouden: dict[int, list[str]] = {}
        rijen = inwoners.values_list(
            "bsn",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "huishouden_id",
        )
        for bsn, vn, tv, an, geb, straat, nr, pc, wp, hh in rijen.iterator(chunk_size=5000):
            if bsn in bestaand:
                continue
            m = re.fullmatch(r"(\d+)([A-Za-z]?)", nr or "")
            adres = {
                "straat": straat,
                "huisnummer": int(m.group(1)) if m else 1,
                "huisletter": m.group(2) if m else "",
                "toevoeging": "",
                "postcode": pc.replace(" ", ""),
                "woonplaats": wp,
                "datumVan": "2010-01-01",
            }
            nieuw[bsn] = _brp_record(bsn, vn, tv, an, "O", geb, adres, gemeente)
            if hh:
                per_huishouden.setdefault(hh, []).append(bsn)
        for leden in per_huishouden.values():  # the demo's two-person households are couples
            if len(leden) == 2 and all(b in nieuw for b in leden):
                nieuw[leden[0]]["partners"], nieuw[leden[1]]["partners"] = [leden[1]], [leden[0]]
        Inwoner.objects.filter(gemeente=ctx.gemeente_naam, brp_status=BrpStatus.NIET_GECONTROLEERD).update(
            brp_status=BrpStatus.GECONTROLEERD, brp_gelezen_op=timezone.now()
        )
    bijzonder = _bijzondere_personen(kernen[0], gemeente)
    nieuw.update({bsn: rec for bsn, rec in bijzonder.items() if bsn not in bestaand})
    voeg_toe(pad, nieuw)
    ctx.log(f"  stand-in BRP: {len(nieuw)} personen toegevoegd ({pad})")
    # The special persons are inwoners of the gemeente too (all but the deceased), read from the BRP.
    winkel = {**bestaand, **nieuw}
    for bsn, rec in bijzonder.items():
        if rec.get("overleden") or Inwoner.objects.filter(gemeente=ctx.gemeente_naam, bsn=bsn).exists():
            continue
        volledig = standin_personen.persoon(winkel, winkel[bsn], timezone.localdate())
        volledig = standin_personen.met_automatische_velden(
            volledig, winkel[bsn], list(volledig), beperkt=False
        )
        persoon = lees_persoon(volledig)
        a = persoon.adres
        inwoner = inwoner_registreren(
            door=None,
            bsn=bsn,
            voornamen=persoon.naam.voornamen,
            tussenvoegsel=persoon.naam.voorvoegsel,
            achternaam=persoon.naam.geslachtsnaam,
            geboortedatum=persoon.geboortedatum,
            straat=a.straat,
            huisnummer=a.huisnummer,
            postcode=a.postcode_opgemaakt,
            woonplaats=a.woonplaats,
            kern=kernen[0],
        )
        Inwoner.objects.filter(pk=inwoner.pk).update(
            brp_status=BrpStatus.GECONTROLEERD,
            brp_gelezen_op=timezone.now(),
            brp_gegevens=cache_gegevens(persoon),
            geheimhouding=persoon.geheimhouding,
        )
