"""The teamleider's dashboard: every figure one PostgreSQL aggregate over the cases the user may see.

Each figure carries the URL of the work queue filtered to exactly the cases it counts; the queue
filters (intake.filters, backoffice.filters) use the same expressions (intake.stromen,
backoffice.selectors), so a number and its queue always agree. Queries are constant per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django.db import connection
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import TruncWeek
from django.urls import reverse
from django.utils import timezone

from altena.peilmoment import param_van
from altena.sql import EenVan
from backoffice.selectors import binnen_7_dagen_termijnen, verstreken_termijnen
from intake.models import Casus, CasusGebeurtenis, Verwijzing, Wet
from intake.stromen import LEEFTIJDSKLASSEN, STROMEN, dag_begin, wachtende_verwijzingen
from intake.workflow import MAATWERK_FASEN, OPEN_FASEN, Fase
from signalen.models import SignaalRegel, SignaalSoort
from signalen.selectors import open_escalaties_voor_team

from . import grafieken, verwijzingen

WEKEN = 12
VERWIJZING_DREMPEL_STANDAARD = 6  # weeks, when the rule is missing


@dataclass(frozen=True)
class Getal:
    """One dashboard figure and the queue that lists exactly its cases."""

    waarde: int
    url: str


def intake_url(**params) -> str:
    return reverse("intake:werkvoorraad") + "?" + urlencode(params)


def maatwerk_url(**params) -> str:
    return reverse("backoffice:werkvoorraad") + "?" + urlencode(params)


def maandag(d: date) -> date:
    return d - timedelta(days=d.weekday())


OPEN_CIJFERS_SQL = """
SELECT GROUPING(c.wet, c.fase) AS g_wet, GROUPING(c.kern_id) AS g_kern, GROUPING(c.behandelaar_id) AS g_beh,
       c.wet, c.fase, c.kern_id, c.kern_naam, c.behandelaar_id, c.voornaam, c.achternaam, c.gebruikersnaam,
       {tellingen}
FROM ({basis}) c
GROUP BY GROUPING SETS ((c.wet, c.fase), (c.kern_id, c.kern_naam),
                        (c.behandelaar_id, c.voornaam, c.achternaam, c.gebruikersnaam), ())
"""
OPEN_TELLINGEN = {
    "maatwerk": "c.fase = ANY(%(maatwerk)s)",
    "voordeur": "c.fase = ANY(%(voordeur)s)",
    "crisis": "c.crisis",
    "crisis_maatwerk": "c.crisis AND c.fase = ANY(%(maatwerk)s)",
    "verstreken": "c.verstreken AND c.fase = ANY(%(maatwerk)s)",
    "binnen_7": "c.binnen_7 AND c.fase = ANY(%(maatwerk)s)",
    "wachtend": "c.wachtend",
}
NAAM_VELDEN = {
    "kern_naam": F("kern__naam"),
    "voornaam": F("behandelaar__first_name"),
    "achternaam": F("behandelaar__last_name"),
    "gebruikersnaam": F("behandelaar__username"),
}
BASIS_VELDEN = ["wet", "fase", "kern_id", "behandelaar_id", "crisis", "verstreken", "binnen_7", "wachtend"]


def _bool(q) -> ExpressionWrapper:
    return ExpressionWrapper(q, output_field=BooleanField())


def open_casussen(casussen, vandaag: date, wacht_weken: int):
    """The open cases annotated with their term and referral state. The term and referral conditions
    are uncorrelated id lists (hashed subplans), the same sets the queue filters use."""
    return casussen.filter(fase__in=OPEN_FASEN).annotate(
        verstreken=_bool(Q(pk__in=verstreken_termijnen(vandaag).values("casus_id"))),
        binnen_7=_bool(Q(pk__in=binnen_7_dagen_termijnen(vandaag).values("casus_id"))),
        wachtend=_bool(Q(pk__in=wachtende_verwijzingen(wacht_weken, vandaag).values("casus_id"))),
    )


def leeftijd_grenzen(nu) -> list[tuple[int, object, object]]:
    """Per age class (index into LEEFTIJDSKLASSEN): aangemaakt <= van and (tot is None or > tot)."""
    return [
        (i, nu - timedelta(weeks=van), None if tot is None else nu - timedelta(weeks=tot))
        for i, (_k, _l, van, tot) in enumerate(LEEFTIJDSKLASSEN)
    ]


def grouping_sets(basis, telling: str, leeftijden: list[str], extra: dict) -> list[dict]:
    """Every open-case figure in one GROUPING SETS query over ``basis`` (a values() queryset with
    BASIS_VELDEN and NAAM_VELDEN): per wet x fase, per kern, per behandelaar and the total.
    ``telling`` is the aggregate of one row ("count(*)" over cases, "sum(c.aantal)" over a summary)."""
    sql, params = basis.query.sql_with_params()
    # The inner query's positional parameters become named ones, so both kinds can be mixed.
    basis_params = {f"b{i}": p for i, p in enumerate(params)}
    delen = sql.split("%s")
    sql = delen[0] + "".join(f"%(b{i})s{deel}" for i, deel in enumerate(delen[1:]))
    condities = [*OPEN_TELLINGEN.items(), *((f"leeftijd_{i}", c) for i, c in enumerate(leeftijden))]
    tellingen = ",\n       ".join(
        f"COALESCE({telling} FILTER (WHERE {conditie}), 0) AS {naam}" for naam, conditie in condities
    )
    volledig = OPEN_CIJFERS_SQL.replace("{tellingen}", tellingen).replace("{basis}", sql)
    parameters = {
        **basis_params,
        **extra,
        "maatwerk": sorted(MAATWERK_FASEN),
        "voordeur": [Fase.AANGEMELD.value, Fase.VERWEZEN.value],
    }
    with connection.cursor() as cursor:
        cursor.execute(volledig, parameters)
        namen = [c.name for c in cursor.description]
        return [dict(zip(namen, rij, strict=True)) for rij in cursor.fetchall()]


def open_cijfers(casussen, vandaag: date, nu, wacht_weken: int) -> list[dict]:
    """Every figure about open cases, counted directly over the visible open cases."""
    basis = (
        open_casussen(casussen, vandaag, wacht_weken)
        .annotate(**NAAM_VELDEN)
        .values(*BASIS_VELDEN, *NAAM_VELDEN, "aangemaakt")
        .order_by()
    )
    leeftijden, extra = [], {}
    for i, van, tot in leeftijd_grenzen(nu):
        conditie = f"c.aangemaakt <= %(l{i}_van)s"
        extra[f"l{i}_van"] = van
        if tot is not None:
            conditie += f" AND c.aangemaakt > %(l{i}_tot)s"
            extra[f"l{i}_tot"] = tot
        leeftijden.append(conditie)
    return grouping_sets(basis, "count(*)", leeftijden, extra)


def open_per_wet_en_fase(rijen: list[dict]) -> dict:
    """Open maatwerk cases per law (rows) and fase (columns)."""
    aantallen = {(r["wet"], r["fase"]): r["maatwerk"] for r in rijen if not r["g_wet"]}
    fasen = [f for f in Fase if f in MAATWERK_FASEN]
    tabel = [
        (
            wet.label,
            [
                Getal(aantallen.get((wet.value, f.value), 0), maatwerk_url(wet=wet.value, fase=f.value))
                for f in fasen
            ],
        )
        for wet in Wet
    ]
    return {"fasen": [f.label for f in fasen], "rijen": tabel}


def open_per_kern(rijen: list[dict]) -> list[dict]:
    per_kern = sorted((r for r in rijen if not r["g_kern"]), key=lambda r: r["kern_naam"])
    return [
        {
            "kern": r["kern_naam"],
            "voordeur": Getal(r["voordeur"], intake_url(kern=r["kern_id"])),
            "maatwerk": Getal(r["maatwerk"], maatwerk_url(kern=r["kern_id"])),
        }
        for r in per_kern
    ]


def signalen_kerngetallen(rijen: list[dict], wacht_weken: int) -> dict:
    """Terms overdue and due within 7 days, crisis, waiting referrals and age of open cases."""
    r = next((r for r in rijen if r["g_wet"] and r["g_kern"] and r["g_beh"]), None) or {}
    return {
        "verstreken": Getal(r.get("verstreken", 0), maatwerk_url(termijn="verstreken")),
        "binnen_7": Getal(r.get("binnen_7", 0), maatwerk_url(termijn="binnen_7_dagen")),
        "wachtend": Getal(r.get("wachtend", 0), intake_url(wacht_weken=wacht_weken)),
        "crisis": Getal(r.get("crisis", 0), intake_url(status="open", crisis="true")),
        "leeftijden": [
            (label, Getal(r.get(f"leeftijd_{i}", 0), intake_url(status="open", leeftijd=k)))
            for i, (k, label, *_) in enumerate(LEEFTIJDSKLASSEN)
        ],
    }


def werklast(rijen: list[dict]) -> list[dict]:
    """Open maatwerk cases per behandelaar, of which crisis, of which with an overdue term."""
    per_beh = [r for r in rijen if not r["g_beh"] and r["maatwerk"]]
    per_beh.sort(key=lambda r: (-r["maatwerk"], r["behandelaar_id"] or 0))
    uit = []
    for r in per_beh:
        sleutel = str(r["behandelaar_id"]) if r["behandelaar_id"] else "geen"
        uit.append(
            {
                "naam": _naam(r),
                "open": Getal(r["maatwerk"], maatwerk_url(behandelaar=sleutel)),
                "crisis": Getal(r["crisis_maatwerk"], maatwerk_url(behandelaar=sleutel, crisis="true")),
                "verstreken": Getal(r["verstreken"], maatwerk_url(behandelaar=sleutel, termijn="verstreken")),
            }
        )
    return uit


def _naam(r: dict) -> str:
    if not r["behandelaar_id"]:
        return "Niet toegewezen"
    volledig = f"{r['voornaam']} {r['achternaam']}".strip()
    return volledig or r["gebruikersnaam"]


def twaalf_weken(vandaag: date) -> list[date]:
    eerste = maandag(vandaag) - timedelta(weeks=WEKEN - 1)
    return [eerste + timedelta(weeks=i) for i in range(WEKEN)]


def stroom_tellingen(casussen, vandaag: date) -> dict[tuple[date, str], int]:
    """The two legs over the last 12 weeks (Monday to Sunday, Europe/Amsterdam): distinct cases per
    flow per week, from the timeline (one query) and the cases' aangemaakt (one query)."""
    begin = dag_begin(twaalf_weken(vandaag)[0])
    zichtbaar = Exists(casussen.filter(pk=OuterRef("casus_id")))
    nieuw = (
        casussen.filter(aangemaakt__gte=begin)
        .annotate(week=TruncWeek("aangemaakt"))
        .values("week")
        .annotate(n=Count("pk"))
    )
    per_week = {(r["week"].date(), "nieuw"): r["n"] for r in nieuw}
    gebeurtenissen = (
        CasusGebeurtenis.objects.filter(zichtbaar, soort=CasusGebeurtenis.Soort.OVERGANG, tijdstip__gte=begin)
        .annotate(week=TruncWeek("tijdstip"))
        .values("week")
        .annotate(**{k: Count("casus_id", filter=q, distinct=True) for k, (_l, q) in STROMEN.items()})
    )
    for r in gebeurtenissen:
        for k in STROMEN:
            per_week[(r["week"].date(), k)] = r[k]
    return per_week


def stroom_per_week(per_week: dict[tuple[date, str], int], vandaag: date) -> dict:
    weken = twaalf_weken(vandaag)
    labels = [("nieuw", "Nieuwe hulpvragen"), *[(k, v[0]) for k, v in STROMEN.items()]]
    reeksen = []
    for k, label in labels:
        getallen = []
        for w in weken:
            params = {"status": "alle", "stroom": k, "stroom_van": w.isoformat()}
            params["stroom_tot"] = (w + timedelta(days=6)).isoformat()
            getallen.append(Getal(per_week.get((w, k), 0), intake_url(**params)))
        reeksen.append({"sleutel": k, "label": label, "getallen": getallen})
    grafiek = grafieken.lijnen(
        "Stroom per week: nieuw, afgehandeld, verwezen, opgeschaald, afgeschaald, afgesloten",
        [f"{w.day}-{w.month}" for w in weken],
        [(r["label"], [g.waarde for g in r["getallen"]]) for r in reeksen],
    )
    return {"weken": weken, "reeksen": reeksen, "grafiek": grafiek}


def verwijzing_drempel() -> int:
    regel = SignaalRegel.objects.filter(code=SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING).first()
    return regel.drempel if regel else VERWIJZING_DREMPEL_STANDAARD


def verwijzing_tellingen(casussen, vandaag: date) -> list[dict]:
    return verwijzingen.tellingen_per_soort_en_kern(
        Verwijzing.objects.filter(
            Exists(casussen.filter(pk=OuterRef("casus_id"))),
            verstuurd_op__gte=dag_begin(twaalf_weken(vandaag)[0]),
        )
    )


def direct(user, vandaag: date, nu) -> dict:
    """The raw figures counted directly over the cases (the reference for the summary tables)."""
    casussen = Casus.objects.zichtbaar_voor(user)
    wacht_weken = verwijzing_drempel()
    return {
        "wacht_weken": wacht_weken,
        "open": open_cijfers(casussen, vandaag, nu, wacht_weken),
        "stroom": stroom_tellingen(casussen, vandaag),
        "verwijzingen": verwijzing_tellingen(casussen, vandaag),
    }


def dashboard(user) -> dict:
    """The dashboard from the summary tables when they were counted today (``stand``), else counted
    directly (slow on a large data set; the page says which)."""
    from . import stand

    vandaag, nu = timezone.localdate(), timezone.now()
    huidige = stand.actueel(nu)
    cijfers = stand.cijfers(user, huidige) if huidige else direct(user, vandaag, nu)
    moment = huidige.berekend_op if huidige else nu
    rijen = cijfers["open"]
    wacht_weken = cijfers["wacht_weken"]
    escalaties = open_escalaties_voor_team(user)
    aantal = escalaties.count()
    from .sturing import schaling_per_kern

    return {
        "vandaag": vandaag,
        "stand": huidige,
        "schaling": schaling_per_kern(user, vandaag),
        # The moment of every figure; each link carries it, so the list shows what the number counted.
        "moment": moment,
        "moment_param": param_van(moment),
        "wacht_weken": wacht_weken,
        "per_wet": open_per_wet_en_fase(rijen),
        "per_kern": open_per_kern(rijen),
        "kerngetallen": signalen_kerngetallen(rijen, wacht_weken),
        "werklast": werklast(rijen),
        "stroom": stroom_per_week(cijfers["stroom"], vandaag),
        "escalaties_getal": Getal(aantal, reverse("signalen:inbox") + "?status=open&escalatie=true"),
        # The ten newest first (sorted on the signals alone, as ARRAY(subquery)), then their cases:
        # joined before the sort, the cases of all of a team's open escalations were read for ten.
        "escalaties": list(escalaties.filter(EenVan("pk", escalaties.values("pk")[:10]))),
        "escalaties_aantal": aantal,
        "verwijzingen": verwijzingen.per_soort_en_kern(cijfers["verwijzingen"], twaalf_weken(vandaag)[0]),
    }
