"""The report of Jeugdwet voorzieningen for adults that Jeugdwet art. 1.1 does not carry."""

from django.views.generic import TemplateView

from altena.access import Rol, RoleRequiredMixin
from altena.models import Verwerking
from intake.models import Casus
from intake.verwerking import log_personen

from ..selectors import JEUGDHULP_VOLWASSENEN_MAX, jeugdhulp_voor_volwassenen

DOEL = "Toezicht op de toegang: jeugdhulp buiten de leeftijd van de Jeugdwet (art. 1.1)"


class JeugdhulpVolwassenenView(RoleRequiredMixin, TemplateView):
    """The teamleider's list, within its teams' scope: which case to review (herindicatie under the
    Wmo, or the ground for verlengde jeugdhulp recorded after all)."""

    allowed_roles = (Rol.TEAMLEIDER,)
    verwerking = DOEL
    template_name = "backoffice/jeugdhulp_volwassenen.html"

    def get_context_data(self, **kwargs):
        rijen = jeugdhulp_voor_volwassenen(Casus.objects.zichtbaar_voor(self.request.user))
        log_personen(
            request=self.request,
            handeling=Verwerking.Handeling.LEZEN,
            verwerkingsactiviteit=DOEL,
            inwoners=[r["casus"].inwoner for r in rijen],
        )
        return super().get_context_data(rijen=rijen, maximum=JEUGDHULP_VOLWASSENEN_MAX, **kwargs)
