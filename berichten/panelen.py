"""The berichten panel on the backoffice case page (registered in ``BerichtenConfig.ready`` through
``altena.panelen``, so the backoffice never imports berichten): the toewijzingen with their
ToewijzingNummer and the start and stop the provider reported, open verzoeken, and the latest
messages."""

from django.db.models import Prefetch

from altena import panelen
from altena.access import Rol, has_role

from .models import Bericht, Levering, Toewijzing, Verzoek


def casus_blok(request, casus) -> dict:
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
        "consultant": has_role(request.user, Rol.CONSULTANT),
    }


def registreren() -> None:
    panelen.registreer(
        "backoffice.casus.hoofd",
        "berichten",
        template="berichten/includes/casus_blok.html",
        context=casus_blok,
    )
