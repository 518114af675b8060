"""Step 1 and 2 of the front door: find or register the inwoner, then register the hulpvraag."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from altena.access import Rol, RoleRequiredMixin, has_role

from .. import selectors, verwerking
from ..forms import HulpvraagForm, InwonerForm, InwonerZoekForm, ZrmFormSet
from ..models import Casus, Inwoner
from ..routes import casus_url
from ..scope import werkgebied_kernen
from ..services import BsnBestaatAl, MogelijkDubbel, casus_aanmaken, inwoner_registreren
from .base import LEZERS, fout_naar_formulier

# The last search is kept in the session (never in a URL) to pre-fill the registration form.
ZOEK_SESSIE = "intake_laatste_zoekopdracht"
ZOEK_SESSIE_TIJD = "intake_laatste_zoekopdracht_tijd"


class NieuwView(RoleRequiredMixin, FormView):
    """Find the inwoner first, by POST so a BSN never appears in a URL or an access log."""

    allowed_roles = (Rol.FRONTOFFICE,)
    verwerking = verwerking.ZOEKEN
    template_name = "intake/nieuw.html"
    form_class = InwonerZoekForm

    def form_valid(self, form):
        data = form.cleaned_data
        resultaten = list(
            selectors.inwoners_zoeken(
                self.request.user,
                bsn=data.get("bsn", ""),
                achternaam=data.get("achternaam", ""),
                geboortedatum=data.get("geboortedatum"),
                postcode=data.get("postcode", ""),
                huisnummer=data.get("huisnummer", ""),
            )
        )
        if resultaten:
            verwerking.log_personen(
                request=self.request,
                handeling=verwerking.H.ZOEKEN,
                verwerkingsactiviteit=verwerking.ZOEKEN,
                inwoners=resultaten,
            )
        else:
            verwerking.log_verwerking(
                request=self.request,
                handeling=verwerking.H.ZOEKEN,
                verwerkingsactiviteit=verwerking.ZOEKEN,
                object_type="inwoner",
                object_id=f"zoeken op {data['zoekwijze']}",
                resultaat="niet gevonden",
            )
        if resultaten:
            self.request.session.pop(ZOEK_SESSIE, None)
        else:  # pre-fills the registration form; the session store is server-side, never a URL
            # The BSN never goes into the session (issue 21): the "register" button posts it along.
            self.request.session[ZOEK_SESSIE] = {
                k: (v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in data.items()
                if k in form.fields and v and k != "bsn"
            }
            self.request.session[ZOEK_SESSIE_TIJD] = int(time.time())
        return self.render_to_response(
            self.get_context_data(
                form=form, resultaten=resultaten, gezocht=True, zoek_bsn="" if resultaten else data.get("bsn")
            )
        )


class InwonerRegistrerenView(RoleRequiredMixin, FormView):
    allowed_roles = (Rol.FRONTOFFICE,)
    verwerking = verwerking.REGISTREREN
    verwerking_object = "inwoner"
    template_name = "intake/inwoner_registreren.html"
    form_class = InwonerForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # Only kernen of the user's werkgebied: the next step (the hulpvraag) is limited to it too.
        kwargs["kernen"] = werkgebied_kernen(self.request.user)
        return kwargs

    def get_initial(self):
        # Used once, and only within ZOEK_SESSIE_SECONDEN of the search: a BSN does not linger.
        laatste = self.request.session.pop(ZOEK_SESSIE, None) or {}
        gezocht = self.request.session.pop(ZOEK_SESSIE_TIJD, 0)
        if time.time() - gezocht > settings.ZOEK_SESSIE_SECONDEN:
            return {}
        return {k: v for k, v in laatste.items() if k in InwonerForm.base_fields}

    def post(self, request, *args, **kwargs):
        """The search page's "register" button posts the BSN searched for (never kept in the session):
        show the form pre-filled with it, unvalidated."""
        if request.POST.get("vooringevuld"):
            initial = self.get_initial()
            bsn = str(request.POST.get("bsn", ""))
            if bsn.isdigit() and len(bsn) == 9:
                initial["bsn"] = bsn
            form = self.form_class(initial=initial, **{"kernen": werkgebied_kernen(request.user)})
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k in form.fields}
        try:
            inwoner = inwoner_registreren(door=self.request.user, **data)
        except BsnBestaatAl as exc:
            form.add_error(None, exc)
            # Name and birth date only of a person the user may see (not of another municipality's).
            bestaand = selectors.inwoner_voor(self.request.user, exc.inwoner.pk)
            if bestaand is not None:
                verwerking.log_verwerking(
                    request=self.request,
                    handeling=verwerking.H.ZOEKEN,
                    verwerkingsactiviteit=verwerking.REGISTREREN,
                    object_type="inwoner",
                    object_id=bestaand.pk,
                    inwoner_id=bestaand.pk,
                )
            return self.render_to_response(self.get_context_data(form=form, bestaande_inwoner=bestaand))
        except ValidationError as exc:
            fout_naar_formulier(form, exc)
            return self.form_invalid(form)
        verwerking.log_verwerking(
            request=self.request,
            handeling=verwerking.H.AANMAKEN,
            verwerkingsactiviteit=verwerking.REGISTREREN,
            object_type="inwoner",
            object_id=inwoner.pk,
            inwoner_id=inwoner.pk,
        )
        self.request.session.pop(ZOEK_SESSIE, None)
        messages.success(self.request, f"{inwoner.naam} is geregistreerd. Registreer nu de hulpvraag.")
        return redirect("intake:hulpvraag", pk=inwoner.pk)


class InwonerMixin(RoleRequiredMixin):
    verwerking = verwerking.INZAGE
    verwerking_object = "inwoner"
    # True: only inwoners living in the user's werkgebied (registering work), not the whole gemeente.
    alleen_werkgebied = False

    @cached_property
    def inwoner(self) -> Inwoner:
        inwoner = selectors.inwoner_voor(
            self.request.user, self.kwargs["pk"], alleen_werkgebied=self.alleen_werkgebied
        )
        if inwoner is None:
            raise Http404("Deze inwoner bestaat niet of valt buiten uw werkgebied.")
        verwerking.verwerkt_object(
            self.request,
            object_type="inwoner",
            object_id=inwoner.pk,
            inwoner_id=inwoner.pk,
            doel=self.verwerking,
        )
        return inwoner


class InwonerView(InwonerMixin, TemplateView):
    """The person found: household and cases, so nobody registers a question already in hand."""

    allowed_roles = LEZERS
    template_name = "intake/inwoner.html"

    def get_context_data(self, **kwargs):
        inwoner = self.inwoner
        casussen = list(selectors.casussen_van_inwoner(inwoner))
        zichtbaar = selectors.zichtbare_casus_ids(self.request.user, casussen)
        huisgenoten = []
        if inwoner.huishouden_id:
            huisgenoten = list(inwoner.huishouden.leden.exclude(pk=inwoner.pk).order_by("geboortedatum"))
        verwerking.log_personen(  # the household members shown (name, birth year) are read too
            request=self.request,
            handeling=verwerking.H.LEZEN,
            verwerkingsactiviteit=verwerking.INZAGE,
            inwoners=[inwoner, *huisgenoten],
        )
        return super().get_context_data(
            inwoner=inwoner,
            casussen=casussen,
            open_casussen=[c for c in casussen if c.is_open],
            zichtbaar=zichtbaar,
            huisgenoten=huisgenoten,
            mag_registreren=has_role(self.request.user, Rol.FRONTOFFICE),
            **kwargs,
        )


class HulpvraagView(InwonerMixin, TemplateView):
    """Register the hulpvraag with an optional ZRM quick scan. A double submit makes one case."""

    allowed_roles = (Rol.FRONTOFFICE,)
    template_name = "intake/hulpvraag.html"
    verwerking = verwerking.REGISTREREN
    alleen_werkgebied = True

    def form_kwargs(self):
        return {
            "kernen": werkgebied_kernen(self.request.user),
            "partners": selectors.verwijzer_partners(self.request.user),
        }

    def get(self, request, *args, **kwargs):
        form = HulpvraagForm(initial={"kern": self.inwoner.kern_id}, **self.form_kwargs())
        return self.render_to_response(self.get_context_data(form=form, zrm=ZrmFormSet(prefix="zrm")))

    def post(self, request, *args, **kwargs):
        form = HulpvraagForm(request.POST, **self.form_kwargs())
        zrm = ZrmFormSet(request.POST, prefix="zrm")
        zrm.leefgebieden = request.POST.getlist("leefgebieden")
        if form.is_valid():
            bestaand = Casus.objects.filter(indienings_token=form.cleaned_data["indienings_token"]).first()
            if bestaand is not None:  # a browser retry after the first submit went through
                return self.al_geregistreerd(bestaand)
        if not (form.is_valid() and zrm.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, zrm=zrm))
        data = dict(form.cleaned_data)
        team = selectors.voordeurteam(request.user, data["kern"])
        try:
            with transaction.atomic():
                casus = casus_aanmaken(
                    inwoner=self.inwoner, door=request.user, team=team, zrm_scores=zrm.scores(), **data
                )
        except MogelijkDubbel as dubbel:
            # Ask before making it: the form comes back as typed, with the case it may duplicate.
            return self.render_to_response(self.get_context_data(form=form, zrm=zrm, dubbel=dubbel))
        except ValidationError as exc:
            fout_naar_formulier(form, exc)
            return self.render_to_response(self.get_context_data(form=form, zrm=zrm))
        if getattr(casus, "al_geregistreerd", False):  # an identical submit won the race
            return self.al_geregistreerd(casus)
        verwerking.log_verwerking(
            request=request,
            handeling=verwerking.H.AANMAKEN,
            verwerkingsactiviteit=verwerking.REGISTREREN,
            object_type="casus",
            object_id=casus.pk,
            inwoner_id=self.inwoner.pk,
            casus_nummer=casus.nummer,
        )
        messages.success(request, f"Hulpvraag geregistreerd als casus {casus.nummer}. Kies nu de triage.")
        return redirect("intake:casus", nummer=casus.nummer)

    def al_geregistreerd(self, casus):
        messages.info(self.request, f"Deze hulpvraag was al geregistreerd als casus {casus.nummer}.")
        return redirect(casus_url(casus, self.request.user))

    def get_context_data(self, **kwargs):
        open_casussen = [c for c in selectors.casussen_van_inwoner(self.inwoner) if c.is_open]
        return super().get_context_data(inwoner=self.inwoner, open_casussen=open_casussen, **kwargs)
