"""The documenten panels on lower apps' pages (registered in ``DocumentenConfig.ready`` through
``altena.panelen``): the case's letters and files on the backoffice case page, the household's
letters on the front-door household page."""

from altena import panelen
from altena.access import Rol, has_role

from .models import CasusDocument
from .selectors import brieven_van, huishouden_brieven


def casus_documenten(request, casus) -> dict:
    """The case's letters (download) and the number of its files: two queries."""
    return {
        "casus": casus,
        "brieven": list(brieven_van(casus)),
        "aantal_documenten": CasusDocument.objects.actief().filter(casus=casus).count(),
    }


def huishouden_documenten(request, huishouden) -> dict | None:
    """The letters of the household's cases that the user may see (consultant and teamleider)."""
    if not has_role(request.user, Rol.CONSULTANT, Rol.TEAMLEIDER):
        return None
    return {"brieven": list(huishouden_brieven(request.user, huishouden)[:50])}


def registreren() -> None:
    panelen.registreer(
        "backoffice.casus.zijkant",
        "documenten",
        template="documenten/_casus_sectie.html",
        context=casus_documenten,
    )
    panelen.registreer(
        "intake.huishouden",
        "documenten",
        template="documenten/_huishouden_brieven.html",
        context=huishouden_documenten,
    )
