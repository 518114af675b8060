"""The base of every maatwerk step page: the shared case mixin (role, scope, one 404), the
``versie`` in the form, the action table asked before the form is shown, and service errors shown
at the field with the input kept (the shared mapper)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from altena.access import Rol
from altena.forms import fout_naar_formulier
from altena.verwerkingen import log_verwerking
from intake.models import Casus
from intake.services import VersieConflict
from intake.views.base import CasusMixin as BasisCasusMixin

from ..acties import ACTIES, Stand
from ..selectors import casus_voor

DOEL = "Maatwerk sociaal domein"


def doel_van(casus: Casus) -> str:
    return f"{DOEL} ({casus.get_wet_display()})" if casus.wet else DOEL


class CasusMixin(BasisCasusMixin):
    """The shared case mixin with backoffice's roles and selector (maatwerk relations loaded)."""

    allowed_roles = (Rol.CONSULTANT, Rol.TEAMLEIDER)
    casus_selector = staticmethod(casus_voor)
    verwerking = DOEL

    def doel_voor(self, casus: Casus) -> str:
        return doel_van(casus)


def detail_url(casus: Casus) -> str:
    return reverse("backoffice:casus", kwargs={"nummer": casus.nummer})


class StapView(CasusMixin, FormView):
    """A form for one maatwerk step. Subclasses set ``titel``, ``form_class`` and ``uitvoeren``.

    With ``actie`` (a name in ``backoffice.acties.ACTIES``) the page asks the action table first:
    when the step may not happen now it says why (e.g. "leg eerst de aanvraag vast") instead of
    showing a form that the service would refuse after it was filled in."""

    template_name = "backoffice/stap.html"
    titel = ""
    uitleg = ""
    knop = "Opslaan"
    succes = "Opgeslagen."
    actie: str | None = None

    def niet_nu(self) -> str | None:
        """Why this step may not happen now (None when it may)."""
        if self.actie is None:
            return None
        return ACTIES.reden_niet(Stand(self.get_casus()), self.actie)

    def get(self, request, *args, **kwargs):
        reden = self.niet_nu()
        if reden is not None:
            return self.render_to_response(self.get_context_data(form=None, niet_nu=reden))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        reden = self.niet_nu()
        if reden is not None:
            messages.error(request, reden)
            return redirect(detail_url(self.get_casus()))
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        return {"versie": self.get_casus().versie}

    def get_context_data(self, **kwargs):
        from ..selectors import relevante_termijnen

        ctx = super().get_context_data(**kwargs)
        casus = self.get_casus()
        ctx.update(
            casus=casus,
            titel=self.titel,
            uitleg=self.uitleg,
            knop=self.knop,
            termijnen=list(relevante_termijnen().filter(casus=casus).order_by("uiterste_datum")),
        )
        return ctx

    def uitvoeren(self, form):  # pragma: no cover - every subclass implements it
        raise NotImplementedError

    def form_valid(self, form):
        casus = self.get_casus()
        try:
            self.uitvoeren(form)
        except (VersieConflict, ValidationError) as fout:
            fout_naar_formulier(form, fout)
            return self.form_invalid(form)
        log_verwerking(
            request=self.request,
            handeling="wijzigen",
            verwerkingsactiviteit=doel_van(casus),
            object_type="casus",
            object_id=casus.pk,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
        )
        messages.success(self.request, self.succes)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return detail_url(self.get_casus())
