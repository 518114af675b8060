"""Reads of signals. Who sees which signal is decided here and only here:

* a person sees the signals addressed to them;
* a teamleider also sees the signals addressed to a team they are a member of (escalations).

Beheerder and privacy officer see none (they see no case content).
"""

from __future__ import annotations

from django.db.models import Q

from altena.access import Rol, user_roles
from netwerk.models import Team

from .models import ESCALATIES, Doel, Signaal

BADGE_MAX = 99


def _teams_van(user):
    return Team.leden.through.objects.filter(user_id=user.pk).values("team_id")


def signalen_voor(user):
    """Every signal in the user's inbox (open and handled)."""
    if not user.is_authenticated:
        return Signaal.objects.none()
    rollen = user_roles(user)
    if not rollen & set(Rol.CASE_WORKERS):
        return Signaal.objects.none()
    if Rol.TEAMLEIDER in rollen:
        return Signaal.objects.filter(Q(ontvanger=user) | Q(team__in=_teams_van(user)))
    return Signaal.objects.filter(ontvanger=user)


def inbox(user):
    """The inbox list: open first, with what a row shows in the same query."""
    return (
        signalen_voor(user)
        .select_related("casus", "afgehandeld_door", "team")
        .only(
            "regel",
            "doel",
            "peildatum",
            "herhaling",
            "tekst",
            "aangemaakt",
            "gelezen_op",
            "afgehandeld_op",
            "ontvanger_id",
            "casus__nummer",
            "casus__crisis",
            "team__naam",
            "afgehandeld_door__username",
            "afgehandeld_door__first_name",
            "afgehandeld_door__last_name",
        )
        .inbox_volgorde()
    )


def badge(user) -> str:
    """The count of open signals for the navigation, capped ("99+") so it stays one cheap query."""
    aantal = signalen_voor(user).open().order_by()[: BADGE_MAX + 1].count()  # no sort: stops at 100
    if aantal > BADGE_MAX:
        return f"{BADGE_MAX}+"
    return str(aantal) if aantal else ""


def open_escalaties_voor_team(user):
    """The open escalations (overdue terms, unassigned meldingen, crises) of the teamleider's teams,
    newest first: the dashboard hook."""
    if Rol.TEAMLEIDER not in user_roles(user):
        return Signaal.objects.none()
    return (
        Signaal.objects.open()
        .filter(doel=Doel.TEAMLEIDER, regel__in=ESCALATIES, team__in=_teams_van(user))
        .select_related("casus", "team")
        .order_by("-aangemaakt", "-id")
    )
