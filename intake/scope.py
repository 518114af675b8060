"""A user's werkgebied: the kernen and municipalities of the teams the user belongs to.

A team without kernen covers its whole municipality. Used by the querysets (access scope) and by
forms (which kernen a desk worker may choose).
"""

from __future__ import annotations

import operator
from functools import reduce

from django.core.exceptions import ValidationError
from django.db.models import Q

from altena.access import Rol, user_roles
from netwerk.models import Kern, Team


def gemeenten_van(user) -> list[str]:
    if not user.is_authenticated:
        return []
    return sorted(set(Team.objects.filter(leden=user).values_list("gemeente", flat=True)))


def gemeenten_query(user):
    """The user's gemeenten as a lazy subquery (no query of its own): the controller boundary that
    every personal-data queryset applies."""
    if not user.is_authenticated:
        return Team.objects.none().values("gemeente")
    return Team.objects.filter(leden=user).values("gemeente")


def casus_scope(user) -> Q | None:
    """The one rule of which cases a user may see, as a condition on a case's scope fields
    (``team_id``, ``behandelaar``, ``regisseur``, ``kern_id``, ``gemeente``); None: no case at all.

    ``Casus.objects.zichtbaar_voor`` applies it to cases (the queues, the case pages and every app's
    reads through ``bevat()``); the dashboard applies it to its summary rows, which carry the same
    fields (``rapportage.stand``). Written with id subqueries (no joins), so the result has no
    duplicates and PostgreSQL answers it with hashed subplans even over a million cases.
    """
    if not user.is_authenticated:
        return None
    roles = user_roles(user)
    conditions = []
    if roles & {Rol.CONSULTANT, Rol.TEAMLEIDER}:
        teams = Team.objects.filter(leden=user).values("pk")
        conditions += [Q(team_id__in=teams), Q(behandelaar=user), Q(regisseur=user)]
    if Rol.FRONTOFFICE in roles:
        conditions.append(Q(kern_id__in=werkgebied_kernen(user).values("pk")))
    if not conditions:
        return None
    # Never across gemeenten (a user in teams of two gemeenten sees each within its own scope).
    return reduce(operator.or_, conditions) & Q(gemeente__in=gemeenten_query(user))


def werkgebied_kernen(user):
    """The kernen in which the user's teams work (a team without kernen: all kernen of its gemeente)."""
    if not user.is_authenticated:
        return Kern.objects.none()
    teams = Team.objects.filter(leden=user)
    hele_gemeente = teams.filter(kernen__isnull=True).values("gemeente")
    return Kern.objects.filter(Q(teams__leden=user) | Q(gemeente__in=hele_gemeente)).distinct()


def controleer_postcode_bij_kern(postcode: str, kern) -> None:
    """Refuse (at the postcode field) an address outside the kern's gemeente or outside the chosen
    kern, wherever postcode areas are known. Without this check a desk worker could attach a person
    to another gemeente's address and so reach that household."""
    cijfers = (postcode or "").replace(" ", "")[:4]
    if len(cijfers) != 4 or kern is None:
        return
    gemeente_gebieden = set()
    for gebieden in Kern.objects.filter(gemeente=kern.gemeente).values_list("postcodegebieden", flat=True):
        gemeente_gebieden.update(gebieden or [])
    if gemeente_gebieden and cijfers not in gemeente_gebieden:
        raise ValidationError(
            {"postcode": f"Postcode {postcode} ligt niet in de gemeente {kern.gemeente}."},
            code="buiten_gemeente",
        )
    if kern.postcodegebieden and cijfers not in kern.postcodegebieden:
        raise ValidationError(
            {"postcode": f"Postcode {postcode} hoort niet bij de kern {kern.naam}; kies de juiste kern."},
            code="buiten_kern",
        )
