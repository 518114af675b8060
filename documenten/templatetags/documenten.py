"""Sections other apps' pages include (the backoffice case page, the household view) without
those apps importing documenten: ``{% load documenten %}``."""

from django import template

from altena.access import Rol, has_role

from ..models import CasusDocument
from ..selectors import brieven_van, huishouden_brieven

register = template.Library()


@register.inclusion_tag("documenten/_casus_sectie.html")
def casus_documenten(casus):
    """The case's letters (download) and the number of its files: two queries."""
    return {
        "casus": casus,
        "brieven": list(brieven_van(casus)),
        "aantal_documenten": CasusDocument.objects.actief().filter(casus=casus).count(),
    }


@register.inclusion_tag("documenten/_huishouden_brieven.html", takes_context=True)
def huishouden_documenten(context, huishouden):
    """The letters of the household's cases that the user may see (consultant and teamleider)."""
    user = context["request"].user
    if not has_role(user, Rol.CONSULTANT, Rol.TEAMLEIDER):
        return {"toon": False}
    return {"toon": True, "brieven": list(huishouden_brieven(user, huishouden)[:50])}
