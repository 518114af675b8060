"""Referrals (Verwijzing) to partners in the voorliggend veld: accepted, declined and escalated, per
partner kind and kern. Kept apart so the partner-response work (partner app) can extend the
outcome definitions in one place.

Definitions (on the referral as it is stored today):
- geaccepteerd: the partner accepted it (status geaccepteerd) or finished it (afgerond);
- afgewezen: the partner declined it;
- opgeschaald: after the referral was sent the case went from verwezen to a melding (maatwerk);
- open: sent, no feedback yet.
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from intake.models import CasusGebeurtenis, Verwijzing
from intake.workflow import Fase
from netwerk.models import PartnerSoort

UITKOMSTEN = [
    ("geaccepteerd", "Geaccepteerd"),
    ("afgewezen", "Afgewezen"),
    ("opgeschaald", "Opgeschaald"),
    ("open", "Nog geen terugkoppeling"),
]


def _opgeschaald():
    return Exists(
        CasusGebeurtenis.objects.filter(
            casus=OuterRef("casus_id"),
            soort=CasusGebeurtenis.Soort.OVERGANG,
            fase_van=Fase.VERWEZEN,
            fase_naar=Fase.MELDING,
            tijdstip__gte=OuterRef("verstuurd_op"),
        )
    )


def uitkomst_aggregaten() -> dict:
    S = Verwijzing.Status
    return {
        "totaal": Count("pk"),
        "geaccepteerd": Count("pk", filter=Q(status__in=(S.GEACCEPTEERD, S.AFGEROND))),
        "afgewezen": Count("pk", filter=Q(status=S.AFGEWEZEN)),
        "opgeschaald": Count("pk", filter=Q(opgeschaald=True)),
        "open": Count("pk", filter=Q(status=S.VERSTUURD)),
    }


def per_soort_en_kern(verwijzingen) -> list[dict]:
    """One row per (partner kind, kern of the case) with the outcome counts: one query."""
    rijen = (
        verwijzingen.annotate(opgeschaald=_opgeschaald())
        .values("partner__soort", "casus__kern__naam")
        .annotate(**uitkomst_aggregaten())
        .order_by("partner__soort", "casus__kern__naam")
    )
    labels = dict(PartnerSoort.choices)
    return [
        {**r, "soort": labels.get(r["partner__soort"], r["partner__soort"]), "kern": r["casus__kern__naam"]}
        for r in rijen
    ]


def per_soort(verwijzingen) -> list[dict]:
    """One row per partner kind with the outcome counts: one query."""
    rijen = (
        verwijzingen.annotate(opgeschaald=_opgeschaald())
        .values("partner__soort")
        .annotate(**uitkomst_aggregaten())
        .order_by("partner__soort")
    )
    labels = dict(PartnerSoort.choices)
    return [{**r, "soort": labels.get(r["partner__soort"], r["partner__soort"])} for r in rijen]
