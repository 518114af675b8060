"""Pages for the legal terms (opschorten, hervatten, verdagen) and for bezwaar."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from .. import services
from ..forms import BezwaarBeslissenForm, BezwaarForm, HervattenForm, OpschortenForm, VerdagenForm
from ..models import Besluit, Bezwaar, Termijn
from .base import StapView


class TermijnMixin:
    def get_termijn(self):
        try:
            return Termijn.objects.select_related("bezwaar").get(pk=self.kwargs["pk"], casus=self.get_casus())
        except Termijn.DoesNotExist as exc:
            raise Http404("Onbekende termijn.") from exc

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "onderwerp": self.get_termijn()}


class OpschortenView(TermijnMixin, StapView):
    form_class = OpschortenForm
    titel = "Termijn opschorten"
    uitleg = (
        "De termijn staat stil zolang de inwoner de aanvraag aanvult, met schriftelijke instemming, of door "
        "vertraging aan de kant van de inwoner (Awb 4:15; bij bezwaar Awb 7:10 lid 2)."
    )
    knop = "Opschorten"
    succes = "De termijn is opgeschort."

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.termijn_opschorten(
            termijn=self.get_termijn(),
            van=d["van"],
            reden=d["reden"],
            door=self.request.user,
            versie=d["versie"],
        )


class HervattenView(TermijnMixin, StapView):
    form_class = HervattenForm
    titel = "Termijn hervatten"
    uitleg = "De dagen van de opschorting worden bij de termijn opgeteld."
    knop = "Hervatten"
    succes = "De termijn loopt weer; de uiterste datum is herberekend."

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.termijn_hervatten(
            termijn=self.get_termijn(), tot=d["tot"], door=self.request.user, versie=d["versie"]
        )


class VerdagenView(TermijnMixin, StapView):
    form_class = VerdagenForm
    titel = "Termijn verdagen"
    uitleg = (
        "Deel de inwoner binnen de termijn mee dat het besluit later komt, met een nieuwe redelijke termijn "
        "(Awb 4:14). Een beslissing op bezwaar kan één keer met ten hoogste zes weken worden verdaagd "
        "(Awb 7:10 lid 3)."
    )
    knop = "Verdagen"
    succes = "De termijn is verdaagd."

    def get_initial(self):
        return {**super().get_initial(), "medegedeeld_op": timezone.localdate()}

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.termijn_verdagen(
            termijn=self.get_termijn(),
            nieuwe_datum=d["nieuwe_datum"],
            medegedeeld_op=d["medegedeeld_op"],
            mededeling=d["mededeling"],
            met_instemming=d["met_instemming"],
            door=self.request.user,
            versie=d["versie"],
        )


class BezwaarView(StapView):
    form_class = BezwaarForm
    titel = "Bezwaar registreren"
    uitleg = (
        "Bezwaar kan tot zes weken na de dag waarop het besluit is verzonden (Awb 6:7, 6:8). Beslissen "
        "binnen zes weken, of twaalf met een adviescommissie, gerekend vanaf het einde van de "
        "bezwaartermijn (Awb 7:10)."
    )
    succes = "Het bezwaar is geregistreerd."

    def get_besluit(self):
        try:
            return Besluit.objects.get(pk=self.kwargs["pk"], casus=self.get_casus())
        except Besluit.DoesNotExist as exc:
            raise Http404("Onbekend besluit.") from exc

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "onderwerp": self.get_besluit()}

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.bezwaar_registreren(
            besluit=self.get_besluit(),
            ontvangen_op=d["ontvangen_op"],
            adviescommissie=d["adviescommissie"],
            gronden=d["gronden"],
            door=self.request.user,
            versie=d["versie"],
        )


class BezwaarBeslissenView(StapView):
    form_class = BezwaarBeslissenForm
    titel = "Beslissing op bezwaar"
    uitleg = (
        "Gegrond, ongegrond, niet-ontvankelijk of ingetrokken. Na een gegrond bezwaar volgt een nieuw "
        "besluit."
    )
    succes = "De beslissing op bezwaar is vastgelegd."

    def get_bezwaar(self):
        try:
            return Bezwaar.objects.get(pk=self.kwargs["pk"], casus=self.get_casus())
        except Bezwaar.DoesNotExist as exc:
            raise Http404("Onbekend bezwaar.") from exc

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "onderwerp": self.get_bezwaar()}

    def uitvoeren(self, form):
        d = form.cleaned_data
        self.bezwaar = services.bezwaar_beslissen(
            bezwaar=self.get_bezwaar(),
            uitkomst=d["uitkomst"],
            beslist_op=d["beslist_op"],
            toelichting=d["toelichting"],
            door=self.request.user,
            versie=d["versie"],
        )

    def get_success_url(self):
        if self.bezwaar.uitkomst == Bezwaar.Uitkomst.GEGROND:
            url = reverse("backoffice:besluit", kwargs={"nummer": self.get_casus().nummer})
            return f"{url}?na_bezwaar={self.bezwaar.pk}"
        return super().get_success_url()
