"""A case at the front door: its detail with the full timeline, and editing its intake part."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView

from altena.access import Rol

from .. import selectors, verwerking
from ..acties import ACTIES
from ..forms import CasusBewerkenForm
from ..routes import casus_url, is_maatwerk
from ..scope import werkgebied_kernen
from ..services import BEWERKBARE_VELDEN, VersieConflict, casus_bijwerken
from .base import LEZERS, CasusMixin, fout_naar_formulier


class CasusDetailView(CasusMixin, TemplateView):
    allowed_roles = LEZERS
    template_name = "intake/casus.html"

    def maatwerk_url(self, casus) -> str | None:
        """The link to the backoffice page, where both pages apply to this user and case."""
        url = casus_url(casus, self.request.user)
        return url if is_maatwerk(casus) and url != self.request.path else None

    def get_context_data(self, **kwargs):
        casus = self.casus
        self.log_inzage()
        return super().get_context_data(
            casus=casus,
            tijdlijn=selectors.tijdlijn(casus),
            verwijzingen=casus.verwijzingen.select_related("partner", "door", "terugkoppeling_door"),
            zrm_scores=casus.zrm_scores.select_related("door"),
            acties=ACTIES.voor(self.request.user, casus),
            maatwerk_url=self.maatwerk_url(casus),
            **kwargs,
        )


class CasusBewerkenView(CasusMixin, TemplateView):
    """Edit the intake part. A stale version gets a conflict message with the current state and the
    typed input kept; nothing is overwritten silently."""

    allowed_roles = (Rol.FRONTOFFICE,)
    template_name = "intake/casus_bewerken.html"

    def form_kwargs(self):
        return {
            "kernen": werkgebied_kernen(self.request.user),
            "partners": selectors.verwijzer_partners(self.request.user),
        }

    def gesloten(self):
        messages.error(
            self.request, "Deze casus is gesloten; de intakegegevens kunnen niet meer worden gewijzigd."
        )
        return redirect("intake:casus", nummer=self.casus.nummer)

    def get(self, request, *args, **kwargs):
        if not self.casus.is_open:
            return self.gesloten()
        form = CasusBewerkenForm(initial=CasusBewerkenForm.initial_voor(self.casus), **self.form_kwargs())
        self.log_inzage(verwerking.REGISTREREN)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        if not self.casus.is_open:
            return self.gesloten()
        form = CasusBewerkenForm(request.POST, **self.form_kwargs())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        velden = {k: v for k, v in form.cleaned_data.items() if k in BEWERKBARE_VELDEN}
        try:
            casus = casus_bijwerken(
                casus=self.casus, versie=form.cleaned_data["versie"], door=request.user, **velden
            )
        except VersieConflict as exc:
            fout_naar_formulier(form, exc)
            return self.render_to_response(self.get_context_data(form=form, huidig=exc.casus))
        except ValidationError as exc:
            fout_naar_formulier(form, exc)
            return self.render_to_response(self.get_context_data(form=form))
        verwerking.log_verwerking(
            request=request,
            handeling=verwerking.H.WIJZIGEN,
            verwerkingsactiviteit=verwerking.REGISTREREN,
            object_type="casus",
            object_id=casus.pk,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
        )
        messages.success(request, f"Casus {casus.nummer} is bijgewerkt.")
        return redirect("intake:casus", nummer=casus.nummer)

    def get_context_data(self, **kwargs):
        return super().get_context_data(casus=self.casus, **kwargs)
