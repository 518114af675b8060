"""The berichtenbox (overall and per case), a message with its errors and XML, the verzoeken to
judge, and the change of a voorziening (extension, volume). Consultants and teamleiders only;
every message and case within the user's scope; reads of personal data logged."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import DetailView, FormView, ListView

from altena.access import Rol, RoleRequiredMixin
from altena.forms import fout_naar_formulier
from altena.verwerkingen import log_verwerking
from backoffice.models import Voorziening
from intake.models import Casus
from intake.services import VersieConflict

from .codelijsten import GEEN_CONTRACT
from .filters import BerichtFilter
from .forms import VerzoekBeoordelenForm, VoorzieningWijzigenForm
from .models import Bericht, Verzoek
from .schema import configuratiefout
from .services.verzoeken import verzoek_afwijzen, verzoek_goedkeuren
from .services.wijzigen import voorziening_wijzigen

BEHANDELAARS = (Rol.CONSULTANT, Rol.TEAMLEIDER)
DOEL = "Berichtenverkeer iWmo/iJw met zorgaanbieders"


def _log(request, handeling, object_type, obj, casus):
    log_verwerking(
        request=request,
        handeling=handeling,
        verwerkingsactiviteit=DOEL,
        object_type=object_type,
        object_id=obj.pk,
        inwoner_id=casus.inwoner_id if casus else None,
        casus_nummer=casus.nummer if casus else "",
    )


# The project's one service-error-to-form mapper.


class BerichtenboxView(RoleRequiredMixin, ListView):
    allowed_roles = BEHANDELAARS
    verwerking = DOEL  # iWmo/iJw messages name the inwoner
    template_name = "berichten/box.html"
    paginate_by = 25
    casus = None

    def get_queryset(self):
        qs = Bericht.objects.zichtbaar_voor(self.request.user)
        if "nummer" in self.kwargs:
            try:
                self.casus = Casus.objects.zichtbaar_voor(self.request.user).get(nummer=self.kwargs["nummer"])
            except Casus.DoesNotExist as exc:
                raise Http404("Deze casus bestaat niet of valt buiten uw werkgebied.") from exc
            qs = qs.filter(casus=self.casus)
        qs = qs.select_related("casus", "aanbieder").defer("inhoud").order_by("-aangemaakt", "-id")
        self.filterset = BerichtFilter(self.request.GET or None, queryset=qs)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(filter=self.filterset, casus=self.casus, **kwargs)
        ctx["open_verzoeken"] = Verzoek.objects.filter(
            Casus.objects.zichtbaar_voor(self.request.user).bevat(),
            uitkomst=Verzoek.Uitkomst.OPEN,
            **({"casus": self.casus} if self.casus else {}),
        ).count()
        ctx["schemamelding"] = configuratiefout()
        if self.casus:
            _log(self.request, "lezen", "berichten van casus", self.casus, self.casus)
        return ctx


class BerichtMixin(RoleRequiredMixin):
    allowed_roles = BEHANDELAARS
    verwerking = DOEL  # iWmo/iJw messages name the inwoner

    def get_object(self, queryset=None):
        try:
            return (
                Bericht.objects.zichtbaar_voor(self.request.user)
                .select_related("casus", "aanbieder", "antwoord_op")
                .get(pk=self.kwargs["pk"])
            )
        except Bericht.DoesNotExist as exc:
            raise Http404("Dit bericht bestaat niet of valt buiten uw werkgebied.") from exc


class BerichtView(BerichtMixin, DetailView):
    template_name = "berichten/bericht.html"
    context_object_name = "bericht"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        bericht = self.object
        ctx["antwoorden"] = bericht.antwoorden.defer("inhoud").order_by("pk")
        ctx["verzoek"] = Verzoek.objects.filter(bericht=bericht).first()
        _log(self.request, "lezen", "bericht", bericht, bericht.casus)
        return ctx


class BerichtXmlView(BerichtMixin, DetailView):
    def get(self, request, *args, **kwargs):
        bericht = self.get_object()
        _log(request, "exporteren", "bericht", bericht, bericht.casus)
        # The name of a received file is the sender's: only safe characters go into the header.
        naam = (
            re.sub(r"[^A-Za-z0-9._-]", "_", bericht.bestandsnaam or "")[:100] or f"bericht-{bericht.pk}.xml"
        )
        response = HttpResponse(bytes(bericht.inhoud), content_type="application/xml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response


def _verzoeken_voor(user):
    return Verzoek.objects.filter(Casus.objects.zichtbaar_voor(user).bevat()).select_related(
        "casus", "aanbieder", "bericht"
    )


class VerzoekenView(RoleRequiredMixin, ListView):
    allowed_roles = BEHANDELAARS
    verwerking = DOEL  # iWmo/iJw messages name the inwoner
    template_name = "berichten/verzoeken.html"
    paginate_by = 25

    def get_queryset(self):
        qs = _verzoeken_voor(self.request.user)
        if self.request.GET.get("alle") != "1":
            qs = qs.filter(uitkomst=Verzoek.Uitkomst.OPEN)
        return qs.order_by("aangemaakt", "pk")


class LadenMixin:
    """Load the object after the role check (RoleRequiredMixin.dispatch), before get/post."""

    def get(self, request, *args, **kwargs):
        self.laden()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.laden()
        return super().post(request, *args, **kwargs)


class VerzoekBeoordelenView(RoleRequiredMixin, LadenMixin, FormView):
    allowed_roles = (Rol.CONSULTANT,)
    verwerking = DOEL  # iWmo/iJw messages name the inwoner
    template_name = "berichten/verzoek.html"
    form_class = VerzoekBeoordelenForm

    def laden(self):
        try:
            self.verzoek = _verzoeken_voor(self.request.user).get(pk=self.kwargs["pk"])
        except Verzoek.DoesNotExist as exc:
            raise Http404("Dit verzoek bestaat niet of valt buiten uw werkgebied.") from exc

    def get_initial(self):
        if self.verzoek.zonder_contract:  # the answer the standard expects: WJ759 3 "Geen contract"
            return {"beslissing": "afwijzen", "reden": GEEN_CONTRACT}
        return {}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(verzoek=self.verzoek, **kwargs)
        _log(self.request, "lezen", "verzoek", self.verzoek, self.verzoek.casus)
        return ctx

    def form_valid(self, form):
        d = form.cleaned_data
        try:
            if d["beslissing"] == "goedkeuren":
                verzoek_goedkeuren(verzoek=self.verzoek, door=self.request.user, toelichting=d["toelichting"])
                messages.success(self.request, "Verzoek goedgekeurd: de toewijzing (301) is verstuurd.")
            else:
                verzoek_afwijzen(
                    verzoek=self.verzoek,
                    reden=d["reden"],
                    door=self.request.user,
                    toelichting=d["toelichting"],
                )
                messages.success(self.request, "Verzoek afgewezen: het antwoord (319) is verstuurd.")
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        _log(self.request, "wijzigen", "verzoek", self.verzoek, self.verzoek.casus)
        return redirect("berichten:casus", self.verzoek.casus.nummer)


class VoorzieningWijzigenView(RoleRequiredMixin, LadenMixin, FormView):
    """Extend a voorziening (the toewijzing keeps its number) or change its volume."""

    allowed_roles = (Rol.CONSULTANT,)
    verwerking = DOEL  # iWmo/iJw messages name the inwoner
    template_name = "berichten/wijzigen.html"
    form_class = VoorzieningWijzigenForm

    def laden(self):
        try:
            self.voorziening = (
                Voorziening.objects.select_related("casus", "product", "aanbieder")
                .filter(Casus.objects.zichtbaar_voor(self.request.user).bevat())
                .get(pk=self.kwargs["pk"], beeindigd_op__isnull=True)
            )
        except Voorziening.DoesNotExist as exc:
            raise Http404(
                "Deze voorziening bestaat niet, is beëindigd of valt buiten uw werkgebied."
            ) from exc

    def get_initial(self):
        return {"einddatum": self.voorziening.einddatum, "versie": self.voorziening.casus.versie}

    def get_context_data(self, **kwargs):
        return super().get_context_data(voorziening=self.voorziening, **kwargs)

    def form_valid(self, form):
        d = form.cleaned_data
        try:
            voorziening_wijzigen(
                voorziening=self.voorziening,
                door=self.request.user,
                einddatum=d.get("einddatum"),
                volume=d.get("volume"),
                versie=d["versie"],
            )
        except VersieConflict:
            form.add_error(None, "Iemand anders heeft deze casus intussen gewijzigd. Laad de pagina opnieuw.")
            return self.form_invalid(form)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        _log(self.request, "wijzigen", "voorziening", self.voorziening, self.voorziening.casus)
        messages.success(self.request, "De voorziening is gewijzigd en de toewijzing (301) is verstuurd.")
        return redirect(reverse("backoffice:casus", kwargs={"nummer": self.voorziening.casus.nummer}))
