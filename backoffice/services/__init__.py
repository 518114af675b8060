"""Writes of the backoffice: keyword-only, one transaction each, the case locked first.

One module per concept (termijnen, proces, besluit, bezwaar); import them from here."""

from .bekendmaking import besluit_bekendmaken, besluit_bekendmaken_vergrendeld, einde_bezwaartermijn
from .besluit import (
    AFSLUITREDENEN,
    BESLUIT_GRONDSLAG,
    besluit_nemen,
    besluit_valideren,
    casus_afschalen,
    maatwerk_afsluiten,
    voorziening_beeindigen,
    voorziening_fouten,
    zorg_starten,
)
from .bezwaar import bezwaar_beslissen, bezwaar_kan_nieuw_besluit, bezwaar_registreren
from .melding import voorziening_gestart, voorziening_gestopt
from .mutaties import mutatie_vastleggen, mutaties_vastleggen
from .proces import (
    AlInBehandeling,
    aanvraag_ontvangen,
    casus_claimen,
    casus_toewijzen_aan,
    onderzoek_starten,
    onderzoek_vastleggen,
    plan_ontvangen,
    toewijsbare_medewerkers,
    voorschot_verlenen,
)
from .termijnen import (
    termijn_herberekenen,
    termijn_hervatten,
    termijn_opschorten,
    termijn_starten,
    termijn_verdagen,
    termijnen_afronden,
    termijnen_bij_aanvraag,
    termijnen_bij_overgang,
    termijnen_herberekenen_rond,
)

__all__ = [
    "mutatie_vastleggen",
    "mutaties_vastleggen",
    "voorziening_gestart",
    "voorziening_gestopt",
    "AFSLUITREDENEN",
    "BESLUIT_GRONDSLAG",
    "AlInBehandeling",
    "aanvraag_ontvangen",
    "besluit_bekendmaken",
    "besluit_bekendmaken_vergrendeld",
    "besluit_nemen",
    "besluit_valideren",
    "bezwaar_beslissen",
    "bezwaar_kan_nieuw_besluit",
    "bezwaar_registreren",
    "casus_afschalen",
    "casus_claimen",
    "casus_toewijzen_aan",
    "einde_bezwaartermijn",
    "maatwerk_afsluiten",
    "onderzoek_starten",
    "onderzoek_vastleggen",
    "plan_ontvangen",
    "termijn_herberekenen",
    "termijn_hervatten",
    "termijn_opschorten",
    "termijn_starten",
    "termijn_verdagen",
    "termijnen_afronden",
    "termijnen_bij_aanvraag",
    "termijnen_bij_overgang",
    "termijnen_herberekenen_rond",
    "toewijsbare_medewerkers",
    "voorschot_verlenen",
    "voorziening_beeindigen",
    "voorziening_fouten",
    "zorg_starten",
]
