"""``{% casus_url casus %}``: the one route to a case in templates (see ``intake.routes``)."""

from django import template

from ..routes import casus_url as _casus_url

register = template.Library()


@register.simple_tag(takes_context=True)
def casus_url(context, casus, anker: str = "") -> str:
    request = context.get("request")
    return _casus_url(casus, getattr(request, "user", None), anker=anker)
