import re

from django import template

from netwerk.istandaarden import IStandaardCategorie
from netwerk.leefgebieden import Leefgebied

register = template.Library()

_LEEFGEBIEDEN = dict(Leefgebied.choices)
_CATEGORIEEN = dict(IStandaardCategorie.choices)


@register.filter
def leefgebied_labels(codes):
    return [_LEEFGEBIEDEN.get(code, code) for code in codes or []]


@register.filter
def categorie_labels(codes):
    return [_CATEGORIEEN.get(code, code) for code in codes or []]


@register.filter
def tel_href(nummer):
    """A tel: link for a Dutch phone number as typed ("0183-123 456" -> "tel:0183123456")."""
    return "tel:" + re.sub(r"[^0-9+]", "", nummer or "")
