"""The household view: 1 huishouden, 1 plan, 1 regisseur."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from altena import panelen
from altena.access import Rol, RoleRequiredMixin, has_role
from altena.namen import naam_van

from .. import selectors, verwerking
from ..forms import RegisseurForm
from ..services import HuishoudenConflict, huishouden_regisseur_toewijzen
from .base import LEZERS

REGIE_ROLLEN = (Rol.CONSULTANT, Rol.TEAMLEIDER)


class HuishoudenMixin(RoleRequiredMixin):
    verwerking = verwerking.HUISHOUDEN
    verwerking_object = "huishouden"

    @cached_property
    def huishouden(self):
        huishouden = selectors.huishouden_voor(self.request.user, self.kwargs["pk"])
        if huishouden is None:
            raise Http404("Dit huishouden bestaat niet of valt buiten uw werkgebied.")
        return huishouden


class HuishoudenView(HuishoudenMixin, TemplateView):
    """All members, all their cases across laws, the active referrals and the regisseur."""

    allowed_roles = LEZERS
    template_name = "intake/huishouden.html"

    def get_context_data(self, form=None, **kwargs):
        leden = list(selectors.huishouden_leden(self.huishouden))
        casussen = [c for lid in leden for c in lid.casussen.all()]
        zichtbaar = selectors.zichtbare_casus_ids(self.request.user, casussen)
        # Referrals say what a case is about: only those of cases in the user's own scope.
        verwijzingen = [v for c in casussen if c.pk in zichtbaar for v in c.actieve_verwijzingen]
        verwerking.log_personen(
            request=self.request,
            handeling=verwerking.H.LEZEN,
            verwerkingsactiviteit=verwerking.HUISHOUDEN,
            inwoners=leden,
        )
        if form is None and has_role(self.request.user, *REGIE_ROLLEN):
            form = RegisseurForm(
                initial={"regisseur": self.huishouden.regisseur_id, "versie": self.huishouden.versie},
                kandidaten=selectors.regisseur_kandidaten(self.request.user),
            )
        return super().get_context_data(
            huishouden=self.huishouden,
            leden=leden,
            aantal_open=sum(1 for c in casussen if c.is_open),
            verwijzingen=verwijzingen,
            zichtbaar=zichtbaar,
            regisseur_form=form,
            # The household's letters: documenten fills this place (altena.panelen).
            panelen=panelen.weergeven(self.request, self.huishouden, "intake.huishouden"),
            **kwargs,
        )


class RegisseurView(HuishoudenMixin, View):
    """Assign the household's regisseur (a consultant); POST only."""

    allowed_roles = REGIE_ROLLEN

    def post(self, request, *args, **kwargs):
        form = RegisseurForm(request.POST, kandidaten=selectors.regisseur_kandidaten(request.user))
        if form.is_valid():
            try:
                huishouden = huishouden_regisseur_toewijzen(
                    huishouden=self.huishouden,
                    regisseur=form.cleaned_data["regisseur"],
                    door=request.user,
                    versie=form.cleaned_data["versie"],
                )
            except HuishoudenConflict as exc:
                messages.error(request, str(exc))
                return redirect("intake:huishouden", pk=self.huishouden.pk)
            except ValidationError as exc:
                form.add_error("regisseur", exc.messages)
            else:
                regisseur = huishouden.regisseur
                naam = naam_van(regisseur, "niemand")
                verwerking.log_verwerking(
                    request=request,
                    handeling=verwerking.H.WIJZIGEN,
                    verwerkingsactiviteit=verwerking.HUISHOUDEN,
                    object_type="huishouden",
                    object_id=huishouden.pk,
                )
                messages.success(request, f"Regisseur van {huishouden.naam}: {naam}.")
                return redirect("intake:huishouden", pk=huishouden.pk)
        view = HuishoudenView(request=request, kwargs=self.kwargs, args=self.args)
        view.huishouden = self.huishouden
        return view.render_to_response(view.get_context_data(form=form))
