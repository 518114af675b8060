"""The default thresholds of the rules (seeded by migration 0002, restorable by
``standaardregels_aanmaken``) and which unit each rule counts in."""

from .models import DrempelEenheid, SignaalSoort

# code: (drempel, eenheid, herhalen_na_dagen, toelichting)
STANDAARD: dict[str, tuple[int, str, int, str]] = {
    SignaalSoort.TERMIJN_NADERT: (
        5,
        DrempelEenheid.WERKDAGEN,
        0,
        "Aan de behandelaar: zoveel werkdagen (Algemene termijnenwet) voor de uiterste datum van een "
        "wettelijke termijn.",
    ),
    SignaalSoort.TERMIJN_VERSTREKEN: (
        0,
        DrempelEenheid.DAGEN,
        7,
        "Escalatie aan de teamleider: zoveel dagen na de uiterste datum (0: de dag erna), en opnieuw "
        "elke zoveel dagen zolang de termijn overschreden blijft.",
    ),
    SignaalSoort.MELDING_NIET_TOEGEWEZEN: (
        3,
        DrempelEenheid.WERKDAGEN,
        0,
        "Aan de teamleider: een melding die langer dan zoveel werkdagen geen behandelaar heeft.",
    ),
    SignaalSoort.CRISIS_NIET_OPGEPAKT: (
        4,
        DrempelEenheid.UREN,
        0,
        "Aan de teamleider: een crisis die na zoveel uur nog niemand heeft opgepakt.",
    ),
    SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING: (
        6,
        DrempelEenheid.WEKEN,
        0,
        "Opschaling: aan de regisseur (of behandelaar) als een partner na zoveel weken niet heeft "
        "teruggekoppeld.",
    ),
    SignaalSoort.VOORZIENING_EINDIGT: (
        8,
        DrempelEenheid.WEKEN,
        0,
        "Afschaling: aan de behandelaar zoveel weken voor de einddatum van een voorziening.",
    ),
    SignaalSoort.BEZWAAR_NADERT: (
        10,
        DrempelEenheid.WERKDAGEN,
        0,
        "Aan behandelaar en teamleider: zoveel werkdagen voor het einde van de beslistermijn op bezwaar.",
    ),
    SignaalSoort.BEZWAAR_VERSTREKEN: (
        0,
        DrempelEenheid.DAGEN,
        7,
        "Aan behandelaar en teamleider: zoveel dagen na het einde van de beslistermijn op bezwaar, en "
        "opnieuw elke zoveel dagen zolang er niet is beslist.",
    ),
    SignaalSoort.VERWIJZING_NIET_GEACCEPTEERD: (
        5,
        DrempelEenheid.WERKDAGEN,
        0,
        "Aan wie verwees: een verwijzing die de partner na zoveel werkdagen nog niet heeft geaccepteerd.",
    ),
    SignaalSoort.VERWIJZING_AFGEWEZEN: (
        14,
        DrempelEenheid.DAGEN,
        0,
        "Aan wie verwees: een partner wees de verwijzing af (afwijzingen van de afgelopen zoveel dagen, "
        "zodat een gemiste sweep ze inhaalt).",
    ),
    SignaalSoort.PARTNER_OPSCHALING: (
        14,
        DrempelEenheid.DAGEN,
        0,
        "Aan wie verwees en de teamleider: een partner vraagt opschaling naar maatwerk (verzoeken van de "
        "afgelopen zoveel dagen, zolang de casus nog verwezen is).",
    ),
    SignaalSoort.PARTNER_TERUGKOPPELING: (
        14,
        DrempelEenheid.DAGEN,
        0,
        "Aan wie verwees: een partner accepteerde, legde eerste contact vast of gaf terugkoppeling "
        "(antwoorden van de afgelopen zoveel dagen).",
    ),
    SignaalSoort.VERZOEK_ONTVANGEN: (
        0,
        DrempelEenheid.DAGEN,
        0,
        "Aan de behandelaar: een zorgaanbieder vraagt om een toewijzing (315) of een wijziging (317).",
    ),
    SignaalSoort.RETOUR_MET_FOUTEN: (
        0,
        DrempelEenheid.DAGEN,
        0,
        "Aan de behandelaar: de zorgaanbieder meldt fouten in een toewijzing (301) of antwoord (319).",
    ),
    SignaalSoort.GEEN_STARTBERICHT: (
        4,
        DrempelEenheid.WEKEN,
        0,
        "Aan de behandelaar: een toewijzing zonder startbericht (305) zoveel weken na de ingangsdatum.",
    ),
    SignaalSoort.ZORG_GESTOPT: (
        0,
        DrempelEenheid.DAGEN,
        0,
        "Aan de regisseur (anders de behandelaar): de zorg van een voorziening is gestopt, gemeld door "
        "de zorgaanbieder (stopbericht 307) of de BRP (overlijden); één signaal per voorziening.",
    ),
}
