"""The berichten block on the backoffice case page (``{% load berichten_tags %}{% berichten_blok casus %}``):
the toewijzingen with their ToewijzingNummer and the start and stop the provider reported, open
verzoeken, and the latest messages. Template-level, so the backoffice never imports berichten."""

from django import template
from django.db.models import Prefetch

from altena.access import Rol, has_role

from ..models import Bericht, Levering, Toewijzing, Verzoek

register = template.Library()


@register.inclusion_tag("berichten/includes/casus_blok.html", takes_context=True)
def berichten_blok(context, casus):
    user = context["request"].user
    berichten = list(Bericht.objects.filter(casus=casus).defer("inhoud").order_by("-aangemaakt", "-id")[:5])
    if not berichten:  # no toewijzing or verzoek without a message: one query for most cases
        return {"casus": casus, "toewijzingen": [], "verzoeken": [], "berichten": []}
    toewijzingen = (
        Toewijzing.objects.filter(casus=casus)
        .select_related("aanbieder", "voorziening")
        .prefetch_related(Prefetch("leveringen", queryset=Levering.objects.order_by("begindatum")))
        .order_by("ingangsdatum", "nummer")
    )
    return {
        "casus": casus,
        "toewijzingen": toewijzingen,
        "verzoeken": Verzoek.objects.filter(casus=casus, uitkomst=Verzoek.Uitkomst.OPEN).select_related(
            "aanbieder"
        ),
        "berichten": berichten,
        "consultant": has_role(user, Rol.CONSULTANT),
    }
