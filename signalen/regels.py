"""The default thresholds of the rules (seeded by migration 0002, restorable by
``standaardregels_aanmaken``) and which unit each rule counts in."""

from .models import Eenheid, Regel

# code: (drempel, eenheid, herhalen_na_dagen, toelichting)
STANDAARD: dict[str, tuple[int, str, int, str]] = {
    Regel.TERMIJN_NADERT: (
        5,
        Eenheid.WERKDAGEN,
        0,
        "Aan de behandelaar: zoveel werkdagen (Algemene termijnenwet) voor de uiterste datum van een "
        "wettelijke termijn.",
    ),
    Regel.TERMIJN_VERSTREKEN: (
        0,
        Eenheid.DAGEN,
        7,
        "Escalatie aan de teamleider: zoveel dagen na de uiterste datum (0: de dag erna), en opnieuw "
        "elke zoveel dagen zolang de termijn overschreden blijft.",
    ),
    Regel.MELDING_NIET_TOEGEWEZEN: (
        3,
        Eenheid.WERKDAGEN,
        0,
        "Aan de teamleider: een melding die langer dan zoveel werkdagen geen behandelaar heeft.",
    ),
    Regel.CRISIS_NIET_OPGEPAKT: (
        4,
        Eenheid.UREN,
        0,
        "Aan de teamleider: een crisis die na zoveel uur nog niemand heeft opgepakt.",
    ),
    Regel.VERWIJZING_ZONDER_TERUGKOPPELING: (
        6,
        Eenheid.WEKEN,
        0,
        "Opschaling: aan de regisseur (of behandelaar) als een partner na zoveel weken niet heeft "
        "teruggekoppeld.",
    ),
    Regel.VOORZIENING_EINDIGT: (
        8,
        Eenheid.WEKEN,
        0,
        "Afschaling: aan de behandelaar zoveel weken voor de einddatum van een voorziening.",
    ),
    Regel.BEZWAAR_NADERT: (
        10,
        Eenheid.WERKDAGEN,
        0,
        "Aan behandelaar en teamleider: zoveel werkdagen voor het einde van de beslistermijn op bezwaar.",
    ),
    Regel.BEZWAAR_VERSTREKEN: (
        0,
        Eenheid.DAGEN,
        7,
        "Aan behandelaar en teamleider: zoveel dagen na het einde van de beslistermijn op bezwaar, en "
        "opnieuw elke zoveel dagen zolang er niet is beslist.",
    ),
    Regel.VERWIJZING_NIET_GEACCEPTEERD: (
        5,
        Eenheid.WERKDAGEN,
        0,
        "Aan wie verwees: een verwijzing die de partner na zoveel werkdagen nog niet heeft geaccepteerd.",
    ),
    Regel.VERWIJZING_AFGEWEZEN: (
        14,
        Eenheid.DAGEN,
        0,
        "Aan wie verwees: een partner wees de verwijzing af (afwijzingen van de afgelopen zoveel dagen, "
        "zodat een gemiste sweep ze inhaalt).",
    ),
    Regel.PARTNER_OPSCHALING: (
        14,
        Eenheid.DAGEN,
        0,
        "Aan wie verwees en de teamleider: een partner vraagt opschaling naar maatwerk (verzoeken van de "
        "afgelopen zoveel dagen, zolang de casus nog verwezen is).",
    ),
    Regel.PARTNER_TERUGKOPPELING: (
        14,
        Eenheid.DAGEN,
        0,
        "Aan wie verwees: een partner accepteerde, legde eerste contact vast of gaf terugkoppeling "
        "(antwoorden van de afgelopen zoveel dagen).",
    ),
    Regel.VERZOEK_ONTVANGEN: (
        0,
        Eenheid.DAGEN,
        0,
        "Aan de behandelaar: een zorgaanbieder vraagt om een toewijzing (315) of een wijziging (317).",
    ),
    Regel.RETOUR_MET_FOUTEN: (
        0,
        Eenheid.DAGEN,
        0,
        "Aan de behandelaar: de zorgaanbieder meldt fouten in een toewijzing (301) of antwoord (319).",
    ),
    Regel.GEEN_STARTBERICHT: (
        4,
        Eenheid.WEKEN,
        0,
        "Aan de behandelaar: een toewijzing zonder startbericht (305) zoveel weken na de ingangsdatum.",
    ),
}
