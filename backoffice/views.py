from django.views.generic import ListView

from altena.access import Rol, RoleRequiredMixin
from intake.models import Casus
from intake.workflow import MAATWERK_FASEN


class WerkvoorraadView(RoleRequiredMixin, ListView):
    """Consultant work queue: cases in maatwerk."""

    allowed_roles = (Rol.CONSULTANT, Rol.TEAMLEIDER)
    template_name = "backoffice/werkvoorraad.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            Casus.objects.zichtbaar_voor(self.request.user)
            .filter(fase__in=MAATWERK_FASEN)
            .select_related("inwoner", "kern", "behandelaar")
            .werkvolgorde()
        )
