"""Reads of Mijn Toegang. Scope is the logged-in inwoner: every query starts from their own id, so
another inwoner's case, letter or file is simply not found (the same 404 as a number that does not
exist)."""

from __future__ import annotations

from django.db.models import Prefetch, Q

from altena.access import Rol
from altena.models import Verwerking
from documenten.models import Brief, CasusDocument
from intake.models import Casus, Inwoner
from netwerk.models import Team

from . import weergave
from .logboek import INWONER_ZELF
from .models import Portaalinstelling

LETTER_SOORTEN_ZICHTBAAR = None  # every letter sent on the inwoner's case is theirs


def ingelogde_inwoner(request) -> Inwoner | None:
    pk = getattr(request, "inwoner_id", None)
    if pk is None:
        return None
    return Inwoner.objects.filter(pk=pk, geanonimiseerd_op__isnull=True).select_related("kern").first()


def _casussen(inwoner: Inwoner):
    return Casus.objects.filter(inwoner=inwoner, geanonimiseerd_op__isnull=True)


def casussen_van(inwoner: Inwoner) -> list[Casus]:
    return list(_casussen(inwoner).select_related("team").order_by("-aangemaakt"))


def casus_van(inwoner: Inwoner, nummer: str) -> Casus | None:
    from backoffice.models import Termijn

    termijnen = Termijn.objects.filter(bezwaar__isnull=True).prefetch_related("opschortingen", "verdagingen")
    return (
        _casussen(inwoner)
        .filter(nummer=nummer)
        .select_related("team", "behandelaar")
        .prefetch_related(
            Prefetch("termijnen", queryset=termijnen.order_by("startdatum", "id")),
            Prefetch("verwijzingen", queryset=_verwijzingen()),
            "toewijzingen__aanbieder",
            "toewijzingen__leveringen",
        )
        .first()
    )


def _verwijzingen():
    from intake.models import Verwijzing

    return Verwijzing.objects.select_related("partner").order_by("verstuurd_op")


def brieven_van(inwoner: Inwoner):
    return Brief.objects.filter(casus__inwoner=inwoner, casus__geanonimiseerd_op__isnull=True).select_related(
        "casus"
    )


def brief_van(inwoner: Inwoner, pk) -> Brief | None:
    return brieven_van(inwoner).filter(pk=pk).first()


def documenten_van(casus: Casus):
    return CasusDocument.objects.actief().filter(casus=casus)


def open_opschortingen(casus: Casus):
    from backoffice.models import Opschorting

    return Opschorting.objects.filter(
        termijn__casus=casus, termijn__afgerond_op__isnull=True, tot__isnull=True
    )


def contact_van(casus: Casus, namen_tonen: bool) -> str:
    if casus.team is None:
        return "Het toegangsteam van de gemeente"
    tekst = casus.team.naam
    if namen_tonen and casus.behandelaar is not None and casus.behandelaar.first_name:
        tekst += f" (uw contactpersoon: {casus.behandelaar.first_name})"
    return tekst


# --- Wie keek in mijn dossier -----------------------------------------------------------------


def verwerkingen_over(inwoner: Inwoner):
    """Every row of the verwerkingenlog about this inwoner or one of their cases, except the
    inwoner's own reads in Mijn Toegang."""
    nummers = _casussen(inwoner).values("nummer")
    return (
        Verwerking.objects.filter(Q(inwoner_id=inwoner.pk) | Q(casus_nummer__in=nummers))
        .exclude(actor_naam=INWONER_ZELF)
        .select_related("actor")
        .prefetch_related(
            Prefetch("actor__groups"),
            Prefetch("actor__teams", queryset=Team.objects.order_by("naam")),
        )
        .order_by("-tijdstip", "-id")
    )


ROL_WOORD = {
    Rol.FRONTOFFICE: "medewerker toegang (balie)",
    Rol.CONSULTANT: "consulent",
    Rol.TEAMLEIDER: "teamleider",
    Rol.BEHEERDER: "beheerder",
    Rol.PRIVACY: "privacy officer",
    Rol.BELEID: "beleidsmedewerker",
    Rol.PARTNER: "medewerker van een partnerorganisatie",
}


def regels_wie_keek(rijen, *, gemeente: str) -> list[dict]:
    """The rows as the inwoner reads them: when, who (team or organisation and role, the first
    name only when the privacy officer allows it), what and why."""
    namen = Portaalinstelling.namen_zichtbaar(gemeente)
    partner_van = _partners_van([r.actor_id for r in rijen if r.actor_id])
    uit = []
    for rij in rijen:
        if rij.actor is None:
            wie = "Automatische controle door het systeem" if rij.actor_naam == "systeem" else rij.actor_naam
            rol = ""
        else:
            rollen = sorted(g.name for g in rij.actor.groups.all())
            rol = ", ".join(ROL_WOORD.get(r, r.lower()) for r in rollen) or "medewerker"
            teams = [t.naam for t in rij.actor.teams.all() if t.gemeente == gemeente]
            organisatie = partner_van.get(rij.actor_id)
            wie = organisatie or (", ".join(teams) if teams else f"Gemeente {gemeente}")
            if namen and rij.actor.first_name:
                wie = f"{rij.actor.first_name}, {wie}"
        actie = (
            "geweigerd"
            if rij.resultaat == "geweigerd"
            else weergave.HANDELING_WOORD.get(rij.handeling, "ingezien")
        )
        uit.append(
            {
                "tijdstip": rij.tijdstip,
                "wie": wie,
                "rol": rol,
                "actie": actie,
                "doel": rij.verwerkingsactiviteit,
            }
        )
    return uit


def _partners_van(actor_ids) -> dict[int, str]:
    if not actor_ids:
        return {}
    from django.apps import apps

    Medewerker = apps.get_model("partner", "PartnerMedewerker")  # same layer: read by name
    return dict(
        Medewerker.objects.filter(gebruiker_id__in=set(actor_ids)).values_list(
            "gebruiker_id", "partner__naam"
        )
    )
