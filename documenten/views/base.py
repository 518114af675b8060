"""Shared by the documenten views: role, case in the user's scope, logging, errors at the field."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.urls import reverse

from altena.access import Rol
from altena.verwerkingen import log_verwerking
from intake.views.base import CasusMixin

from .. import integriteit, selectors

DOEL = "Maatwerk sociaal domein"


class CasusDocumentMixin(CasusMixin):
    """The project's one case view mixin (one 404 contract) with documenten's roles and selector."""

    allowed_roles = (Rol.CONSULTANT, Rol.TEAMLEIDER)
    casus_selector = staticmethod(selectors.casus_voor)
    verwerking = DOEL  # see docs/verwerkingenlog.md

    def doel_voor(self, casus) -> str:
        return f"{DOEL} ({casus.get_wet_display()})" if casus.wet else DOEL

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


# The project's one service-error-to-form mapper.


def bestand_response(
    veld, *, naam: str, content_type: str, sha256: str, object_type: str, object_id, casus_nummer: str
) -> FileResponse:
    """Serve a stored file, only when it still matches the SHA-256 recorded when it was stored."""
    try:
        fh = veld.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404("Het bestand is niet gevonden.") from exc
    try:
        integriteit.controleer(
            fh, verwacht=sha256, object_type=object_type, object_id=object_id, casus_nummer=casus_nummer
        )
    except PermissionDenied:
        fh.close()
        raise
    response = FileResponse(fh, as_attachment=True, filename=naam, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
