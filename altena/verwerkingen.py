"""Write the verwerkingenlogging: one row per read, change, export or refused attempt on personal data.

The ONE mechanism (issue 10, found #3):

* every view declares ``verwerking``: the purpose (verwerkingsactiviteit) of the personal data it
  shows or changes, or ``GEEN_PERSOONSGEGEVENS`` for a page without any. Django admin classes declare
  it the same way. ``tests/altena/test_verwerkingen_dekking.py`` walks the URL resolver and fails for
  any view without a declaration, so a new page cannot forget it;
* ``VerwerkingMiddleware`` then guarantees the rows: a refused attempt (403 or 404) on a declared
  page writes a row with ``resultaat="geweigerd"``; a successful request on a declared page whose view
  wrote no row of its own gets a row for the object named in the URL. Views that show several persons
  (lists) log them precisely with ``log_personen``; views that know the inwoner log with
  ``log_verwerking``.

Rows never hold a BSN: the inwoner is referred to by its id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .models import Verwerking

# The declaration of a page that shows no personal data of inwoners.
GEEN_PERSOONSGEGEVENS = ""

GEWEIGERD = "geweigerd"
H = Verwerking.Handeling

# URL keyword -> the object type it names (for rows the middleware writes).
OBJECT_KWARGS = {"nummer": "casus"}


def _tel(request, aantal: int) -> None:
    if request is not None:
        request.verwerkingen_gelogd = getattr(request, "verwerkingen_gelogd", 0) + aantal


def _actor(request, actor):
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    if actor is not None and actor.is_authenticated:
        return actor, actor.get_username()
    return None, "systeem"


def _oorsprong(request) -> str:
    return f"{request.method} {request.path}"[:200] if request is not None else ""


def log_verwerking(
    *,
    request=None,
    actor=None,
    handeling: str,
    verwerkingsactiviteit: str,
    object_type: str,
    object_id,
    inwoner_id=None,
    casus_nummer: str = "",
    resultaat: str = "geslaagd",
) -> Verwerking:
    actor, actor_naam = _actor(request, actor)
    rij = Verwerking.objects.create(
        actor=actor,
        actor_naam=actor_naam,
        handeling=handeling,
        verwerkingsactiviteit=verwerkingsactiviteit,
        object_type=object_type,
        object_id=str(object_id)[:50],
        inwoner_id=inwoner_id,
        casus_nummer=(casus_nummer or "")[:20],
        resultaat=resultaat,
        oorsprong=_oorsprong(request),
    )
    _tel(request, 1)
    return rij


def log_personen(*, request, handeling: str, verwerkingsactiviteit: str, inwoners: Iterable) -> int:
    """One row per inwoner shown (each once), written in one INSERT so a list page's query budget stays
    fixed."""
    actor, actor_naam = _actor(request, None)
    oorsprong = _oorsprong(request)
    uniek = {inwoner.pk: inwoner for inwoner in inwoners}
    Verwerking.objects.bulk_create(
        Verwerking(
            actor=actor,
            actor_naam=actor_naam,
            handeling=handeling,
            verwerkingsactiviteit=verwerkingsactiviteit,
            object_type="inwoner",
            object_id=str(pk),
            inwoner_id=pk,
            oorsprong=oorsprong,
        )
        for pk in uniek
    )
    _tel(request, len(uniek))
    return len(uniek)


def log_objecten(*, request, handeling: str, verwerkingsactiviteit: str, objecten: Iterable[tuple]) -> int:
    """One row per object shown, as (object_type, object_id, inwoner_id, casus_nummer), in one INSERT."""
    actor, actor_naam = _actor(request, None)
    oorsprong = _oorsprong(request)
    rijen = [
        Verwerking(
            actor=actor,
            actor_naam=actor_naam,
            handeling=handeling,
            verwerkingsactiviteit=verwerkingsactiviteit,
            object_type=object_type,
            object_id=str(object_id),
            inwoner_id=inwoner_id,
            casus_nummer=casus_nummer or "",
            oorsprong=oorsprong,
        )
        for object_type, object_id, inwoner_id, casus_nummer in objecten
    ]
    Verwerking.objects.bulk_create(rijen)
    _tel(request, len(rijen))
    return len(rijen)


def verwerkt_object(
    request, *, object_type: str, object_id, inwoner_id=None, casus_nummer: str = "", doel: str = ""
) -> None:
    """Name the object a page works on, as the selector or mixin that fetched it in the user's scope
    finds it: the middleware's row for the page then names the inwoner and the case (and a more
    precise purpose, e.g. the law of the case)."""
    if request is not None:
        request.verwerkt_object = {
            "object_type": object_type,
            "object_id": str(object_id),
            "inwoner_id": inwoner_id,
            "casus_nummer": casus_nummer,
            "doel": doel,
        }


# How the app that owns an object type finds its inwoner (registered in its AppConfig.ready), so a
# refused attempt on a known target carries the inwoner and a search by BSN shows it (issue 21).
_inwoner_zoekers: dict[str, Callable[[str], int | None]] = {}


def registreer_inwoner_zoeker(object_type: str, func: Callable[[str], int | None]) -> None:
    _inwoner_zoekers[object_type] = func


def inwoner_van(object_type: str, object_id: str) -> int | None:
    zoeker = _inwoner_zoekers.get(object_type)
    if zoeker is None or not object_id or len(object_id) > 50:
        return None
    return zoeker(object_id)


def doel_eigenaar(func):
    """Where a URL's view declares ``verwerking``: the class of a class-based view, the ModelAdmin of
    an admin page (also of extra admin URLs such as django-import-export's), else the function."""
    owner = getattr(func, "view_class", None) or getattr(func, "model_admin", None)
    if owner is not None:
        return owner
    wrapped = func
    while wrapped is not None:
        if getattr(wrapped, "__self__", None) is not None:
            return wrapped.__self__
        wrapped = getattr(wrapped, "__wrapped__", None)
    return func


def doel_van_view(resolver_match) -> tuple[str | None, str]:
    """The declared purpose of the view behind a URL and the object type it works on, or
    (None, "") when it declares nothing (pages of Django itself, e.g. the login page)."""
    if resolver_match is None:
        return None, ""
    owner = doel_eigenaar(resolver_match.func)
    doel = getattr(owner, "verwerking", None)
    object_type = getattr(owner, "verwerking_object", "")
    model = getattr(owner, "model", None)
    if model is not None and not object_type and hasattr(owner, "admin_site"):
        object_type = model._meta.model_name
    return doel, object_type


def _object_uit_url(resolver_match, object_type: str) -> tuple[str, str, str]:
    kwargs = resolver_match.kwargs
    nummer = str(kwargs.get("nummer", ""))
    if nummer:
        return "casus", nummer, nummer
    for key in ("pk", "object_id"):
        if key in kwargs:
            return object_type or "object", str(kwargs[key]), ""
    return object_type or "pagina", "lijst", ""


class VerwerkingMiddleware:
    """Log refused attempts on personal-data pages, and a row for any declared page whose view wrote
    none itself (so no read, change or export of personal data goes unlogged)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.verwerkingen_gelogd = 0
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        doel, object_type = doel_van_view(getattr(request, "resolver_match", None))
        if not doel:
            return response
        status = response.status_code
        if status in (403, 404, 405):
            soort, object_id, nummer = _object_uit_url(request.resolver_match, object_type)
            log_verwerking(
                request=request,
                handeling=H.LEZEN if request.method in ("GET", "HEAD") else H.WIJZIGEN,
                verwerkingsactiviteit=doel,
                object_type=soort,
                object_id=object_id,
                inwoner_id=inwoner_van(soort, object_id),
                casus_nummer=nummer,
                resultaat=GEWEIGERD,
            )
        elif status < 400 and request.verwerkingen_gelogd == 0:
            gewijzigd = request.method not in ("GET", "HEAD") and 300 <= status < 400
            gevonden = getattr(request, "verwerkt_object", None)
            if gevonden is None:
                soort, object_id, nummer = _object_uit_url(request.resolver_match, object_type)
                gevonden = {"object_type": soort, "object_id": object_id, "casus_nummer": nummer}
            log_verwerking(
                request=request,
                handeling=H.WIJZIGEN if gewijzigd else H.LEZEN,
                verwerkingsactiviteit=gevonden.pop("doel", "") or doel,
                **gevonden,
            )
        return response
