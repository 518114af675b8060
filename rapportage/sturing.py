"""The teamleider's first screen: where work moves between the network and maatwerk, per kern, and
whether it gets better. Op- and afschaling this month against the months before, per kern (a chart
drawn on the server as SVG, no script), each figure a link to the cases behind it."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncMonth
from django.utils import timezone

from intake.models import Casus, CasusGebeurtenis
from intake.stromen import SAMENGESTELDE_STROMEN, STROMEN, dag_begin

from . import grafieken
from .dashboard import Getal, intake_url

MAANDEN = 6
NAMEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
OP = SAMENGESTELDE_STROMEN["opgeschaald"][1]
AF = STROMEN["afgeschaald"][1]


def maanden_tot(vandaag: date, aantal: int = MAANDEN) -> list[date]:
    """The first days of the last ``aantal`` months, this month last."""
    eerste = vandaag.replace(day=1)
    uit = [eerste]
    for _ in range(aantal - 1):
        eerste = (eerste - timedelta(days=1)).replace(day=1)
        uit.insert(0, eerste)
    return uit


def _url(stroom: str, kern_id, van: date, tot: date) -> str:
    params = {
        "status": "alle",
        "stroom": stroom,
        "stroom_van": van.isoformat(),
        "stroom_tot": tot.isoformat(),
    }
    if kern_id:
        params["kern"] = kern_id
    return intake_url(**params)


def schaling_per_kern(user, vandaag: date | None = None) -> dict:
    """Cases opgeschaald to maatwerk and afgeschaald to the network per month and kern (the case's
    kern), within the user's scope: one query. Returns the months, the chart and per kern this month
    against the months before, every figure a Getal."""
    vandaag = vandaag or timezone.localdate()
    maanden = maanden_tot(vandaag)
    rijen = (
        CasusGebeurtenis.objects.filter(
            Exists(Casus.objects.zichtbaar_voor(user).filter(pk=OuterRef("casus_id"))),
            soort=CasusGebeurtenis.Soort.OVERGANG,
            tijdstip__gte=dag_begin(maanden[0]),
        )
        .filter(OP | AF)
        .annotate(maand=TruncMonth("tijdstip"))
        .values("maand", "casus__kern_id", "casus__kern__naam")
        .annotate(
            op=Count("casus_id", filter=OP, distinct=True), af=Count("casus_id", filter=AF, distinct=True)
        )
        .order_by()
    )
    per = {}
    for r in rijen:
        maand = timezone.localtime(r["maand"]).date() if hasattr(r["maand"], "tzinfo") else r["maand"]
        sleutel = (r["casus__kern_id"], r["casus__kern__naam"])
        per.setdefault(sleutel, {})[maand.replace(day=1)] = (r["op"], r["af"])
    deze, vorige = maanden[-1], maanden[:-1]
    eind_vorige = deze - timedelta(days=1)
    kernen = []
    for (kern_id, naam), m in sorted(per.items(), key=lambda kv: kv[0][1] or ""):
        op_nu, af_nu = m.get(deze, (0, 0))
        op_voor = sum(m.get(x, (0, 0))[0] for x in vorige)
        af_voor = sum(m.get(x, (0, 0))[1] for x in vorige)
        kernen.append(
            {
                "kern": naam,
                "op": Getal(op_nu, _url("opgeschaald", kern_id, deze, vandaag)),
                "op_voor": Getal(op_voor, _url("opgeschaald", kern_id, vorige[0], eind_vorige)),
                "op_gemiddeld": round(op_voor / len(vorige), 1) if vorige else 0,
                "af": Getal(af_nu, _url("afgeschaald", kern_id, deze, vandaag)),
                "af_voor": Getal(af_voor, _url("afgeschaald", kern_id, vorige[0], eind_vorige)),
                "af_gemiddeld": round(af_voor / len(vorige), 1) if vorige else 0,
            }
        )
    totaal_op = [sum(m.get(x, (0, 0))[0] for m in per.values()) for x in maanden]
    totaal_af = [sum(m.get(x, (0, 0))[1] for m in per.values()) for x in maanden]
    labels = [f"{NAMEN[x.month - 1]} {x:%y}" for x in maanden]
    grafiek = grafieken.lijnen(
        "Opgeschaald naar maatwerk en afgeschaald naar het netwerk per maand",
        labels,
        [("Opgeschaald naar maatwerk", totaal_op), ("Afgeschaald naar het netwerk", totaal_af)],
    )
    return {"maanden": labels, "kernen": kernen, "grafiek": grafiek, "deze_maand": labels[-1]}
