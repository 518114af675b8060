from django.db.models import Count, Q
from django.views.generic import TemplateView

from altena.access import Rol, RoleRequiredMixin
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS
from intake.models import Casus
from intake.workflow import OPEN_FASEN, Fase
from signalen.selectors import open_escalaties_voor_team


class DashboardView(RoleRequiredMixin, TemplateView):
    """Team-lead start page: the team's cases per fase, counted in PostgreSQL."""

    allowed_roles = (Rol.TEAMLEIDER,)
    verwerking = "Sturing: teamoverzicht en escalaties"  # escalations name cases
    template_name = "rapportage/dashboard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # Only open cases: the index on fase keeps this cheap at a million cases; history is the
        # raad report's business.
        open_fasen = [f for f in Fase if f.value in OPEN_FASEN]
        counts = (
            Casus.objects.zichtbaar_voor(self.request.user)
            .filter(fase__in=OPEN_FASEN)
            .aggregate(
                **{f.value: Count("pk", filter=Q(fase=f.value)) for f in open_fasen},
                crisis_open=Count("pk", filter=Q(crisis=True)),
            )
        )
        ctx["per_fase"] = [(f.label, counts[f.value]) for f in open_fasen]
        ctx["crisis_open"] = counts["crisis_open"]
        escalaties = open_escalaties_voor_team(self.request.user)
        ctx["escalaties"], ctx["escalaties_aantal"] = escalaties[:10], escalaties.count()
        return ctx


class RaadView(RoleRequiredMixin, TemplateView):
    allowed_roles = (Rol.TEAMLEIDER,)
    verwerking = GEEN_PERSOONSGEGEVENS  # aggregated figures only
    template_name = "rapportage/raad.html"
