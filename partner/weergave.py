"""What a partner sees of a referral: only the fields the inwoner consented to share at referral
(``Verwijzing.gedeelde_gegevens``), plus the referring staff member and how to reach them. Never the
BSN, never another case, never the maatwerk history: those are not even read here."""

from __future__ import annotations

from dataclasses import dataclass, field

from intake.models import GedeeldGegeven, Verwijzing
from netwerk.leefgebieden import Leefgebied
from netwerk.models import Gemeente

G = GedeeldGegeven


@dataclass
class Gegeven:
    code: str
    label: str
    waarde: str

    @property
    def is_citaat(self) -> bool:
        """The inwoner's own words (the hulpvraag), shown as a quotation."""
        return self.code == G.HULPVRAAG


@dataclass
class GedeeldeVerwijzing:
    verwijzing: Verwijzing
    gegevens: list[Gegeven] = field(default_factory=list)
    naam: str = ""
    kern: str = ""

    @property
    def pk(self):
        return self.verwijzing.pk


def _waarde(verwijzing: Verwijzing, code: str) -> str:
    casus = verwijzing.casus
    inwoner = casus.inwoner
    if code == G.NAAM:
        return inwoner.naam
    if code == G.KERN:
        return casus.kern.naam
    if code == G.ADRES:
        return inwoner.adres
    if code == G.TELEFOON:
        return inwoner.telefoon or "niet bekend"
    if code == G.EMAIL:
        return inwoner.email or "niet bekend"
    if code == G.GEBOORTEDATUM:
        return f"{inwoner.geboortedatum:%d-%m-%Y}"
    if code == G.HULPVRAAG:
        return casus.hulpvraag
    if code == G.LEEFGEBIEDEN:
        return ", ".join(Leefgebied(c).label for c in casus.leefgebieden if c in Leefgebied.values)
    raise ValueError(code)  # pragma: no cover - every choice is handled above


def gedeeld(verwijzing: Verwijzing) -> GedeeldeVerwijzing:
    """The consented fields, in the fixed order of the choices."""
    codes = [c for c in G.values if verwijzing.deelt(c)]
    gegevens = [Gegeven(c, G(c).label, _waarde(verwijzing, c)) for c in codes]
    return GedeeldeVerwijzing(
        verwijzing=verwijzing,
        gegevens=gegevens,
        naam=_waarde(verwijzing, G.NAAM) if G.NAAM in codes else "",
        kern=_waarde(verwijzing, G.KERN) if G.KERN in codes else "",
    )


def verwijzer_contact(verwijzing: Verwijzing) -> dict:
    """Who referred and how to reach them: name, e-mail, team and the gemeente's phone number."""
    door = verwijzing.door
    casus = verwijzing.casus
    gemeente = Gemeente.objects.filter(naam=casus.kern.gemeente).first()
    return {
        "naam": (door.get_full_name() or door.username) if door else "",
        "email": door.email if door else "",
        "team": casus.team.naam if casus.team_id else "",
        "gemeente": gemeente,
    }
