from django.views.generic import DetailView
from django_filters.views import FilterView

from altena.access import Rol, RoleRequiredMixin
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from .filters import PartnerFilter
from .models import Partner
from .selectors import sociale_kaart_partners


class SocialeKaartView(RoleRequiredMixin, FilterView):
    """Partners by kern, leefgebied, soort and text: what a desk worker needs to phone or refer."""

    allowed_roles = Rol.CASE_WORKERS
    verwerking = GEEN_PERSOONSGEGEVENS  # partners of the sociale kaart, no inwoners
    template_name = "netwerk/sociale_kaart.html"
    filterset_class = PartnerFilter
    paginate_by = 25

    def get_queryset(self):
        return sociale_kaart_partners().order_by("naam", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gefilterd"] = any(self.request.GET.get(k) for k in ("q", "kern", "leefgebied", "soort"))
        return context


class PartnerDetailView(RoleRequiredMixin, DetailView):
    """Everything about one partner; a deactivated partner stays readable for old referrals."""

    allowed_roles = Rol.CASE_WORKERS
    verwerking = GEEN_PERSOONSGEGEVENS  # partners of the sociale kaart, no inwoners
    template_name = "netwerk/partner_detail.html"
    context_object_name = "partner"

    def get_queryset(self):
        return Partner.objects.voor_sociale_kaart()
