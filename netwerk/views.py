from django.views.generic import ListView

from altena.access import Rol, RoleRequiredMixin

from .models import Partner


class SocialeKaartView(RoleRequiredMixin, ListView):
    allowed_roles = Rol.CASE_WORKERS
    template_name = "netwerk/sociale_kaart.html"
    paginate_by = 25

    def get_queryset(self):
        return Partner.objects.filter(actief=True).order_by("naam")
