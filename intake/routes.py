"""One route to a case: where a case is worked on, for every list, signal and search result.

A maatwerk case (route maatwerk: melding through in_zorg, and closed maatwerk) opens on the
backoffice case page with its terms, steps and voorzieningen; any other case (at the door, referred,
settled) opens on the front-door case page. A user without a backoffice role (frontoffice) always
gets the front-door page, which it may see. The two pages link to each other.
"""

from __future__ import annotations

from django.urls import reverse

from altena.access import Rol, has_role

from .workflow import Route

BACKOFFICE_ROLLEN = (Rol.CONSULTANT, Rol.TEAMLEIDER)


def is_maatwerk(casus) -> bool:
    return casus.route == Route.MAATWERK


def casus_url(casus, user=None, *, anker: str = "") -> str:
    """The page where ``casus`` is worked on (for ``user``, when given), with an optional anchor."""
    if is_maatwerk(casus) and (user is None or has_role(user, *BACKOFFICE_ROLLEN)):
        url = reverse("backoffice:casus", kwargs={"nummer": casus.nummer})
    else:
        url = reverse("intake:casus", kwargs={"nummer": casus.nummer})
    return f"{url}#{anker}" if anker else url
