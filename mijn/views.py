"""Mijn Toegang: the inwoner's own pages. Thin views; reads in ``selectors``, writes in ``services``.

Every page declares ``verwerking`` (the coverage test) and logs its own rows (``logboek``): the
project's VerwerkingMiddleware only logs staff users. A staff session never opens these pages (403,
logged as refused by that middleware); another inwoner's case, letter or file gives the same 404
as one that does not exist, logged as refused.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from altena.forms import fout_naar_formulier
from altena.verwerkingen import log_verwerking
from documenten.pdf import pdf_maken
from documenten.views.base import bestand_response
from intake.services import BsnBestaatAl, MogelijkDubbel, inwoner_registreren
from netwerk.models import Kern

from . import selectors, sessie, weergave
from .forms import AntwoordForm, MeldingForm, NieuweMeldingForm, UploadForm
from .logboek import DOEL, DOEL_MELDING, GEWEIGERD, H, log_inwoner
from .services import antwoord_geven, document_uploaden, melding_doen

NIET_GEVONDEN = "Deze pagina bestaat niet."
MEDEWERKER = (
    "Mijn Toegang is voor inwoners. U bent ingelogd als medewerker; log eerst uit als u als inwoner "
    "wilt inloggen."
)


@method_decorator(login_not_required, name="dispatch")
class MijnView(View):
    """Base of the portal's pages: no staff user; the pages behind DigiD need the inwoner."""

    verwerking = DOEL
    inwoner_nodig = True

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if not self.verwerking:  # declared pages are logged as refused by VerwerkingMiddleware
                log_verwerking(
                    request=request,
                    handeling=H.LEZEN,
                    verwerkingsactiviteit=DOEL,
                    object_type="pagina",
                    object_id=request.path,
                    resultaat=GEWEIGERD,
                )
            raise PermissionDenied(MEDEWERKER)
        self.inwoner = selectors.ingelogde_inwoner(request)
        if self.inwoner is None and self.inwoner_nodig:
            return redirect("mijn:start")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("inwoner", self.inwoner)
        kwargs.setdefault("demo", settings.MIJN_DEMO_IDP)
        return super().get_context_data(**kwargs)

    def log(self, handeling=H.LEZEN, *, object_type="inwoner", object_id=None, casus_nummer="", **kw):
        return log_inwoner(
            self.request,
            handeling=handeling,
            object_type=object_type,
            object_id=object_id if object_id is not None else self.inwoner.pk,
            inwoner_id=self.inwoner.pk,
            casus_nummer=casus_nummer,
            **kw,
        )

    def niet_gevonden(self, object_type: str, object_id) -> Http404:
        """The one 404 of the portal: the same for another inwoner's object and a non-existent one,
        logged as refused."""
        self.log(object_type=object_type, object_id=object_id, resultaat=GEWEIGERD)
        return Http404(NIET_GEVONDEN)


class StartView(MijnView, TemplateView):
    """/mijn/: log in with DigiD (or the demo), or straight on to the overview."""

    template_name = "mijn/start.html"
    inwoner_nodig = False
    verwerking = ""  # no personal data on this page

    def get(self, request, *args, **kwargs):
        if self.inwoner is not None:
            return redirect("mijn:overzicht")
        return super().get(request, *args, **kwargs)


class GeenKoppelingView(MijnView, FormView):
    """DigiD worked, but the BSN is not an inwoner of this gemeente's toegang. Says nothing about
    other gemeenten; offers the melding form (who, where, the question), which registers the person
    and the hulpvraag in the front door's queue, and the other ways to ask."""

    template_name = "mijn/geen_koppeling.html"
    form_class = NieuweMeldingForm
    inwoner_nodig = False
    verwerking = ""

    def get_initial(self):
        return {"indienings_token": uuid.uuid4()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(met_formulier=sessie.onbekend(self.request) is not None, **kwargs)

    def post(self, request, *args, **kwargs):
        if sessie.onbekend(request) is None:
            messages.info(request, "Log opnieuw in met DigiD om een melding te doen.")
            return redirect("mijn:start")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        bsn, gemeente = sessie.onbekend(self.request)
        data = form.cleaned_data
        kern = Kern.objects.van_gemeente(gemeente).voor_postcode(data["postcode"]).first()
        if kern is None:
            form.add_error("postcode", f"Deze postcode hoort niet bij de gemeente {gemeente}.")
            return self.form_invalid(form)
        try:
            with transaction.atomic():
                inwoner = inwoner_registreren(
                    door=None,
                    bsn=bsn,
                    voornamen=data["voornamen"],
                    achternaam=data["achternaam"],
                    geboortedatum=data["geboortedatum"],
                    straat=data["straat"],
                    huisnummer=data["huisnummer"],
                    postcode=data["postcode"],
                    woonplaats=data.get("woonplaats", ""),
                    telefoon=data.get("telefoon", ""),
                    kern=kern,
                )
                casus = melding_doen(
                    inwoner=inwoner,
                    hulpvraag=data["hulpvraag"],
                    leefgebieden=data["leefgebieden"],
                    indienings_token=data["indienings_token"],
                    dubbel_bevestigd=True,
                )
        except BsnBestaatAl:
            form.add_error(None, "Uw gegevens zijn net al geregistreerd. Log opnieuw in met DigiD.")
            return self.form_invalid(form)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        sessie.inwoner_inloggen(self.request, inwoner, middel="DigiD")
        log_inwoner(
            self.request,
            handeling=H.AANMAKEN,
            object_type="inwoner",
            object_id=inwoner.pk,
            inwoner_id=inwoner.pk,
            doel=DOEL_MELDING,
        )
        log_inwoner(
            self.request,
            handeling=H.AANMAKEN,
            object_type="casus",
            object_id=casus.pk,
            inwoner_id=inwoner.pk,
            casus_nummer=casus.nummer,
            doel=DOEL_MELDING,
        )
        return redirect("mijn:melding_ontvangen", nummer=casus.nummer)


class UitloggenView(MijnView):
    inwoner_nodig = False
    verwerking = ""

    def post(self, request):
        sessie.inwoner_uitloggen(request)
        messages.info(request, "U bent uitgelogd.")
        return redirect("mijn:start")


class OverzichtView(MijnView, TemplateView):
    template_name = "mijn/overzicht.html"

    def get_context_data(self, **kwargs):
        casussen = selectors.casussen_van(self.inwoner)
        self.log(object_type="inwoner", object_id=self.inwoner.pk)
        rijen = [{"casus": c, "uitleg": weergave.FASE_UITLEG.get(c.fase, ("", ""))} for c in casussen]
        return super().get_context_data(rijen=rijen, **kwargs)


class CasusMixin:
    @cached_property
    def casus(self):
        casus = selectors.casus_van(self.inwoner, self.kwargs["nummer"])
        if casus is None:
            raise self.niet_gevonden("casus", self.kwargs["nummer"][:50])
        return casus


class CasusView(CasusMixin, MijnView, TemplateView):
    template_name = "mijn/casus.html"

    def get_context_data(self, **kwargs):
        casus = self.casus
        namen = selectors.Portaalinstelling.namen_zichtbaar(casus.gemeente)
        self.log(object_type="casus", object_id=casus.pk, casus_nummer=casus.nummer)
        toestand, volgende = weergave.FASE_UITLEG.get(casus.fase, ("", ""))
        verwijzingen = [
            {"v": v, "uitleg": weergave.VERWIJZING_UITLEG.get(v.status, "")} for v in casus.verwijzingen.all()
        ]
        toewijzingen = [{"t": t, "leveringen": list(t.leveringen.all())} for t in casus.toewijzingen.all()]
        klokken = [weergave.klok_van(t) for t in casus.termijnen.all()]
        open_vragen = list(selectors.open_opschortingen(casus))
        return super().get_context_data(
            casus=casus,
            toestand=toestand,
            volgende=volgende,
            contact=selectors.contact_van(casus, namen),
            verwijzingen=verwijzingen,
            toewijzingen=toewijzingen,
            klokken=klokken,
            open_vragen=open_vragen,
            documenten=list(selectors.documenten_van(casus)),
            brieven=list(selectors.brieven_van(self.inwoner).filter(casus=casus)),
            datum=weergave.datum,
            **kwargs,
        )


class BrievenView(MijnView, TemplateView):
    template_name = "mijn/brieven.html"

    def get_context_data(self, **kwargs):
        brieven = list(selectors.brieven_van(self.inwoner).order_by("-verzonden_op", "-id"))
        self.log(object_type="brieven", object_id="lijst")
        return super().get_context_data(brieven=brieven, **kwargs)


class BriefDownloadView(MijnView):
    def get(self, request, pk):
        brief = selectors.brief_van(self.inwoner, pk)
        if brief is None:
            raise self.niet_gevonden("brief", pk)
        self.log(H.EXPORTEREN, object_type="brief", object_id=brief.pk, casus_nummer=brief.casus.nummer)
        return bestand_response(
            brief.bestand,
            naam=brief.bestandsnaam,
            content_type="application/pdf",
            sha256=brief.sha256,
            object_type="brief",
            object_id=brief.pk,
            casus_nummer=brief.casus.nummer,
        )


class DocumentDownloadView(CasusMixin, MijnView):
    def get(self, request, nummer, pk):
        document = selectors.documenten_van(self.casus).filter(pk=pk).first()
        if document is None:
            raise self.niet_gevonden("casusdocument", pk)
        self.log(
            H.EXPORTEREN, object_type="casusdocument", object_id=document.pk, casus_nummer=self.casus.nummer
        )
        return bestand_response(
            document.bestand,
            naam=document.bestandsnaam,
            content_type=document.content_type,
            sha256=document.sha256,
            object_type="casusdocument",
            object_id=document.pk,
            casus_nummer=self.casus.nummer,
        )


class MeldingView(MijnView, FormView):
    template_name = "mijn/melding.html"
    form_class = MeldingForm
    verwerking = DOEL_MELDING

    def get_initial(self):
        return {"indienings_token": uuid.uuid4(), "telefoon": self.inwoner.telefoon}

    def get_context_data(self, **kwargs):
        if self.request.method == "GET":
            self.log(object_type="inwoner", object_id=self.inwoner.pk, doel=DOEL_MELDING)
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            casus = melding_doen(
                inwoner=self.inwoner,
                hulpvraag=data["hulpvraag"],
                leefgebieden=data["leefgebieden"],
                telefoon=data.get("telefoon", ""),
                indienings_token=data["indienings_token"],
                dubbel_bevestigd=data.get("dubbel_bevestigd", False),
            )
        except MogelijkDubbel as dubbel:
            form.add_error(
                "dubbel_bevestigd",
                "U heeft kort geleden al een melding gedaan met dezelfde vraag "
                f"(zaak {dubbel.casus.nummer}). "
                "Is dit een andere vraag? Zet dan een vinkje en stuur de melding opnieuw.",
            )
            return self.form_invalid(form)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        self.log(
            H.AANMAKEN, object_type="casus", object_id=casus.pk, casus_nummer=casus.nummer, doel=DOEL_MELDING
        )
        return redirect("mijn:melding_ontvangen", nummer=casus.nummer)


class MeldingOntvangenView(CasusMixin, MijnView, TemplateView):
    template_name = "mijn/melding_ontvangen.html"
    verwerking = DOEL_MELDING

    def get_context_data(self, **kwargs):
        self.log(
            object_type="casus", object_id=self.casus.pk, casus_nummer=self.casus.nummer, doel=DOEL_MELDING
        )
        return super().get_context_data(casus=self.casus, **kwargs)


class UploadView(CasusMixin, MijnView, FormView):
    template_name = "mijn/upload.html"
    form_class = UploadForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(casus=self.casus, **kwargs)

    def get(self, request, *args, **kwargs):
        self.casus  # noqa: B018  (the 404 before the form)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            document = document_uploaden(
                casus=self.casus,
                upload=form.cleaned_data["bestand"],
                documenttype=form.cleaned_data["documenttype"],
                omschrijving=form.cleaned_data["omschrijving"],
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        self.log(
            H.AANMAKEN, object_type="casusdocument", object_id=document.pk, casus_nummer=self.casus.nummer
        )
        messages.success(self.request, f"Uw document '{document.bestandsnaam}' is toegevoegd aan uw zaak.")
        return redirect("mijn:casus", nummer=self.casus.nummer)


class AntwoordView(CasusMixin, MijnView, FormView):
    template_name = "mijn/antwoord.html"
    form_class = AntwoordForm

    @cached_property
    def opschorting(self):
        opschorting = selectors.open_opschortingen(self.casus).filter(pk=self.kwargs["pk"]).first()
        if opschorting is None:
            raise self.niet_gevonden("opschorting", self.kwargs["pk"])
        return opschorting

    def get(self, request, *args, **kwargs):
        self.opschorting  # noqa: B018
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(casus=self.casus, vraag=self.opschorting, **kwargs)

    def form_valid(self, form):
        try:
            antwoord = antwoord_geven(
                casus=self.casus,
                opschorting=self.opschorting,
                tekst=form.cleaned_data["tekst"],
                upload=form.cleaned_data.get("bestand"),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        self.log(
            H.AANMAKEN,
            object_type="informatieantwoord",
            object_id=antwoord.pk,
            casus_nummer=self.casus.nummer,
        )
        messages.success(self.request, "Bedankt. Uw antwoord is verstuurd naar uw consulent.")
        return redirect("mijn:casus", nummer=self.casus.nummer)


class WieKeekView(MijnView, TemplateView):
    """Who looked at my dossier: the verwerkingenlog about this inwoner (AVG art. 15)."""

    template_name = "mijn/wie_keek.html"
    PER_PAGINA = 50

    def regels(self, limiet=None):
        rijen = selectors.verwerkingen_over(self.inwoner)
        if limiet:
            rijen = rijen[:limiet]
        return selectors.regels_wie_keek(list(rijen), gemeente=self.inwoner.gemeente)

    def get_context_data(self, **kwargs):
        self.log(object_type="verwerkingenlog", object_id=self.inwoner.pk)
        return super().get_context_data(
            regels=self.regels(self.PER_PAGINA), per_pagina=self.PER_PAGINA, **kwargs
        )


class WieKeekPdfView(WieKeekView):
    """The AVG inzage export: the same list as a PDF, every row."""

    def get(self, request):
        html = render_to_string(
            "mijn/wie_keek_pdf.html",
            {"inwoner": self.inwoner, "regels": self.regels(), "gemaakt": timezone.localtime()},
        )
        self.log(H.EXPORTEREN, object_type="verwerkingenlog", object_id=self.inwoner.pk)
        response = HttpResponse(pdf_maken(html), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="inzage-verwerkingen.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


def terug_naar(nummer: str) -> str:
    return reverse("mijn:casus", kwargs={"nummer": nummer})
