"""Project-wide template helpers: ``{{ user|medewerker }}`` shows a staff member by name."""

from django import template

from ..namen import naam_van

register = template.Library()


@register.filter
def medewerker(user, leeg: str = "") -> str:
    return naam_van(user, leeg)
