"""Referrals (Verwijzing) to partners in the voorliggend veld: accepted, declined and escalated, per
partner kind (and kern). Kept apart so the partner-response work (partner app) can extend the
outcome definitions in one place; the definitions themselves live in ``intake.stromen`` because the
intake queue filters on them too:

- geaccepteerd: the partner accepted it (status geaccepteerd) or finished it (afgerond);
- afgewezen: the partner declined it;
- opgeschaald: after the referral was sent the case went from verwezen to a melding (maatwerk);
- open: sent, no feedback yet.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from intake.stromen import VERWIJZING_UITKOMSTEN, opgeschaald_na_verwijzing
from netwerk.models import PartnerSoort

UITKOMSTEN = [(k, v[0]) for k, v in VERWIJZING_UITKOMSTEN.items()]
SOORT_LABELS = dict(PartnerSoort.choices)


def per_soort(verwijzingen) -> list[dict]:
    """The raad report: referrals (not cases) per partner kind with their outcomes, one query."""
    rijen = (
        verwijzingen.annotate(opgeschaald=opgeschaald_na_verwijzing())
        .values("partner__soort")
        .annotate(
            totaal=Count("pk"), **{k: Count("pk", filter=q) for k, (_l, q) in VERWIJZING_UITKOMSTEN.items()}
        )
        .order_by("partner__soort")
    )
    return [{**r, "soort": SOORT_LABELS.get(r["partner__soort"], r["partner__soort"])} for r in rijen]


def per_soort_en_kern(verwijzingen, vanaf: date) -> list[dict]:
    """The dashboard: per partner kind and kern of the case, the number of cases with a referral of
    each outcome sent from ``vanaf``; each number links to the intake queue of exactly those cases."""
    from .dashboard import Getal

    rijen = (
        verwijzingen.annotate(opgeschaald=opgeschaald_na_verwijzing())
        .values("partner__soort", "casus__kern_id", "casus__kern__naam")
        .annotate(
            totaal=Count("casus_id", distinct=True),
            **{k: Count("casus_id", filter=q, distinct=True) for k, (_l, q) in VERWIJZING_UITKOMSTEN.items()},
        )
        .order_by("partner__soort", "casus__kern__naam")
    )
    basis = reverse("intake:werkvoorraad") + "?"

    def getal(r, uitkomst=""):
        params = {"status": "alle", "kern": r["casus__kern_id"], "verwijzing_soort": r["partner__soort"]}
        if uitkomst:
            params["verwijzing_uitkomst"] = uitkomst
        params["verwezen_vanaf"] = vanaf.isoformat()
        return Getal(r[uitkomst or "totaal"], basis + urlencode(params))

    return [
        {
            "soort": SOORT_LABELS.get(r["partner__soort"], r["partner__soort"]),
            "kern": r["casus__kern__naam"],
            "totaal": getal(r),
            **{k: getal(r, k) for k in VERWIJZING_UITKOMSTEN},
        }
        for r in rijen
    ]
