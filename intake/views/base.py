"""Shared pieces of the front-door views: finding the case in the user's scope, and turning service
errors (validation, stale version) into messages at the form."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.functional import cached_property

from altena.access import Rol, RoleRequiredMixin, has_role

from .. import selectors, verwerking
from ..services import VersieConflict

LEZERS = (Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER)


class CasusMixin(RoleRequiredMixin):
    """The case named in the URL, only if the user may see it (404 otherwise: no hint it exists)."""

    verwerking = verwerking.INZAGE

    @cached_property
    def casus(self):
        casus = selectors.casus_voor(self.request.user, self.kwargs["nummer"])
        if casus is None:
            raise Http404("Deze casus bestaat niet of valt buiten uw werkgebied.")
        verwerking.verwerkt_object(
            self.request,
            object_type="casus",
            object_id=casus.pk,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
            doel=self.verwerking,
        )
        return casus

    def log_inzage(self, verwerkingsactiviteit: str = "") -> None:
        """A page that shows the case (who, where, what) is a read: one verwerkingenlogging row."""
        casus = self.casus
        verwerking.log_verwerking(
            request=self.request,
            handeling=verwerking.H.LEZEN,
            verwerkingsactiviteit=verwerkingsactiviteit or self.verwerking,
            object_type="casus",
            object_id=casus.pk,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
        )

    def is_frontoffice(self) -> bool:
        return has_role(self.request.user, Rol.FRONTOFFICE)


def fouten_naar_formulier(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field when it names one, else on top."""
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc)


def conflict_naar_formulier(form, exc: VersieConflict) -> None:
    """Keep what was typed, say what happened, and move the form to the current version so a
    deliberate second submit is possible after reading the current state."""
    form.add_error(None, str(exc))
    data = form.data.copy()
    data["versie"] = exc.casus.versie
    form.data = data
