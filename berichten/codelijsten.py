"""The code lists of iWmo 3.2 and iJw 3.2 the messages use, as data (loaded into ``Code`` by
migration 0002; a test compares them with the published lists in ../shared/istandaarden).

Each list: id -> {code: betekenis}. The iJw and iWmo lists with one id (WJ...) are shared.
"""

from netwerk.istandaarden import IStandaardCategorie

WMO020 = {c.value: c.label[3:] for c in IStandaardCategorie if int(c.value) <= 18}
JZ020 = {c.value: c.label[3:] for c in IStandaardCategorie if int(c.value) >= 40}

WJ756 = {
    "01": "Minuut",
    "04": "Uur",
    "14": "Etmaal",
    "16": "Dagdeel (4 uur)",
    "82": "Stuks (output)",
    "83": "Euro's",
    "84": "Stuks (inspanning)",
}

WMO757 = {
    "1": "Per dag",
    "2": "Per week",
    "4": "Per maand",
    "6": "Totaal binnen geldigheidsduur toewijzing",
}

WMO588 = {
    "02": "Overlijden",
    "19": "Levering volgens plan beeindigd",
    "20": "Levering is tijdelijk beeindigd",
    "21": "Levering is eenzijdig door client beeindigd",
    "22": "Levering is eenzijdig door aanbieder beeindigd",
    "23": "Levering is in overeenstemming voortijdig beeindigd",
    "31": "Verhuizing naar een andere gemeente",
    "36": "Geinitieerd door de gemeente",
    "37": "In verband met wijzigingsverzoek",
    "38": "Overstap naar andere aanbieder",
    "39": "Uitstroom naar ander domein",
}

JZ588 = {
    "02": "Overlijden",
    "20": "Levering is tijdelijk beëindigd",
    "31": "Levering is volgens plan beëindigd",
    "32": "Voortijdig afgesloten, door cliënt",
    "33": "Voortijdig afgesloten, door aanbieder",
    "34": "Voortijdig afgesloten, in overleg",
    "35": "Voortijdig afgesloten, externe oorzaak",
    "36": "Geïnitieerd door de gemeente",
    "37": "In verband met wijzigingsverzoek",
    "38": "Overstap naar andere aanbieder",
    "39": "Uitstroom naar ander domein",
}

# Reden wijziging toewijzing (WMO002 / JZ002: the same codes).
WMO002 = {
    "02": "Cliënt overleden",
    "03": "Contractwijziging",
    "04": "Herbeoordeling: verlenging toewijzing",
    "05": "Herbeoordeling: verkorting toewijzing",
    "06": "Uitstroom naar ander domein",
    "07": "Verhuizing naar een andere gemeente",
    "08": "Wijziging leveringsvorm",
    "09": "Overstap naar andere aanbieder",
    "10": "Overgang naar nieuwe bekostigingssystematiek",
    "11": "Gemeentelijke herindeling",
    "12": "Geïnitieerd door de aanbieder",
    "13": "Verwijderd",
    "14": "Administratieve correctie",
}

COD327 = {
    "01": "Gemeente",
    "02": "Huisarts",
    "03": "Jeugdarts",
    "04": "Gecertificeerde instelling",
    "05": "Medisch specialist",
    "06": "Zelfverwijzer / geen verwijzer",
    "08": "Rechter, Officier van Justitie, functionaris Justitiële jeugdinrichting",
}

WJ759 = {
    "1": "Geen wijziging, maar nieuwe aanvraag",
    "2": "Past niet binnen budget",
    "3": "Geen contract",
    "4": "Past niet binnen contract",
    "5": "Andere gemeente",
    "6": "Stapeling",
    "7": "Zorginhoudelijke afkeur",
    "8": "Woonplaatsbeginsel",
    "9": "Leeftijdsgrens is bereikt",
}

WJ760 = {"1": "Verzoek afgewezen", "2": "Aanvraag in onderzoek"}

# Retourcodes (WJ001): the ones the technical rules of this project use, with the published
# meaning. "0200" is the "geen fouten" code of a berichtklasse.
WJ001 = {
    "0001": "Bericht is afgekeurd om technische redenen.",
    "0200": "Geen opmerking over deze berichtklasse.",
    "0233": "Berichtklasse is niet beoordeeld.",
    "8848": "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
    "9056": "Identificatie moet uniek zijn.",
    "S300": "Gemeentecode ongeldig.",
    "S329": "ProductCode ongeldig.",
    "9019": "Het regiebericht kan niet gekoppeld worden aan een toewijzing.",
    "9063": "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is",
    "9069": "Er is geen actueel startbericht met dezelfde sleutel.",
    "9071": "Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beeindigd is.",
    "9074": "Er is al een eerder bericht ontvangen met dezelfde sleutel.",
    "9347": "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein.",
    "9349": (
        "Het VOW bericht bevat niet alle actuele toegewezen producten van de cliënt, hetzij in "
        "OngewijzigdProduct, hetzij in TeWijzigenProduct."
    ),
    "9350": (
        "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het "
        "toewijzingnummer."
    ),
    "9351": "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.",
    "9374": "Er is al een verzoek onderhanden.",
}

CODELIJSTEN: dict[str, dict[str, str]] = {
    "WMO020": WMO020,
    "JZ020": JZ020,
    "WJ756": WJ756,
    "WMO757": WMO757,
    "WMO588": WMO588,
    "JZ588": JZ588,
    "WMO002": WMO002,
    "COD327": COD327,
    "WJ001": WJ001,
    "WJ759": WJ759,
    "WJ760": WJ760,
}

GEEN_FOUTEN = "0200"
GEEN_CONTRACT = "3"  # WJ759 reden afwijzing verzoek 3
TIJDELIJK_BEEINDIGD = "20"  # reden beëindiging 20 (Wmo and Jeugd): a pause, not an end
