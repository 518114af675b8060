"""Keep a partner's worker inside the partner portal.

A user with the Partner role may open /partner/, the home redirect and the account pages (login,
logout, two-factor set-up); any other page (staff pages, queues, persons, cases, admin) is refused
with 403 before its view runs, and the attempt is written to the verwerkingenlogging as refused.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from altena.access import Rol, has_role
from altena.verwerkingen import log_verwerking

TOEGESTAAN_PREFIX = ("/partner/", "/accounts/", "/static/", "/health/")
TOEGESTAAN_EXACT = ("/", "/zo-werkt-het/")
PORTAAL = "Netwerk: partnerportaal"


def weigering_loggen(request, *, object_type: str, object_id) -> None:
    log_verwerking(
        request=request,
        handeling="lezen",
        verwerkingsactiviteit=PORTAAL,
        object_type=object_type,
        object_id=str(object_id)[:50],
        resultaat="geweigerd",
    )


class PartnerAfschermingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        path = request.path
        if (
            user is not None
            and user.is_authenticated
            and not path.startswith(TOEGESTAAN_PREFIX)
            and path not in TOEGESTAAN_EXACT
            and has_role(user, Rol.PARTNER)
        ):
            weigering_loggen(request, object_type="pagina", object_id=path)
            raise PermissionDenied(
                "Als medewerker van een partner heeft u alleen toegang tot het partnerportaal."
            )
        return self.get_response(request)
