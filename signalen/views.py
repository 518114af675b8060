"""The inbox at /signalen/: open signals first, filter by kind, open (marks read), mark handled."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView, ListView

from altena.access import Rol, RoleRequiredMixin
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from . import selectors, services
from .bestemming import bestemming
from .filters import InboxFilter
from .forms import VoorkeurForm
from .models import Signaal, Voorkeur

ONTVANGERS = Rol.CASE_WORKERS
# Signals name cases (number, deadline text): pseudonymised personal data, logged per page.
SIGNALEN = "Signalen: termijnbewaking en escalatie"


class InboxView(RoleRequiredMixin, ListView):
    allowed_roles = ONTVANGERS
    verwerking = SIGNALEN
    template_name = "signalen/inbox.html"
    paginate_by = 25

    def get_queryset(self):
        self.filterset = InboxFilter(self.request.GET or None, queryset=selectors.inbox(self.request.user))
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter=self.filterset, **kwargs)


class SignaalOpenenView(RoleRequiredMixin, View):
    """Open a signal where its work is done (``signalen.bestemming``).

    POST (the inbox and dashboard buttons) marks it read and goes there. GET (a link in the daily
    e-mail, a bookmark) changes nothing and only goes there, so a prefetching browser or mail
    scanner never marks a signal read."""

    allowed_roles = ONTVANGERS
    NIET_GEVONDEN = "Dit signaal staat niet in uw inbox."
    verwerking = SIGNALEN

    def get(self, request, pk):
        signaal = selectors.signalen_voor(request.user).select_related("casus").filter(pk=pk).first()
        if signaal is None:
            raise Http404(self.NIET_GEVONDEN)
        return redirect(bestemming(signaal, request.user))

    def post(self, request, pk):
        try:
            signaal = services.signaal_gelezen(signaal_id=pk, door=request.user)
        except Signaal.DoesNotExist as exc:
            raise Http404(self.NIET_GEVONDEN) from exc
        return redirect(bestemming(signaal, request.user))


class SignaalAfhandelenView(RoleRequiredMixin, View):
    allowed_roles = ONTVANGERS
    verwerking = SIGNALEN

    def post(self, request, pk):
        try:
            services.signaal_afhandelen(signaal_id=pk, door=request.user)
        except Signaal.DoesNotExist as exc:
            raise Http404("Dit signaal staat niet in uw inbox.") from exc
        messages.success(request, "Het signaal is afgehandeld.")
        terug = request.POST.get("volgende", "")
        if not url_has_allowed_host_and_scheme(terug, {request.get_host()}, request.is_secure()):
            terug = reverse("signalen:inbox")
        return HttpResponseRedirect(terug)


class VoorkeurView(RoleRequiredMixin, FormView):
    allowed_roles = ONTVANGERS
    verwerking = GEEN_PERSOONSGEGEVENS
    template_name = "signalen/voorkeur.html"
    form_class = VoorkeurForm

    def get_initial(self):
        voorkeur = Voorkeur.objects.filter(gebruiker=self.request.user).first()
        return {"dagelijkse_mail": bool(voorkeur and voorkeur.dagelijkse_mail)}

    def form_valid(self, form):
        services.voorkeur_opslaan(
            gebruiker=self.request.user, dagelijkse_mail=form.cleaned_data["dagelijkse_mail"]
        )
        if form.cleaned_data["dagelijkse_mail"] and not self.request.user.email:
            messages.warning(
                self.request,
                "Er staat geen e-mailadres bij uw account; vraag de beheerder dit toe te voegen.",
            )
        else:
            messages.success(self.request, "Uw voorkeur is opgeslagen.")
        return redirect("signalen:inbox")
