"""Template helpers for deadlines: how many days remain, in Dutch, with a colour."""

from django import template
from django.utils import timezone

from altena.templatetags.altena import medewerker

register = template.Library()


def _dagen(datum) -> int | None:
    if datum is None:
        return None
    return (datum - timezone.localdate()).days


@register.filter
def resterend(datum) -> str:
    """'nog 5 dagen', 'vandaag', '3 dagen over tijd'."""
    dagen = _dagen(datum)
    if dagen is None:
        return ""
    if dagen == 0:
        return "verloopt vandaag"
    if dagen == 1:
        return "nog 1 dag"
    if dagen > 1:
        return f"nog {dagen} dagen"
    if dagen == -1:
        return "1 dag over tijd"
    return f"{-dagen} dagen over tijd"


@register.filter
def termijnkleur(datum) -> str:
    dagen = _dagen(datum)
    if dagen is None:
        return "secondary"
    if dagen < 0:
        return "danger"
    if dagen <= 3:
        return "warning"
    return "success"


# ``medewerker`` is the project's one way to show a person (altena.namen), offered here too.
register.filter("medewerker", medewerker)
