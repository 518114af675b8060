"""The beheerder's dry-run report of the retention rules: counts only, no case content."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from altena.access import Rol, RoleRequiredMixin
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from ..bewaartermijnen import opgeslagen_proefrapport, proef_per_categorie, proefrapport_bijwerken


class BewaartermijnenView(RoleRequiredMixin, TemplateView):
    """The stored dry run of the day (the nightly task computes it, and this page when a rule
    changed or the day turned); POST computes it again now."""

    allowed_roles = (Rol.BEHEERDER,)
    verwerking = GEEN_PERSOONSGEGEVENS  # numbers per rule, no case or person
    template_name = "backoffice/bewaartermijnen.html"

    def get_context_data(self, **kwargs):
        rapport, berekend_op = opgeslagen_proefrapport()
        # Per category (cases, letters, case files ...) for the rules that would act today.
        for r in rapport:
            r.categorieen = proef_per_categorie(r.regel) if r.aantal else {}
        return super().get_context_data(
            rapport=rapport, berekend_op=berekend_op, vandaag=timezone.localdate(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        proefrapport_bijwerken()
        messages.success(request, "Het proefrapport is opnieuw berekend.")
        return redirect("backoffice:bewaartermijnen")
