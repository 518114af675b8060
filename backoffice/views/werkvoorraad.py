"""The maatwerk work queue, claiming a melding and the teamleider's (re)assignment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import ListView

from altena.access import Rol, RoleRequiredMixin, has_role
from altena.pagination import SleutelLijstMixin
from altena.verwerkingen import H, log_personen
from intake.models.casus import MAATWERK_VOLGORDE

from ..filters import WerkvoorraadFilter
from ..forms import ToewijzenForm
from ..selectors import aantal_verstreken, werkvoorraad, werkvoorraad_rijen
from ..services import casus_claimen, casus_toewijzen_aan, toewijsbare_medewerkers
from .base import DOEL, CasusMixin, StapView, detail_url

# The alarm counts overdue cases up to this many, like the queue's own count ("meer dan 1.000").
MAX_VERSTREKEN = 1000


class WerkvoorraadView(RoleRequiredMixin, SleutelLijstMixin, ListView):
    """Meldingen and cases in maatwerk: crisis first, then the nearest legal deadline (keyset
    pages over the index of that order: the first and the last page cost the same)."""

    allowed_roles = (Rol.CONSULTANT, Rol.TEAMLEIDER)
    verwerking = DOEL
    template_name = "backoffice/werkvoorraad.html"
    sleutels = MAATWERK_VOLGORDE

    def laden(self, ids):
        return werkvoorraad_rijen(ids)

    def get_queryset(self):
        self.filterset = WerkvoorraadFilter(
            self.request.GET or None, queryset=werkvoorraad(self.request.user), user=self.request.user
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.filterset
        ctx["aantal_verstreken"] = aantal_verstreken(self.request.user, tot=MAX_VERSTREKEN)
        ctx["max_verstreken"] = MAX_VERSTREKEN
        ctx["max_verstreken_tekst"] = f"{MAX_VERSTREKEN:,}".replace(",", ".")
        ctx["vandaag"] = timezone.localdate()
        ctx["mag_claimen"] = has_role(self.request.user, Rol.CONSULTANT)
        ctx["is_teamleider"] = has_role(self.request.user, Rol.TEAMLEIDER)
        # The queue shows inwoners' names: one row per person on the page, in one INSERT.
        log_personen(
            request=self.request,
            handeling=H.LEZEN,
            verwerkingsactiviteit=DOEL,
            inwoners=[casus.inwoner for casus in ctx["object_list"]],
        )
        return ctx


class ClaimenView(CasusMixin, View):
    """A consultant takes an unassigned melding (POST). Two at once: one wins, the other is told."""

    allowed_roles = (Rol.CONSULTANT,)
    http_method_names = ["post"]

    def post(self, request, nummer):
        casus = self.get_casus()
        try:
            casus = casus_claimen(casus=casus, door=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect("backoffice:werkvoorraad")
        messages.success(request, f"U behandelt nu casus {casus.nummer}.")
        return redirect(detail_url(casus))


class ToewijzenView(StapView):
    allowed_roles = (Rol.TEAMLEIDER,)
    actie = "toewijzen"
    form_class = ToewijzenForm
    titel = "Toewijzen aan een consulent"
    uitleg = "Wijs de casus toe aan (of opnieuw toe aan) een consulent van het team van de casus."
    knop = "Toewijzen"
    succes = "De casus is toegewezen."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "medewerkers": toewijsbare_medewerkers(self.get_casus())}

    def uitvoeren(self, form):
        casus_toewijzen_aan(
            casus=self.get_casus(),
            behandelaar=form.cleaned_data["behandelaar"],
            door=self.request.user,
            versie=form.cleaned_data["versie"],
        )
