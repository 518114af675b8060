"""Triage: settle (afhandelen), refer (verwijzen) or scale up (opschalen); feedback and closing.

Each view hands its form to one service; a refused transition, a missing consent or a stale version
comes back as a Dutch message at the form with everything typed kept.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import FormView

from altena.access import Rol, RoleRequiredMixin
from netwerk.models import Kern, Partner

from .. import selectors, verwerking
from ..acties import ACTIES
from ..forms import (
    AfhandelenForm,
    AfsluitenForm,
    OpschalenForm,
    PartnerFilterForm,
    TerugkoppelingForm,
    VerwijzenForm,
)
from ..models import Casus, Verwijzing
from ..services import (
    VersieConflict,
    VerwijzingGewijzigd,
    casus_afhandelen,
    casus_afsluiten,
    casus_opschalen,
    verwijzing_maken,
    verwijzing_terugkoppeling,
)
from .base import CasusMixin, fout_naar_formulier


class TriageView(CasusMixin, FormView):
    """A form on one case that calls one service. Subclasses set ``actie`` and ``uitvoeren``."""

    allowed_roles = (Rol.FRONTOFFICE,)
    verwerking = verwerking.TRIAGE
    actie = ""
    template_name = "intake/triage.html"
    titel = ""

    def get(self, request, *args, **kwargs):
        if not self.toegestaan():
            return self.niet_toegestaan()
        self.log_inzage(verwerking.TRIAGE)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.toegestaan():
            # e.g. a colleague triaged the case meanwhile: keep what was typed, show the current state
            form = self.get_form()
            form.is_valid()
            form.add_error(None, self.niet_toegestaan_tekst())
            return self.render_to_response(self.get_context_data(form=form, huidig=self.casus))
        return super().post(request, *args, **kwargs)

    def toegestaan(self) -> bool:
        return ACTIES.voor(self.request.user, self.casus).get(self.actie, False)

    def niet_toegestaan_tekst(self) -> str:
        reden = ACTIES.reden_niet(self.casus, self.actie) or "U mag dit niet doen op deze casus."
        return f"{reden} Er is niets opgeslagen."

    def niet_toegestaan(self):
        messages.error(self.request, self.niet_toegestaan_tekst())
        return redirect("intake:casus", nummer=self.casus.nummer)

    def get_initial(self):
        return {"versie": self.casus.versie}

    def form_valid(self, form):
        try:
            melding = self.uitvoeren(form)
        except VersieConflict as exc:
            fout_naar_formulier(form, exc)
            return self.render_to_response(self.get_context_data(form=form, huidig=exc.casus))
        except ValidationError as exc:
            fout_naar_formulier(form, exc)
            return self.form_invalid(form)
        verwerking.log_verwerking(
            request=self.request,
            handeling=verwerking.H.WIJZIGEN,
            verwerkingsactiviteit=verwerking.TRIAGE,
            object_type="casus",
            object_id=self.casus.pk,
            inwoner_id=self.casus.inwoner_id,
            casus_nummer=self.casus.nummer,
        )
        messages.success(self.request, melding)
        return redirect("intake:casus", nummer=self.casus.nummer)

    def uitvoeren(self, form) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            casus=self.casus, titel=self.titel, acties=ACTIES.voor(self.request.user, self.casus), **kwargs
        )


class AfhandelenView(TriageView):
    form_class = AfhandelenForm
    actie = "afhandelen"
    titel = "Direct afhandelen"

    def uitvoeren(self, form):
        d = form.cleaned_data
        casus_afhandelen(casus=self.casus, door=self.request.user, notitie=d["notitie"], versie=d["versie"])
        return f"Casus {self.casus.nummer} is afgehandeld met informatie of advies."


class OpschalenView(TriageView):
    form_class = OpschalenForm
    actie = "opschalen"
    titel = "Opschalen naar maatwerk"

    def get_initial(self):
        """From a partner's opschaling request (``?verwijzing=<id>``): its reason, so opschalen is
        one step from the signal or the case page."""
        initial = super().get_initial()
        pk = self.request.GET.get("verwijzing", "")
        if pk.isdigit():
            v = self.casus.verwijzingen.select_related("partner").filter(pk=int(pk)).first()
            if v is not None and v.opschaling_reden:
                initial["reden"] = f"{v.partner.naam} vraagt opschaling: {v.opschaling_reden}"
        return initial

    def uitvoeren(self, form):
        d = form.cleaned_data
        casus = casus_opschalen(
            casus=self.casus,
            wet=d["wet"],
            reden=d["reden"],
            meldingsdatum=d["meldingsdatum"],
            door=self.request.user,
            versie=d["versie"],
        )
        team = f" bij {casus.team}" if casus.team else ""
        return (
            f"Casus {casus.nummer} is opgeschaald naar maatwerk ({casus.get_wet_display()}) als melding van "
            f"{casus.meldingsdatum:%d-%m-%Y}; de casus staat in de werkvoorraad maatwerk{team}."
        )


class AfsluitenView(TriageView):
    form_class = AfsluitenForm
    actie = "afsluiten"
    titel = "Casus afsluiten"

    def uitvoeren(self, form):
        d = form.cleaned_data
        casus_afsluiten(casus=self.casus, reden=d["reden"], door=self.request.user, versie=d["versie"])
        return f"Casus {self.casus.nummer} is afgesloten."


class VerwijzenView(TriageView):
    """Choose a partner from the sociale kaart, pre-filtered on the case's kern and leefgebieden;
    the filter (kern, leefgebied) is a GET form and stays in the URL of the POST."""

    allowed_roles = (Rol.FRONTOFFICE, Rol.CONSULTANT)
    form_class = VerwijzenForm
    actie = "verwijzen"
    titel = "Verwijzen naar het voorliggend veld"
    template_name = "intake/verwijzen.html"

    @cached_property
    def partner_filter(self):
        kernen = Kern.objects.filter(gemeente=self.casus.kern.gemeente)
        return PartnerFilterForm(
            self.request.GET or None, kernen=kernen, casus=self.casus, initial={"kern": self.casus.kern_id}
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "POST":  # any active partner of the municipality may be chosen
            kwargs["partners"] = Partner.objects.filter(actief=True, gemeente=self.casus.kern.gemeente)
        else:
            kwargs["partners"] = selectors.partners_voor_verwijzing(
                casus=self.casus, **self.partner_filter.filter_args()
            )
        return kwargs

    def form_invalid(self, form):
        form.fields["partner"].queryset = selectors.partners_voor_verwijzing(
            casus=self.casus, **self.partner_filter.filter_args()
        )
        return super().form_invalid(form)

    def uitvoeren(self, form):
        d = form.cleaned_data
        verwijzing_maken(
            casus=self.casus,
            partner=d["partner"],
            toelichting=d["toelichting"],
            door=self.request.user,
            versie=d["versie"],
            gedeelde_gegevens=d["gedeelde_gegevens"],
        )
        return f"Casus {self.casus.nummer} is verwezen naar {d['partner'].naam}."

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner_filter=self.partner_filter, **kwargs)


class TerugkoppelingView(RoleRequiredMixin, FormView):
    """Record what the partner reported back on a referral."""

    allowed_roles = (Rol.FRONTOFFICE, Rol.CONSULTANT)
    verwerking = verwerking.TRIAGE
    verwerking_object = "verwijzing"
    form_class = TerugkoppelingForm
    template_name = "intake/terugkoppeling.html"

    @cached_property
    def verwijzing(self) -> Verwijzing:
        verwijzing = (
            Verwijzing.objects.filter(
                Casus.objects.zichtbaar_voor(self.request.user).bevat(), pk=self.kwargs["pk"]
            )
            .select_related("casus", "casus__inwoner", "partner")
            .first()
        )
        if verwijzing is None:
            raise Http404("Deze verwijzing bestaat niet of valt buiten uw werkgebied.")
        return verwijzing

    def get(self, request, *args, **kwargs):
        if not self.verwijzing.volgende_statussen():
            messages.info(request, "Deze verwijzing is al afgerond.")
            return redirect("intake:casus", nummer=self.verwijzing.casus.nummer)
        casus = self.verwijzing.casus
        verwerking.log_verwerking(
            request=request,
            handeling=verwerking.H.LEZEN,
            verwerkingsactiviteit=verwerking.TRIAGE,
            object_type="verwijzing",
            object_id=self.verwijzing.pk,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
        )
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "verwijzing": self.verwijzing}

    def get_initial(self):
        return {"versie": self.verwijzing.versie}

    def form_valid(self, form):
        d = form.cleaned_data
        try:
            verwijzing_terugkoppeling(
                verwijzing=self.verwijzing,
                status=d["status"],
                tekst=d["tekst"],
                datum=d["datum"],
                door=self.request.user,
                versie=d["versie"],
            )
        except VerwijzingGewijzigd:
            form.add_error(None, "Een collega heeft intussen een terugkoppeling vastgelegd. Bekijk de casus.")
            return self.form_invalid(form)
        except ValidationError as exc:
            fout_naar_formulier(form, exc)
            return self.form_invalid(form)
        casus = self.verwijzing.casus
        verwerking.log_verwerking(
            request=self.request,
            handeling=verwerking.H.WIJZIGEN,
            verwerkingsactiviteit=verwerking.TRIAGE,
            object_type="verwijzing",
            object_id=self.verwijzing.pk,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
        )
        messages.success(self.request, f"Terugkoppeling van {self.verwijzing.partner.naam} vastgelegd.")
        return redirect("intake:casus", nummer=casus.nummer)

    def get_context_data(self, **kwargs):
        return super().get_context_data(verwijzing=self.verwijzing, casus=self.verwijzing.casus, **kwargs)
