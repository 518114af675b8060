"""The beheerder's dry-run report of the retention rules: counts only, no case content."""

from django.utils import timezone
from django.views.generic import TemplateView

from altena.access import Rol, RoleRequiredMixin
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from ..bewaartermijnen import proefrapport


class BewaartermijnenView(RoleRequiredMixin, TemplateView):
    allowed_roles = (Rol.BEHEERDER,)
    verwerking = GEEN_PERSOONSGEGEVENS  # numbers per rule, no case or person
    template_name = "backoffice/bewaartermijnen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rapport=proefrapport(), vandaag=timezone.localdate(), **kwargs)
