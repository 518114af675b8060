"""Reads of documenten. Case scope always comes from ``Casus.objects.zichtbaar_voor(user)``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from backoffice.models import Bezwaar, Verdaging
from intake.models import Casus

from .gegevens import BESLUIT_BRIEF, sleutel
from .models import Brief, BriefSoort, CasusDocument


def casus_voor(user, nummer: str) -> Casus | None:
    """One case in the user's scope; None otherwise (the shared case mixin's 404)."""
    return (
        Casus.objects.zichtbaar_voor(user)
        .select_related("inwoner", "kern", "behandelaar")
        .filter(nummer=nummer)
        .first()
    )


def brieven_van(casus: Casus):
    return (
        Brief.objects.filter(casus=casus)
        .select_related("door", "vervangt", "vervangen_door")
        .order_by("-verzonden_op", "-id")
    )


def documenten_van(casus: Casus):
    return CasusDocument.objects.actief().filter(casus=casus).select_related("toegevoegd_door")


def huishouden_brieven(user, huishouden):
    """The letters of every case of the household that the user may see."""
    casussen = (
        Casus.objects.zichtbaar_voor(user)
        .filter(Q(huishouden=huishouden) | Q(inwoner__huishouden=huishouden))
        .values("pk")
    )
    return (
        Brief.objects.filter(casus__in=casussen)
        .select_related("casus", "casus__inwoner")
        .order_by("-verzonden_op", "-id")
    )


@dataclass
class MogelijkeBrief:
    soort: str
    label: str
    object_id: int
    betreft: str
    sleutel: str


def mogelijke_brieven(casus: Casus) -> list[MogelijkeBrief]:
    """Every letter the case's records call for, for the step at hand (a fixed number of queries)."""
    uit: list[MogelijkeBrief] = []

    def add(soort, obj, betreft):
        uit.append(MogelijkeBrief(soort, BriefSoort(soort).label, obj.pk, betreft, sleutel(soort, obj)))

    for b in casus.besluiten.order_by("-besluitdatum", "-id"):
        add(BESLUIT_BRIEF[b.soort], b, f"besluit van {b.besluitdatum:%d-%m-%Y}")
    for a in casus.aanvragen.order_by("-ontvangen_op", "-id").prefetch_related("besluiten"):
        add(BriefSoort.ONTVANGSTBEVESTIGING, a, f"aanvraag van {a.ontvangen_op:%d-%m-%Y}")
        if not a.besluiten.all():
            add(BriefSoort.BUITEN_BEHANDELING, a, f"aanvraag van {a.ontvangen_op:%d-%m-%Y}")
    for o in casus.onderzoeken.exclude(verslag=""):
        add(BriefSoort.ONDERZOEKSVERSLAG, o, f"onderzoek van {o.gestart_op:%d-%m-%Y}")
    for v in Verdaging.objects.filter(termijn__casus=casus).select_related("termijn"):
        add(BriefSoort.VERDAGING, v, f"{v.termijn.get_soort_display()} tot {v.nieuwe_datum:%d-%m-%Y}")
    for bz in Bezwaar.objects.filter(casus=casus).exclude(uitkomst=""):
        add(BriefSoort.BESLISSING_OP_BEZWAAR, bz, f"bezwaar van {bz.ontvangen_op:%d-%m-%Y}")
    return uit
