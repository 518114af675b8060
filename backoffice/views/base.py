"""The base of every maatwerk step page: role check, case in the user's scope, the ``versie`` in
the form, and service errors shown at the field with the input kept."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from altena.access import Rol, RoleRequiredMixin
from altena.verwerkingen import log_verwerking, verwerkt_object
from intake.models import Casus
from intake.services import VersieConflict

from ..selectors import casus_voor

DOEL = "Maatwerk sociaal domein"


def doel_van(casus: Casus) -> str:
    return f"{DOEL} ({casus.get_wet_display()})" if casus.wet else DOEL


def fouten_naar_form(form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field when it names one of it."""
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            target = veld if veld in form.fields else None
            for e in lijst:
                form.add_error(target, e.messages[0] if hasattr(e, "messages") else e)
    else:
        for melding in fout.messages:
            form.add_error(None, melding)


class CasusMixin(RoleRequiredMixin):
    allowed_roles = (Rol.CONSULTANT, Rol.TEAMLEIDER)
    verwerking = DOEL

    def get_casus(self) -> Casus:
        if not hasattr(self, "_casus"):
            try:
                self._casus = casus_voor(self.request.user, self.kwargs["nummer"])
            except Casus.DoesNotExist as exc:
                raise Http404("Deze casus bestaat niet of valt buiten uw werkgebied.") from exc
            # Every step page shows the case: the middleware's row names it (GET included).
            verwerkt_object(
                self.request,
                object_type="casus",
                object_id=self._casus.pk,
                inwoner_id=self._casus.inwoner_id,
                casus_nummer=self._casus.nummer,
                doel=doel_van(self._casus),
            )
        return self._casus


def detail_url(casus: Casus) -> str:
    return reverse("backoffice:casus", kwargs={"nummer": casus.nummer})


class StapView(CasusMixin, FormView):
    """A form for one maatwerk step. Subclasses set ``titel``, ``form_class`` and ``uitvoeren``."""

    template_name = "backoffice/stap.html"
    titel = ""
    uitleg = ""
    knop = "Opslaan"
    succes = "Opgeslagen."

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
        except VersieConflict as conflict:
            form.add_error(None, str(conflict))
            messages.error(self.request, str(conflict))
            return self.form_invalid(form)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
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
