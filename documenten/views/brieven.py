"""Letters from the case page: the overview, compose with preview and confirm, download."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from altena.forms import fout_naar_formulier
from intake.services import VersieConflict

from .. import gegevens, pdf, selectors, sjablonen
from ..forms import BriefForm
from ..models import Brief, BriefSoort
from ..services import BriefAlVerzonden, brief_opstellen, brief_verzenden, sjabloon_voor
from .base import CasusDocumentMixin, bestand_response


class DocumentenView(CasusDocumentMixin, TemplateView):
    """All letters and files of a case, and the letters its records call for."""

    template_name = "documenten/casus.html"

    def get_context_data(self, **kwargs):
        casus = self.get_casus()
        brieven = list(selectors.brieven_van(casus))
        verzonden = {b.sleutel for b in brieven}
        mogelijk = [m for m in selectors.mogelijke_brieven(casus) if m.sleutel not in verzonden]
        self.loggen("lezen", "casus", casus.pk)
        return super().get_context_data(
            casus=casus,
            brieven=brieven,
            mogelijk=mogelijk,
            documenten=list(selectors.documenten_van(casus)),
            **kwargs,
        )


class BriefView(CasusDocumentMixin, FormView):
    """Compose a letter: the form, a preview on 'Voorbeeld', the PDF on 'Bevestigen en verzenden'."""

    template_name = "documenten/brief.html"
    form_class = BriefForm

    @cached_property
    def onderwerp(self):
        soort = self.kwargs["soort"]
        if soort not in BriefSoort.values:
            raise Http404("Onbekende soort brief.")
        try:
            return gegevens.onderwerp_ophalen(self.get_casus(), soort, self.kwargs["object_id"])
        except LookupError as exc:
            raise Http404("Deze brief hoort niet bij deze casus.") from exc

    @cached_property
    def vervangt(self) -> Brief | None:
        pk = self.request.POST.get("vervangt") or self.request.GET.get("vervangt")
        if not pk:
            return None
        brief = Brief.objects.filter(casus=self.get_casus(), pk=pk if str(pk).isdigit() else 0).first()
        if brief is None:
            raise Http404("Deze brief hoort niet bij deze casus.")
        return brief

    @cached_property
    def sjabloon(self):
        try:
            return sjabloon_voor(self.get_casus(), self.kwargs["soort"])
        except ValidationError:
            return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["vrije_tekst"] = bool(
            self.sjabloon and sjablonen.gebruikt_veld(self.sjabloon.inhoud, "vrije_tekst")
        )
        return kwargs

    def get_context_data(self, **kwargs):
        self.onderwerp  # noqa: B018 - 404 before anything else
        return super().get_context_data(
            casus=self.get_casus(),
            soort=BriefSoort(self.kwargs["soort"]),
            vervangt=self.vervangt,
            geen_sjabloon=self.sjabloon is None,
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        self.onderwerp  # noqa: B018
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        casus, soort = self.get_casus(), self.kwargs["soort"]
        velden = dict(
            verzonden_op=form.cleaned_data["verzonden_op"],
            vrije_tekst=form.cleaned_data.get("vrije_tekst", ""),
        )
        if "bevestigen" not in self.request.POST:
            try:
                data, sjabloon, briefhoofd = brief_opstellen(
                    casus=casus, soort=soort, obj=self.onderwerp, **velden
                )
            except ValidationError as fout:
                fout_naar_formulier(form, fout)
                return self.form_invalid(form)
            voorbeeld = pdf.brief_html(
                onderwerp=sjabloon.onderwerp,
                inhoud=sjabloon.inhoud,
                context=data.context,
                briefhoofd=briefhoofd,
                vervangt=self.vervangt,
                volledig=False,
            )
            self.loggen("lezen", "casus", casus.pk)
            return self.render_to_response(self.get_context_data(form=form, voorbeeld=voorbeeld))
        try:
            brief = brief_verzenden(
                casus=casus,
                soort=soort,
                obj=self.onderwerp,
                kanaal=form.cleaned_data["kanaal"],
                door=self.request.user,
                vervangt=self.vervangt,
                **velden,
            )
        except BriefAlVerzonden as al:
            messages.info(self.request, str(al))
            return redirect(self.overzicht_url())
        except VersieConflict as conflict:
            form.add_error(None, str(conflict))
            return self.form_invalid(form)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        self.loggen("aanmaken", "brief", brief.pk)
        melding = f"{brief.get_soort_display()} verzonden op {brief.verzonden_op:%d-%m-%Y}."
        if brief.einde_bezwaartermijn:
            melding += f" Bezwaar of beroep mogelijk tot en met {brief.einde_bezwaartermijn:%d-%m-%Y}."
        messages.success(self.request, melding)
        return redirect(self.overzicht_url())


class BriefDownloadView(CasusDocumentMixin, View):
    """The inwoner's copy: the stored PDF, exactly as sent."""

    def get(self, request, *args, **kwargs):
        brief = Brief.objects.filter(casus=self.get_casus(), pk=kwargs["pk"]).select_related("casus").first()
        if brief is None:
            raise Http404("Deze brief bestaat niet.")
        self.loggen("lezen", "brief", brief.pk)
        return bestand_response(
            brief.bestand,
            naam=brief.bestandsnaam,
            content_type="application/pdf",
            sha256=brief.sha256,
            object_type="brief",
            object_id=brief.pk,
            casus_nummer=brief.casus.nummer,
        )
