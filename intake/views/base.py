"""Shared pieces of the case views (front door and backoffice): finding the case in the user's
scope, and turning service errors (validation, stale version) into messages at the form."""

from __future__ import annotations

from django.http import Http404
from django.utils.functional import cached_property

from altena.access import Rol, RoleRequiredMixin, has_role
from altena.forms import fout_naar_formulier

from .. import selectors, verwerking

LEZERS = (Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER)


class CasusMixin(RoleRequiredMixin):
    """The one case view mixin of the project: the case named in the URL (``nummer``), only if the
    user may see it. The 404 contract: a case that does not exist and a case outside the user's
    scope give the same 404 with the same text, so a URL never hints that a case exists.

    ``casus_selector(user, nummer) -> Casus | None`` may be swapped for a selector that loads more
    (backoffice loads the maatwerk relations); scope always comes from ``zichtbaar_voor``."""

    casus_selector = staticmethod(selectors.casus_voor)
    NIET_GEVONDEN = "Deze casus bestaat niet of valt buiten uw werkgebied."

    verwerking = verwerking.INZAGE

    @cached_property
    def casus(self):
        casus = type(self).casus_selector(self.request.user, self.kwargs["nummer"])
        if casus is None:
            raise Http404(self.NIET_GEVONDEN)
        verwerking.verwerkt_object(
            self.request,
            object_type="casus",
            object_id=casus.pk,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
            doel=self.doel_voor(casus),
        )
        return casus

    def doel_voor(self, casus) -> str:
        """The purpose (doelbinding) of this page's processing; backoffice names the law."""
        return self.verwerking

    def get_casus(self):
        return self.casus

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


__all__ = ["LEZERS", "CasusMixin", "fout_naar_formulier"]
