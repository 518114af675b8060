from django.views.generic import ListView, TemplateView

from altena.access import Rol, RoleRequiredMixin

from .models import Casus


class WerkvoorraadView(RoleRequiredMixin, ListView):
    """Front-door work queue: open cases at the door, crisis first."""

    allowed_roles = (Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER)
    template_name = "intake/werkvoorraad.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            Casus.objects.zichtbaar_voor(self.request.user)
            .filter(fase__in=["aangemeld", "verwezen"])
            .select_related("inwoner", "kern")
            .werkvolgorde()
        )


class NieuwView(RoleRequiredMixin, TemplateView):
    allowed_roles = (Rol.FRONTOFFICE,)
    template_name = "intake/nieuw.html"
