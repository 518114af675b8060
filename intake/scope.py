"""A user's werkgebied: the kernen and municipalities of the teams the user belongs to.

A team without kernen covers its whole municipality. Used by the querysets (access scope) and by
forms (which kernen a desk worker may choose).
"""

from __future__ import annotations

from django.db.models import Q

from netwerk.models import Kern, Team


def gemeenten_van(user) -> list[str]:
    if not user.is_authenticated:
        return []
    return sorted(set(Team.objects.filter(leden=user).values_list("gemeente", flat=True)))


def werkgebied_kernen(user):
    """The kernen in which the user's teams work (a team without kernen: all kernen of its gemeente)."""
    if not user.is_authenticated:
        return Kern.objects.none()
    teams = Team.objects.filter(leden=user)
    hele_gemeente = teams.filter(kernen__isnull=True).values("gemeente")
    return Kern.objects.filter(Q(teams__leden=user) | Q(gemeente__in=hele_gemeente)).distinct()
