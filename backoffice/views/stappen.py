"""One page per maatwerk step; each hands its form to a service function."""

from django.http import Http404
from django.utils import timezone

from intake.forms import ZrmFormSet

from .. import services
from ..forms import (
    AanvraagForm,
    AfschalenForm,
    AfsluitenForm,
    BesluitForm,
    OnderzoekForm,
    OnderzoekStartenForm,
    PlanForm,
    VersieForm,
    VoorschotForm,
    VoorzieningBeeindigenForm,
    VoorzieningFormSet,
)
from ..models import Bezwaar, Voorziening
from ..selectors import laatste_onderzoek
from .base import StapView


class OnderzoekStartenView(StapView):
    actie = "onderzoek_starten"
    form_class = OnderzoekStartenForm
    titel = "Onderzoek starten"
    uitleg = "Het onderzoek (keukentafelgesprek) moet binnen zes weken na de melding zijn afgerond."
    knop = "Onderzoek starten"
    succes = "Het onderzoek is gestart."

    def get_initial(self):
        return {**super().get_initial(), "gestart_op": timezone.localdate()}

    def uitvoeren(self, form):
        services.onderzoek_starten(
            casus=self.get_casus(),
            door=self.request.user,
            versie=form.cleaned_data["versie"],
            gestart_op=form.cleaned_data["gestart_op"],
        )

    def get_success_url(self):
        from django.urls import reverse

        return reverse("backoffice:onderzoek", kwargs={"nummer": self.get_casus().nummer})


class OnderzoekView(StapView):
    """Record the keukentafelgesprek with ZRM scores for the relevant domains only."""

    actie = "onderzoek"
    form_class = OnderzoekForm
    titel = "Onderzoek (keukentafelgesprek)"
    uitleg = (
        "Leg het gesprek vast. Scoor alleen de ZRM-domeinen die voor de hulpvraag relevant zijn, elk met "
        "een reden; een volledige matrix is niet nodig en niet gewenst."
    )
    succes = "Het onderzoek is opgeslagen."

    def get_onderzoek(self):
        onderzoek = laatste_onderzoek(self.get_casus())
        if onderzoek is None or onderzoek.afgerond_op is not None:
            raise Http404("Er loopt geen onderzoek op deze casus.")
        return onderzoek

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "wet": self.get_casus().wet}

    def get_initial(self):
        o = self.get_onderzoek()
        velden = ("gesprek_datum", *services.proces.ONDERZOEK_VELDEN)
        return {**super().get_initial(), **{v: getattr(o, v) for v in velden}}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["formset"] = getattr(self, "formset", None) or ZrmFormSet(prefix="zrm")
        ctx["formset_titel"] = "ZRM-scores (alleen relevante domeinen)"
        return ctx

    def post(self, request, *args, **kwargs):
        self.formset = ZrmFormSet(request.POST, prefix="zrm")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not self.formset.is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def uitvoeren(self, form):
        data = form.cleaned_data
        scores = [f.cleaned_data for f in self.formset.forms if f.cleaned_data.get("domein")]
        try:
            services.onderzoek_vastleggen(
                onderzoek=self.get_onderzoek(),
                door=self.request.user,
                versie=data["versie"],
                gesprek_datum=data["gesprek_datum"],
                zrm_scores=scores,
                afronden=data["afronden"],
                **{v: data[v] for v in services.proces.ONDERZOEK_VELDEN},
            )
        except services.proces.ValidationError as fout:
            if not hasattr(fout, "error_dict"):  # the ZRM service reports a list
                self.formset._non_form_errors = self.formset.error_class(fout.messages)
            raise


class PlanView(StapView):
    actie = "plan"
    form_class = PlanForm
    titel = "Persoonlijk plan ontvangen"
    uitleg = (
        "De inwoner mag binnen zeven dagen na de melding een persoonlijk plan inleveren "
        "(Wmo 2015 art. 2.3.2)."
    )
    succes = "Het persoonlijk plan is vastgelegd."

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.plan_ontvangen(
            casus=self.get_casus(),
            ontvangen_op=d["ontvangen_op"],
            samenvatting=d["samenvatting"],
            door=self.request.user,
            versie=d["versie"],
        )


class AanvraagView(StapView):
    actie = "aanvraag"
    form_class = AanvraagForm
    titel = "Aanvraag ontvangen"
    uitleg = (
        "Met de aanvraag begint de beslistermijn: Wmo 2 weken (art. 2.3.5), Jeugdwet ten hoogste 8 weken en "
        "Participatiewet 8 weken (Awb 4:13); een voorschot binnen 4 weken (Participatiewet art. 52)."
    )
    succes = "De aanvraag is vastgelegd; de beslistermijn loopt."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "wet": self.get_casus().wet}

    def get_initial(self):
        return {**super().get_initial(), "ontvangen_op": timezone.localdate()}

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.aanvraag_ontvangen(
            casus=self.get_casus(),
            ontvangen_op=d["ontvangen_op"],
            omschrijving=d["omschrijving"],
            voorschot_gevraagd=d.get("voorschot_gevraagd", False),
            door=self.request.user,
            versie=d["versie"],
        )


class VoorschotView(StapView):
    actie = "voorschot"
    form_class = VoorschotForm
    titel = "Voorschot verlenen"
    uitleg = "Participatiewet art. 52: een voorschot binnen vier weken na de aanvraag."
    succes = "Het voorschot is vastgelegd."

    def uitvoeren(self, form):
        aanvraag = (
            self.get_casus()
            .aanvragen.filter(voorschot_gevraagd=True, voorschot_verleend_op__isnull=True)
            .first()
        )
        if aanvraag is None:
            raise services.proces.ValidationError("Er staat geen voorschot open.")
        services.voorschot_verlenen(
            aanvraag=aanvraag,
            verleend_op=form.cleaned_data["verleend_op"],
            door=self.request.user,
            versie=form.cleaned_data["versie"],
        )


class BesluitView(StapView):
    """The beschikking, with a voorziening per granted product (a formset)."""

    actie = "besluit"
    form_class = BesluitForm
    titel = "Besluit (beschikking)"
    uitleg = "Toekenning, gedeeltelijke toekenning of afwijzing, met motivering en wettelijke grondslag."
    knop = "Besluit vastleggen"
    succes = "Het besluit is vastgelegd."

    def get_na_bezwaar(self):
        pk = self.request.GET.get("na_bezwaar") or self.request.POST.get("na_bezwaar")
        if not pk:
            return None
        try:
            return Bezwaar.objects.get(pk=pk, casus=self.get_casus())
        except (Bezwaar.DoesNotExist, ValueError) as exc:
            raise Http404("Onbekend bezwaar.") from exc

    def niet_nu(self):
        if self.get_na_bezwaar() is not None:  # a new besluit after a gegrond bezwaar: its own checks
            return None
        return super().niet_nu()

    def get_initial(self):
        vandaag = timezone.localdate()
        return {
            **super().get_initial(),
            "besluitdatum": vandaag,
            "verzonden_op": vandaag,
            "grondslag": services.BESLUIT_GRONDSLAG.get(self.get_casus().wet, ""),
        }

    def get_formset(self, data=None):
        casus = self.get_casus()
        return VoorzieningFormSet(
            data,
            prefix="vz",
            form_kwargs={"wet": casus.wet, "geboortedatum": casus.inwoner.geboortedatum},
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["formset"] = getattr(self, "formset", None) or self.get_formset()
        ctx["formset_titel"] = "Voorzieningen (per toegekend product)"
        ctx["formset_per_rij"] = True
        ctx["na_bezwaar"] = self.get_na_bezwaar()
        if ctx["na_bezwaar"]:
            ctx["titel"] = "Nieuw besluit na gegrond bezwaar"
        return ctx

    def post(self, request, *args, **kwargs):
        self.formset = self.get_formset(request.POST)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not self.formset.is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.besluit_nemen(
            casus=self.get_casus(),
            soort=d["soort"],
            besluitdatum=d["besluitdatum"],
            verzonden_op=d["verzonden_op"],
            motivering=d["motivering"],
            grondslag=d["grondslag"],
            voorzieningen=self.formset.voorzieningen(),
            na_bezwaar=self.get_na_bezwaar(),
            door=self.request.user,
            versie=d["versie"],
        )


class ZorgStartenView(StapView):
    actie = "zorg_starten"
    form_class = VersieForm
    titel = "Zorg gestart"
    uitleg = "Leg vast dat de toegekende zorg is begonnen (fase besluit naar in zorg)."
    knop = "Zorg is gestart"
    succes = "De casus staat nu in zorg."

    def uitvoeren(self, form):
        services.zorg_starten(
            casus=self.get_casus(), door=self.request.user, versie=form.cleaned_data["versie"]
        )


class VoorzieningBeeindigenView(StapView):
    form_class = VoorzieningBeeindigenForm
    titel = "Voorziening beëindigen"
    uitleg = "Beëindig een voorziening eerder dan de toegekende einddatum, met de reden."
    knop = "Beëindigen"
    succes = "De voorziening is beëindigd."

    def get_voorziening(self):
        try:
            return Voorziening.objects.select_related("product").get(
                pk=self.kwargs["pk"], casus=self.get_casus()
            )
        except Voorziening.DoesNotExist as exc:
            raise Http404("Onbekende voorziening.") from exc

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "onderwerp": self.get_voorziening()}

    def get_initial(self):
        return {**super().get_initial(), "beeindigd_op": timezone.localdate()}

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.voorziening_beeindigen(
            voorziening=self.get_voorziening(),
            beeindigd_op=d["beeindigd_op"],
            reden=d["reden"],
            door=self.request.user,
            versie=d["versie"],
        )


class AfschalenView(StapView):
    actie = "afschalen"
    form_class = AfschalenForm
    titel = "Afschalen naar het voorliggend veld"
    uitleg = (
        "Het maatwerk stopt en een partner in de kern neemt het over. Lopende voorzieningen worden "
        "beëindigd; de verwijzing gaat via de voordeur en staat op de tijdlijn."
    )
    knop = "Afschalen en verwijzen"
    succes = "De casus is afgeschaald en verwezen."

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.casus_afschalen(
            casus=self.get_casus(),
            partner=d["partner"],
            toelichting=d["toelichting"],
            per=d["per"],
            door=self.request.user,
            versie=d["versie"],
            toestemming_scope=d["toestemming_scope"],
        )


class AfsluitenView(StapView):
    actie = "afsluiten"
    form_class = AfsluitenForm
    titel = "Casus afsluiten"
    uitleg = "Sluit de casus af met een reden. Lopende voorzieningen worden per vandaag beëindigd."
    knop = "Afsluiten"
    succes = "De casus is afgesloten."

    def uitvoeren(self, form):
        d = form.cleaned_data
        services.maatwerk_afsluiten(
            casus=self.get_casus(),
            reden=d["reden"],
            toelichting=d["toelichting"],
            door=self.request.user,
            versie=d["versie"],
        )
