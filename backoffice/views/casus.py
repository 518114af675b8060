"""The consultant's case detail: everything about the case on one page."""

from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from altena import panelen
from altena.verwerkingen import log_personen, log_verwerking
from intake.models import Wet

from .. import termijnen as tw
from ..acties import ACTIES, stand_uit_dossier
from ..selectors import atw_feestdagen, casus_dossier
from .base import CasusMixin, doel_van

REGIE = "Maatwerk sociaal domein: regie huishouden (1 gezin 1 plan)"


class CasusDetailView(CasusMixin, TemplateView):
    template_name = "backoffice/casus.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        casus = self.get_casus()
        user = self.request.user
        dossier = casus_dossier(casus, user)
        vandaag = timezone.localdate()
        feestdagen = atw_feestdagen()
        for besluit in dossier["besluiten"]:
            besluit.bezwaartermijn = tw.bereken_einde_bezwaartermijn(
                besluit.verzonden_op, feestdagen=feestdagen
            )
        onderzoek_open = next((o for o in dossier["onderzoeken"] if o.afgerond_op is None), None)
        open_aanvraag = next((a for a in dossier["aanvragen"] if not a.besluiten.all()), None)
        bezwaar_tot = next(
            (b.bezwaartermijn for b in dossier["besluiten"] if b.bezwaartermijn.uiterste_datum >= vandaag),
            None,
        )
        stand = stand_uit_dossier(casus, dossier, vandaag)
        ctx.update(
            casus=casus,
            bezwaar_tot=bezwaar_tot,
            vandaag=vandaag,
            volgende_termijn=next(
                (
                    t
                    for t in sorted(dossier["lopende_termijnen"], key=lambda t: t.uiterste_datum)
                    if not (t.soort == tw.TermijnSoort.WMO_PLAN and t.uiterste_datum < vandaag)
                ),
                None,
            ),
            onderzoek_open=onderzoek_open,
            open_aanvraag=open_aanvraag,
            # The buttons come from the action table the services also check (backoffice.acties).
            kan=ACTIES.voor(user, stand),
            toon_leveringsvorm=casus.wet != Wet.PARTICIPATIEWET,  # natura or pgb: Wmo and Jeugdwet
            intake_url=reverse("intake:casus", kwargs={"nummer": casus.nummer}),
            # Documents and toewijzingen: higher apps fill these places (altena.panelen).
            panelen=panelen.weergeven(
                self.request, casus, "backoffice.casus.hoofd", "backoffice.casus.zijkant"
            ),
            **dossier,
        )
        log_verwerking(
            request=self.request,
            handeling="lezen",
            verwerkingsactiviteit=doel_van(casus),
            object_type="casus",
            object_id=casus.pk,
            inwoner_id=casus.inwoner_id,
            casus_nummer=casus.nummer,
        )
        # The household members named on the page (stapeling, their voorzieningen) are read too.
        huisgenoten = [c.inwoner for c in dossier["stapeling"]]
        huisgenoten += [v.casus.inwoner for v in dossier["huishouden_voorzieningen"]]
        log_personen(
            request=self.request,
            handeling="lezen",
            verwerkingsactiviteit=REGIE,
            inwoners=[i for i in huisgenoten if i.pk != casus.inwoner_id],
        )
        return ctx
