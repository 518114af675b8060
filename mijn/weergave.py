"""What the inwoner reads: the state of a case, the next step and the legal clock in plain Dutch
(B1: short sentences, "u", no legal jargon without an explanation). The dates come from the stored
terms that backoffice computes (``backoffice.termijnen``); nothing is computed twice."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from backoffice.termijnen import REGELS, TermijnSoort
from intake.workflow import Fase

# (state in one sentence, what happens next)
FASE_UITLEG: dict[str, tuple[str, str]] = {
    Fase.AANGEMELD: (
        "Wij hebben uw vraag ontvangen.",
        "Een medewerker van het toegangsteam belt of mailt u binnen een paar werkdagen.",
    ),
    Fase.AFGEHANDELD: (
        "Uw vraag is beantwoord met informatie of advies.",
        "U hoeft niets te doen. Heeft u een nieuwe vraag? Doe dan een nieuwe melding.",
    ),
    Fase.VERWEZEN: (
        "Wij hebben u doorverwezen naar een organisatie in uw buurt.",
        "Die organisatie neemt contact met u op. Hieronder ziet u welke organisatie dat is.",
    ),
    Fase.MELDING: (
        "Uw melding voor hulp van de gemeente is ontvangen.",
        "Een consulent maakt een afspraak voor een gesprek met u. Daarin kijken we samen wat u nodig heeft.",
    ),
    Fase.ONDERZOEK: (
        "Wij onderzoeken samen met u welke hulp u nodig heeft.",
        "Na het gesprek krijgt u een verslag. Daarna kunt u de hulp aanvragen.",
    ),
    Fase.AANVRAAG: (
        "Wij hebben uw aanvraag ontvangen.",
        "De gemeente neemt een besluit. U krijgt daarover een brief (een beschikking).",
    ),
    Fase.BESLUIT: (
        "De gemeente heeft een besluit genomen.",
        "Lees de brief bij 'Mijn brieven'. Bent u het er niet mee eens? Dan kunt u bezwaar maken.",
    ),
    Fase.IN_ZORG: (
        "U krijgt hulp.",
        "De zorgaanbieder geeft de hulp. Hieronder ziet u wanneer de hulp is begonnen.",
    ),
    Fase.AFGESLOTEN: (
        "Deze vraag is afgesloten.",
        "U hoeft niets te doen. Heeft u een nieuwe vraag? Doe dan een nieuwe melding.",
    ),
}

# What the gemeente must do by the date, per kind of term, in the inwoner's words.
TERMIJN_WAT: dict[str, str] = {
    TermijnSoort.WMO_ONDERZOEK: "het onderzoek naar uw situatie afronden",
    TermijnSoort.WMO_PLAN: "uw persoonlijk plan ontvangen (als u dat wilt maken)",
    TermijnSoort.WMO_BESCHIKKING: "een besluit nemen over uw aanvraag",
    TermijnSoort.JEUGD_BESCHIKKING: "een besluit nemen over uw aanvraag",
    TermijnSoort.PW_BESCHIKKING: "een besluit nemen over uw aanvraag",
    TermijnSoort.PW_VOORSCHOT: "u een voorschot geven als het besluit nog niet klaar is",
    TermijnSoort.BEZWAAR_BESLISSING: "beslissen op uw bezwaar",
}

NA: dict[str, str] = {
    "melding": "na uw melding",
    "aanvraag": "na uw aanvraag",
    "einde bezwaartermijn": "na het einde van de bezwaartermijn",
}


def datum(d: date | None) -> str:
    maanden = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    return f"{d.day} {maanden[d.month - 1]} {d.year}" if d else ""


@dataclass
class Klok:
    """One legal term, for the inwoner."""

    wat: str
    uiterste_datum: date
    regel: str
    grondslag: str
    lopend: bool
    afgerond_op: date | None
    opgeschort: list[dict] = field(default_factory=list)
    verdaagd: list[dict] = field(default_factory=list)
    stilstand_nu: dict | None = None
    van_inwoner: bool = False

    @property
    def zin(self) -> str:
        if self.van_inwoner:
            return f"U kunt tot en met {datum(self.uiterste_datum)} uw persoonlijk plan inleveren."
        if not self.lopend:
            return f"De gemeente moest uiterlijk {datum(self.uiterste_datum)} {self.wat}. Dit is gebeurd."
        if self.stilstand_nu:
            return (
                f"De gemeente moet {self.wat}. De termijn staat stil sinds "
                f"{datum(self.stilstand_nu['van'])}, dus de datum schuift op."
            )
        return f"De gemeente moet uiterlijk {datum(self.uiterste_datum)} {self.wat}."


def klok_van(termijn) -> Klok:
    regel = REGELS.get(termijn.soort)
    if regel is not None:
        uitleg = f"De wet zegt: binnen {regel.omschrijving} {NA.get(regel.na, 'na ' + regel.na)}."
        grondslag = regel.grondslag
    else:
        uitleg = "De wet zegt: binnen 6 weken na het einde van de bezwaartermijn (soms 12 weken)."
        grondslag = "Awb 7:10"
    opgeschort = [
        {"van": o.van, "tot": o.tot, "reden": o.reden, "dagen": o.dagen, "id": o.pk}
        for o in termijn.opschortingen.all()
    ]
    verdaagd = [
        {"op": v.medegedeeld_op, "nieuwe_datum": v.nieuwe_datum, "reden": v.mededeling}
        for v in termijn.verdagingen.all()
    ]
    if opgeschort and any(o["tot"] for o in opgeschort):
        dagen = sum(o["dagen"] or 0 for o in opgeschort)
        uitleg += f" De termijn heeft {dagen} dagen stilgestaan; die dagen komen erbij."
    if verdaagd:
        uitleg += " De gemeente heeft de termijn verlengd (verdaagd) en u dat laten weten."
    uitleg += (
        " Valt de laatste dag in een weekend of op een feestdag, dan wordt het de eerstvolgende werkdag."
    )
    return Klok(
        wat=TERMIJN_WAT.get(termijn.soort, "een besluit nemen"),
        uiterste_datum=termijn.uiterste_datum,
        regel=uitleg,
        grondslag=grondslag,
        lopend=termijn.afgerond_op is None,
        afgerond_op=termijn.afgerond_op,
        opgeschort=opgeschort,
        verdaagd=verdaagd,
        stilstand_nu=next((o for o in opgeschort if o["tot"] is None), None)
        if termijn.afgerond_op is None
        else None,
        van_inwoner=termijn.soort == TermijnSoort.WMO_PLAN,
    )


VERWIJZING_UITLEG = {
    "verstuurd": "Wij hebben uw vraag naar deze organisatie gestuurd. Zij nemen contact met u op.",
    "geaccepteerd": "Deze organisatie helpt u.",
    "afgewezen": "Deze organisatie kan u niet helpen. Wij zoeken samen met u verder.",
    "afgerond": "Deze organisatie heeft u geholpen. De hulp is klaar.",
}

HANDELING_WOORD = {
    "lezen": "ingezien",
    "zoeken": "ingezien",
    "aanmaken": "gewijzigd",
    "wijzigen": "gewijzigd",
    "vernietigen": "gewijzigd",
    "exporteren": "geëxporteerd",
}
