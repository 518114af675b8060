"""The front-door work queue at /intake/."""

from django.views.generic import ListView

from altena.access import Rol, has_role
from altena.pagination import SleutelLijstMixin
from netwerk.models import Kern

from .. import selectors
from ..filters import WerkvoorraadFilter
from ..models.casus import VOORDEUR_VOLGORDE
from ..scope import gemeenten_van
from ..verwerking import INZAGE, H, log_personen
from .base import LEZERS, CasusMixin


class WerkvoorraadView(CasusMixin, SleutelLijstMixin, ListView):
    """New and open front-door cases in the user's scope, crisis first, filtered, in keyset pages
    over the index of that order (the first and the last page cost the same)."""

    allowed_roles = LEZERS
    template_name = "intake/werkvoorraad.html"
    sleutels = VOORDEUR_VOLGORDE

    def laden(self, ids):
        return selectors.werkvoorraad_rijen(ids)

    def get_queryset(self):
        kernen = Kern.objects.filter(gemeente__in=gemeenten_van(self.request.user))
        self.filterset = WerkvoorraadFilter(
            self.request.GET or None, queryset=selectors.werkvoorraad(self.request.user), kernen=kernen
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(
            filter=self.filterset, mag_registreren=has_role(self.request.user, Rol.FRONTOFFICE), **kwargs
        )
        # The queue shows inwoners' names: a read of personal data, logged in one INSERT.
        log_personen(
            request=self.request,
            handeling=H.LEZEN,
            verwerkingsactiviteit=INZAGE,
            inwoners={casus.inwoner.pk: casus.inwoner for casus in ctx["object_list"]}.values(),
        )
        return ctx
