"""The teamleider's dashboard: every figure one PostgreSQL aggregate over the cases the user may see.

Each figure carries the URL of the work queue filtered to exactly the cases it counts; the queue
filters (intake.filters, backoffice.filters) use the same expressions (intake.stromen,
backoffice.selectors), so a number and its queue always agree. Queries are constant per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncWeek
from django.urls import reverse
from django.utils import timezone

from backoffice.selectors import binnen_7_dagen_termijnen, verstreken_termijnen
from intake.models import Casus, CasusGebeurtenis, Verwijzing, Wet
from intake.stromen import LEEFTIJDSKLASSEN, STROMEN, dag_begin, leeftijd_q, wacht_op_terugkoppeling_q
from intake.workflow import MAATWERK_FASEN, OPEN_FASEN, Fase
from signalen.models import Regel, SignaalRegel
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


def open_per_wet_en_fase(casussen) -> dict:
    """Open maatwerk cases per law (rows) and fase (columns); front-door cases separately."""
    rijen = casussen.filter(fase__in=MAATWERK_FASEN).values("wet", "fase").annotate(n=Count("pk"))
    aantallen = {(r["wet"], r["fase"]): r["n"] for r in rijen}
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


def open_per_kern(casussen) -> list[dict]:
    rijen = (
        casussen.filter(fase__in=OPEN_FASEN)
        .values("kern_id", "kern__naam")
        .annotate(
            voordeur=Count("pk", filter=Q(fase__in=(Fase.AANGEMELD, Fase.VERWEZEN))),
            maatwerk=Count("pk", filter=Q(fase__in=MAATWERK_FASEN)),
        )
        .order_by("kern__naam")
    )
    return [
        {
            "kern": r["kern__naam"],
            "voordeur": Getal(r["voordeur"], intake_url(kern=r["kern_id"])),
            "maatwerk": Getal(r["maatwerk"], maatwerk_url(kern=r["kern_id"])),
        }
        for r in rijen
    ]


def signalen_kerngetallen(casussen, vandaag: date, nu, wacht_weken: int) -> dict:
    """Terms overdue and due within 7 days, age of open cases, waiting referrals: one query."""
    verstreken = Exists(verstreken_termijnen(vandaag).filter(casus=OuterRef("pk")))
    binnen_7 = Exists(binnen_7_dagen_termijnen(vandaag).filter(casus=OuterRef("pk")))
    open_q = Q(fase__in=OPEN_FASEN)
    maatwerk_q = Q(fase__in=MAATWERK_FASEN)
    leeftijden = {
        f"leeftijd_{k}": Count("pk", filter=open_q & leeftijd_q(k, nu)) for k, *_ in LEEFTIJDSKLASSEN
    }
    r = casussen.aggregate(
        verstreken=Count("pk", filter=maatwerk_q & Q(verstreken)),
        binnen_7=Count("pk", filter=maatwerk_q & Q(binnen_7)),
        wachtend=Count("pk", filter=open_q & wacht_op_terugkoppeling_q(wacht_weken, vandaag)),
        crisis=Count("pk", filter=open_q & Q(crisis=True)),
        **leeftijden,
    )
    return {
        "verstreken": Getal(r["verstreken"], maatwerk_url(termijn="verstreken")),
        "binnen_7": Getal(r["binnen_7"], maatwerk_url(termijn="binnen_7_dagen")),
        "wachtend": Getal(r["wachtend"], intake_url(wacht_weken=wacht_weken)),
        "crisis": Getal(r["crisis"], intake_url(status="open", crisis="true")),
        "leeftijden": [
            (label, Getal(r[f"leeftijd_{k}"], intake_url(status="open", leeftijd=k)))
            for k, label, *_ in LEEFTIJDSKLASSEN
        ],
    }


def werklast(casussen, vandaag: date) -> list[dict]:
    """Open maatwerk cases per behandelaar, of which crisis, of which with an overdue term."""
    verstreken = Exists(verstreken_termijnen(vandaag).filter(casus=OuterRef("pk")))
    rijen = (
        casussen.filter(fase__in=MAATWERK_FASEN)
        .values(
            "behandelaar_id", "behandelaar__first_name", "behandelaar__last_name", "behandelaar__username"
        )
        .annotate(
            open=Count("pk"),
            crisis=Count("pk", filter=Q(crisis=True)),
            verstreken=Count("pk", filter=Q(verstreken)),
        )
        .order_by("-open", "behandelaar_id")
    )
    uit = []
    for r in rijen:
        sleutel = str(r["behandelaar_id"]) if r["behandelaar_id"] else "geen"
        uit.append(
            {
                "naam": _naam(r),
                "open": Getal(r["open"], maatwerk_url(behandelaar=sleutel)),
                "crisis": Getal(r["crisis"], maatwerk_url(behandelaar=sleutel, crisis="true")),
                "verstreken": Getal(r["verstreken"], maatwerk_url(behandelaar=sleutel, termijn="verstreken")),
            }
        )
    return uit


def _naam(r: dict) -> str:
    if not r["behandelaar_id"]:
        return "Niet toegewezen"
    volledig = f"{r['behandelaar__first_name']} {r['behandelaar__last_name']}".strip()
    return volledig or r["behandelaar__username"]


def stroom_per_week(casussen, vandaag: date) -> dict:
    """The two legs over the last 12 weeks (Monday to Sunday, Europe/Amsterdam): distinct cases per
    flow per week, from the timeline (one query) and the cases' aangemaakt (one query)."""
    eerste = maandag(vandaag) - timedelta(weeks=WEKEN - 1)
    weken = [eerste + timedelta(weeks=i) for i in range(WEKEN)]
    begin = dag_begin(eerste)
    ids = casussen.values("pk")
    nieuw = (
        casussen.filter(aangemaakt__gte=begin)
        .annotate(week=TruncWeek("aangemaakt"))
        .values("week")
        .annotate(n=Count("pk"))
    )
    per_week = {(r["week"].date(), "nieuw"): r["n"] for r in nieuw}
    gebeurtenissen = (
        CasusGebeurtenis.objects.filter(
            soort=CasusGebeurtenis.Soort.OVERGANG, tijdstip__gte=begin, casus_id__in=ids
        )
        .annotate(week=TruncWeek("tijdstip"))
        .values("week")
        .annotate(**{k: Count("casus_id", filter=q, distinct=True) for k, (_l, q) in STROMEN.items()})
    )
    for r in gebeurtenissen:
        for k in STROMEN:
            per_week[(r["week"].date(), k)] = r[k]
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
    regel = SignaalRegel.objects.filter(code=Regel.VERWIJZING_ZONDER_TERUGKOPPELING).first()
    return regel.drempel if regel else VERWIJZING_DREMPEL_STANDAARD


def dashboard(user) -> dict:
    vandaag, nu = timezone.localdate(), timezone.now()
    casussen = Casus.objects.zichtbaar_voor(user)
    wacht_weken = verwijzing_drempel()
    escalaties = open_escalaties_voor_team(user)
    aantal = escalaties.count()
    return {
        "vandaag": vandaag,
        "wacht_weken": wacht_weken,
        "per_wet": open_per_wet_en_fase(casussen),
        "per_kern": open_per_kern(casussen),
        "kerngetallen": signalen_kerngetallen(casussen, vandaag, nu, wacht_weken),
        "werklast": werklast(casussen, vandaag),
        "stroom": stroom_per_week(casussen, vandaag),
        "escalaties_getal": Getal(aantal, reverse("signalen:inbox") + "?status=open&escalatie=true"),
        "escalaties": escalaties[:10],
        "escalaties_aantal": aantal,
        "verwijzingen": verwijzingen.per_soort_en_kern(
            Verwijzing.objects.filter(
                casus_id__in=casussen.values("pk"),
                verstuurd_op__gte=dag_begin(maandag(vandaag) - timedelta(weeks=WEKEN - 1)),
            )
        ),
    }
