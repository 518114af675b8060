"""The consultant's case detail: everything about the case on one page."""

from django.utils import timezone
from django.views.generic import TemplateView

from altena.access import Rol, has_role
from altena.verwerkingen import log_personen, log_verwerking
from intake.models import Wet
from intake.workflow import Fase, is_toegestaan

from .. import termijnen as tw
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
        fase = casus.fase
        consultant = has_role(user, Rol.CONSULTANT)
        bezwaar_tot = next(
            (b.bezwaartermijn for b in dossier["besluiten"] if b.bezwaartermijn.uiterste_datum >= vandaag),
            None,
        )
        ctx.update(
            casus=casus,
            bezwaar_tot=bezwaar_tot,
            vandaag=vandaag,
            volgende_termijn=next(
                (
                    t
                    for t in sorted(dossier["lopende_termijnen"], key=lambda t: t.uiterste_datum)
                    if not (t.soort == tw.Soort.WMO_PLAN and t.uiterste_datum < vandaag)
                ),
                None,
            ),
            onderzoek_open=onderzoek_open,
            open_aanvraag=open_aanvraag,
            kan=dict(
                claimen=consultant and casus.behandelaar_id is None and casus.is_open,
                toewijzen=has_role(user, Rol.TEAMLEIDER) and casus.is_open,
                onderzoek_starten=onderzoek_open is None
                and (fase == Fase.MELDING or (fase == Fase.AANVRAAG and casus.wet != Wet.WMO)),
                plan=casus.wet == Wet.WMO and fase in (Fase.MELDING, Fase.ONDERZOEK),
                aanvraag=is_toegestaan(fase, Fase.AANVRAAG)
                and fase in (Fase.MELDING, Fase.ONDERZOEK, Fase.IN_ZORG),
                voorschot=open_aanvraag is not None
                and open_aanvraag.voorschot_gevraagd
                and not open_aanvraag.voorschot_verleend_op,
                besluit=fase == Fase.AANVRAAG,
                zorg_starten=fase == Fase.BESLUIT and any(v.is_lopend for v in dossier["voorzieningen"]),
                afschalen=fase in (Fase.ONDERZOEK, Fase.BESLUIT, Fase.IN_ZORG),
                afsluiten=casus.is_open,
                bezwaar=fase in (Fase.BESLUIT, Fase.IN_ZORG, Fase.AFGESLOTEN, Fase.VERWEZEN),
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
