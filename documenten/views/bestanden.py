"""The case's own files: upload (checked before anything is stored), download (logged), and
delete by marking."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView

from altena.forms import fout_naar_formulier

from ..forms import DocumentForm, VerwijderenForm
from ..models import CasusDocument
from ..services import document_toevoegen, document_verwijderen
from .base import CasusDocumentMixin, bestand_response


class DocumentToevoegenView(CasusDocumentMixin, FormView):
    template_name = "documenten/document_form.html"
    form_class = DocumentForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(casus=self.get_casus(), **kwargs)

    def form_valid(self, form):
        try:
            document = document_toevoegen(
                casus=self.get_casus(),
                upload=form.cleaned_data["bestand"],
                documenttype=form.cleaned_data["documenttype"],
                omschrijving=form.cleaned_data["omschrijving"],
                door=self.request.user,
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        self.loggen("aanmaken", "casusdocument", document.pk)
        messages.success(self.request, f"Document '{document.bestandsnaam}' toegevoegd.")
        return redirect(self.overzicht_url())


class DocumentMixin(CasusDocumentMixin):
    @cached_property
    def document(self) -> CasusDocument:
        document = CasusDocument.objects.actief().filter(casus=self.get_casus(), pk=self.kwargs["pk"]).first()
        if document is None:
            raise Http404("Dit document bestaat niet (meer).")
        return document


class DocumentDownloadView(DocumentMixin, View):
    def get(self, request, *args, **kwargs):
        document = self.document
        self.loggen("lezen", "casusdocument", document.pk)
        return bestand_response(
            document.bestand,
            naam=document.bestandsnaam,
            content_type=document.content_type,
            sha256=document.sha256,
            object_type="casusdocument",
            object_id=document.pk,
            casus_nummer=self.get_casus().nummer,
        )


class DocumentVerwijderenView(DocumentMixin, FormView):
    template_name = "documenten/document_verwijderen.html"
    form_class = VerwijderenForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(casus=self.get_casus(), document=self.document, **kwargs)

    def form_valid(self, form):
        try:
            document_verwijderen(
                document=self.document, reden=form.cleaned_data["reden"], door=self.request.user
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        self.loggen("wijzigen", "casusdocument", self.document.pk)
        messages.success(self.request, f"Document '{self.document.bestandsnaam}' verwijderd.")
        return redirect(self.overzicht_url())
