"""Writes of the intake app. Keyword-only functions, one transaction each, locking what they read.

One module per concept (casus, triage, inwoners); import them from ``intake.services``.
"""

from .casus import (
    BEWERKBARE_VELDEN,
    MogelijkDubbel,
    OvergangNietToegestaan,
    VersieConflict,
    casus_aanmaken,
    casus_bijwerken,
    casus_overgang,
    casus_toewijzen,
    gebeurtenis_toevoegen,
    gebeurtenissen_bulk_sql,
    intake_overgang,
    lock_casus,
    mogelijk_dubbel,
    overgang_uitvoeren,
    volgend_casusnummer,
)
from .inwoners import (
    BsnBestaatAl,
    HuishoudenConflict,
    huishouden_op_adres,
    huishouden_regisseur_toewijzen,
    inwoner_registreren,
    zrm_scores_vastleggen,
)
from .triage import (
    casus_afhandelen,
    casus_afsluiten,
    casus_opschalen,
    maatwerkteam_voor,
    verwijzing_maken,
    verwijzing_terugkoppeling,
)

__all__ = [
    "BEWERKBARE_VELDEN",
    "BsnBestaatAl",
    "HuishoudenConflict",
    "MogelijkDubbel",
    "OvergangNietToegestaan",
    "VersieConflict",
    "casus_aanmaken",
    "casus_afhandelen",
    "casus_afsluiten",
    "casus_bijwerken",
    "casus_opschalen",
    "casus_overgang",
    "casus_toewijzen",
    "gebeurtenis_toevoegen",
    "gebeurtenissen_bulk_sql",
    "huishouden_op_adres",
    "huishouden_regisseur_toewijzen",
    "intake_overgang",
    "inwoner_registreren",
    "lock_casus",
    "maatwerkteam_voor",
    "mogelijk_dubbel",
    "overgang_uitvoeren",
    "verwijzing_maken",
    "verwijzing_terugkoppeling",
    "volgend_casusnummer",
    "zrm_scores_vastleggen",
]
