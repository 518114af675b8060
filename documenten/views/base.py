"""Shared by the documenten views: role, case in the user's scope, logging, errors at the field."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.urls import reverse

from altena.access import Rol, RoleRequiredMixin
from altena.verwerkingen import log_verwerking
from intake.models import Casus

from .. import selectors

DOEL = "Maatwerk sociaal domein"


class CasusDocumentMixin(RoleRequiredMixin):
    allowed_roles = (Rol.CONSULTANT, Rol.TEAMLEIDER)

    def get_casus(self) -> Casus:
        if not hasattr(self, "_casus"):
            try:
                self._casus = selectors.casus_voor(self.request.user, self.kwargs["nummer"])
            except Casus.DoesNotExist as exc:
                raise Http404("Deze casus bestaat niet of valt buiten uw werkgebied.") from exc
        return self._casus

    def loggen(self, handeling: str, object_type: str, object_id) -> None:
        casus = self.get_casus()
        log_verwerking(
            request=self.request,
            handeling=handeling,
            verwerkingsactiviteit=f"{DOEL} ({casus.get_wet_display()})" if casus.wet else DOEL,
            object_type=object_type,
            object_id=object_id,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
        )

    def overzicht_url(self) -> str:
        return reverse("documenten:casus", kwargs={"nummer": self.get_casus().nummer})


def fouten_naar_form(form, fout: ValidationError) -> None:
    """A service's ValidationError on the form: at the field when it names one of it."""
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            doel = veld if veld in form.fields else None
            for e in lijst:
                for melding in e.messages:
                    form.add_error(doel, melding)
    else:
        for melding in fout.messages:
            form.add_error(None, melding)


def bestand_response(veld, *, naam: str, content_type: str) -> FileResponse:
    try:
        fh = veld.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404("Het bestand is niet gevonden.") from exc
    response = FileResponse(fh, as_attachment=True, filename=naam, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
