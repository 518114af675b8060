"""Reads of the intake app. Access scope comes from the querysets' ``zichtbaar_voor``."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, F, IntegerField, Min, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from altena.access import Rol
from netwerk.models import Capaciteit, Partner, Team, capaciteit_geldig_weken

from .models import Casus, Huishouden, Inwoner, Verwijzing
from .scope import gemeenten_van, werkgebied_kernen
from .validators import normaliseer_bsn, normaliseer_postcode
from .workflow import OPEN_FASEN, Fase

# The fasen a case has at the front door: new (aangemeld) and referred (verwezen, still open).
VOORDEUR_FASEN = (Fase.AANGEMELD, Fase.VERWEZEN)
MAX_ZOEKRESULTATEN = 25


def werkvoorraad(user):
    """Front-door cases the user may see, unordered and without joins: the queue filters this, and
    altena.pagination walks it in VOORDEUR_VOLGORDE over the index of that order."""
    return Casus.objects.zichtbaar_voor(user)


def werkvoorraad_rijen(ids) -> list[Casus]:
    """The rows of one queue page in full, with what the queue shows. The active referrals are
    counted per row by index (a correlated subquery): a join with GROUP BY reads every referral."""
    actief = (
        Verwijzing.objects.filter(casus=OuterRef("pk"), status__in=Verwijzing.ACTIEVE_STATUSSEN)
        .order_by()
        .values("casus")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        Casus.objects.filter(pk__in=ids)
        .select_related("inwoner", "kern", "aangemaakt_door")
        .annotate(actieve_verwijzingen=Coalesce(Subquery(actief), 0))
    )


def inwoners_zoeken(
    user,
    *,
    bsn: str = "",
    achternaam: str = "",
    geboortedatum: date | None = None,
    postcode: str = "",
    huisnummer: str = "",
):
    """Find inwoners by BSN, by surname with date of birth, or by postcode and house number."""
    qs = Inwoner.objects.zichtbaar_voor(user).select_related("kern", "huishouden")
    if bsn:
        qs = qs.filter(bsn=normaliseer_bsn(bsn))
    elif achternaam and geboortedatum:
        qs = qs.filter(achternaam__iexact=achternaam.strip(), geboortedatum=geboortedatum)
    elif postcode and huisnummer:
        qs = qs.filter(postcode=normaliseer_postcode(postcode), huisnummer__iexact=huisnummer.strip())
    else:
        return qs.none()
    return qs.annotate(open_casussen=Count("casussen", filter=Q(casussen__fase__in=OPEN_FASEN))).order_by(
        "achternaam", "voornamen"
    )[:MAX_ZOEKRESULTATEN]


def inwoner_voor(user, pk: int, *, alleen_werkgebied: bool = False) -> Inwoner | None:
    qs = Inwoner.objects.zichtbaar_voor(user)
    if alleen_werkgebied:
        qs = qs.filter(kern__in=werkgebied_kernen(user).values("pk"))
    return qs.select_related("kern", "huishouden__regisseur").filter(pk=pk).first()


def casussen_van_inwoner(inwoner: Inwoner):
    """All cases of a person, open first. A summary (no question text), so a desk worker sees what is
    already in hand; the detail page is only reachable when ``zichtbaar_voor`` allows it."""
    return inwoner.casussen.select_related("kern", "behandelaar", "team").order_by(
        "afgesloten_op", "-aangemaakt"
    )


def casus_voor(user, nummer: str) -> Casus | None:
    return (
        Casus.objects.zichtbaar_voor(user)
        .select_related(
            "inwoner",
            "inwoner__kern",
            "huishouden",
            "huishouden__regisseur",
            "kern",
            "team",
            "behandelaar",
            "regisseur",
            "aangemaakt_door",
            "verwijzer_partner",
        )
        .filter(nummer=nummer)
        .first()
    )


def zichtbare_casus_ids(user, casussen) -> set[int]:
    """Which of these cases the user may open (one query)."""
    ids = [c.pk for c in casussen]
    if not ids:
        return set()
    return set(Casus.objects.zichtbaar_voor(user).filter(pk__in=ids).values_list("pk", flat=True))


def huishouden_voor(user, pk: int) -> Huishouden | None:
    return Huishouden.objects.zichtbaar_voor(user).select_related("regisseur").filter(pk=pk).first()


def huishouden_leden(huishouden: Huishouden):
    """Members with all their cases (across laws) and each case's active referrals: 3 queries."""
    casussen = Casus.objects.select_related("kern", "behandelaar", "team").order_by(
        "afgesloten_op", "-aangemaakt"
    )
    actief = Verwijzing.objects.actief().select_related("partner")
    return (
        huishouden.leden.select_related("kern")
        .prefetch_related(
            Prefetch("casussen", queryset=casussen),
            Prefetch("casussen__verwijzingen", queryset=actief, to_attr="actieve_verwijzingen"),
        )
        .order_by("geboortedatum", "pk")
    )


def partners_voor_verwijzing(*, casus: Casus, kern=None, leefgebieden: list[str] | None = None):
    """Active partners of the case's municipality working in the kern (default: the case's kern)
    and on at least one of the leefgebieden (default: the case's; an empty list: any)."""
    kern = kern or casus.kern
    if leefgebieden is None:
        leefgebieden = casus.leefgebieden
    qs = Partner.objects.filter(actief=True, gemeente=kern.gemeente).filter(
        Q(kernen=kern) | Q(alle_kernen=True)
    )
    if leefgebieden:
        qs = qs.filter(leefgebieden__overlap=list(leefgebieden))
    return (
        Partner.objects.filter(pk__in=qs.values("pk"))
        .annotate(capaciteit_rang=capaciteit_rang())
        .prefetch_related("aanbod")
        .order_by("capaciteit_rang", "naam")
    )


def capaciteit_rang():
    """A partner's best capacity as a rank, for "partners with room first": 0 room now (confirmed
    recently), 1 room but stale, 2 a waiting list, 3 unknown (no offer), 4 full everywhere."""
    grens = timezone.localdate() - timedelta(weeks=capaciteit_geldig_weken())
    per_aanbod = Case(
        When(aanbod__capaciteit=Capaciteit.RUIMTE, aanbod__bevestigd_op__gt=grens, then=Value(0)),
        When(aanbod__capaciteit=Capaciteit.RUIMTE, then=Value(1)),
        When(aanbod__capaciteit=Capaciteit.WACHTLIJST, then=Value(2)),
        When(aanbod__capaciteit=Capaciteit.VOL, then=Value(4)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return Coalesce(Min(per_aanbod), Value(3))


def voordeurteam(user, kern):
    """The user's team whose werkgebied covers the kern (a named kern before a whole municipality)."""
    return (
        Team.objects.filter(leden=user)
        .filter(Q(kernen=kern) | Q(kernen__isnull=True, gemeente=kern.gemeente))
        .order_by(F("kernen").asc(nulls_last=True), "naam")
        .first()
    )


def verwijzer_partners(user):
    """Partners that can be chosen as the verwijzer of a question."""
    return Partner.objects.filter(actief=True, gemeente__in=gemeenten_van(user)).order_by("naam")


def regisseur_kandidaten(user):
    """Consultants in the municipalities of the user's teams."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Rol.CONSULTANT, teams__gemeente__in=gemeenten_van(user))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def tijdlijn(casus: Casus):
    """A case's timeline in the one order every page shows: newest first (ties by id)."""
    return casus.gebeurtenissen.select_related("actor").order_by("-tijdstip", "-id")
