"""Panels that a higher app adds to a lower app's page, without the lower app importing it.

The backoffice case page shows the case's letters and files (documenten) and its toewijzingen and
messages (berichten); the household page at the front door shows the household's letters. Those
apps sit above the page's own app, so the page cannot import them, nor load their template tags.
Instead each higher app registers its panel here in its ``AppConfig.ready``::

    panelen.registreer("backoffice.casus.zijkant", "documenten", template=..., context=casus_documenten)

and the page's view asks for the rendered panels of its places::

    context["panelen"] = panelen.weergeven(request, casus, "backoffice.casus.hoofd", ...)

and its template writes them: ``{% for paneel in panelen.backoffice_casus_hoofd %}{{ paneel }}{% endfor %}``
(the place's dots become underscores). ``context(request, obj)`` returns the panel's template
context, or None to leave the panel out (e.g. for a role that may not see it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Paneel:
    naam: str
    template: str
    context: Callable[..., dict | None]
    volgorde: int = 100


_PLEKKEN: dict[str, dict[str, Paneel]] = defaultdict(dict)


def registreer(
    plek: str, naam: str, *, template: str, context: Callable[..., dict | None], volgorde: int = 100
) -> None:
    """Add (or replace, by name) a panel at a place; called from an ``AppConfig.ready``."""
    _PLEKKEN[plek][naam] = Paneel(naam, template, context, volgorde)


def van(plek: str) -> list[Paneel]:
    return sorted(_PLEKKEN.get(plek, {}).values(), key=lambda p: (p.volgorde, p.naam))


def weergeven(request, obj, *plekken: str) -> dict[str, list[str]]:
    """The rendered panels of each place, keyed by the place with underscores for dots."""
    uit = {}
    for plek in plekken:
        html = []
        for paneel in van(plek):
            context = paneel.context(request, obj)
            if context is not None:
                # Without the request: the page's context processors (menu, signal count) ran once
                # for the page; a panel that needs the request or a CSRF token puts it in its context.
                html.append(render_to_string(paneel.template, context))
        uit[plek.replace(".", "_")] = html
    return uit
