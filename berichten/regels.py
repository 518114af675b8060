"""The Zorginstituut's rules a gemeente checks itself on a received 305, 307, 315 and 317, in the
project's own code (the official XSLT stays outside the project as the tests' oracle). Each rule
here carries the code the stylesheet uses, so a differential test can hold the two side by side
(tests/berichten/test_regels_differentieel.py). Retourcode 0001 for each, as the publication says.

Claimed: CS002 (BSN 11-proef), CS058 (StatusAanlevering 1 or 3 in 305/307), TR002 (birth date not
more than 120 years before the Dagtekening), TR018 (307: Einddatum not before Begindatum), CS003
(315/317: an end date not before the ingangsdatum). Other rules are left to the GGk's Validatiemodule
(docs/berichtenverkeer.md names them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

GECLAIMD = ("CS002", "CS058", "TR002", "TR018", "CS003")
OMSCHRIJVING = {
    "CS002": "Het BSN voldoet niet aan de 11-proef.",
    "CS058": "StatusAanlevering moet 1 (eerste aanlevering) of 3 (verwijderen) zijn.",
    "TR002": "De geboortedatum ligt meer dan 120 jaar vóór de dagtekening.",
    "TR018": "De einddatum ligt vóór de begindatum.",
    "CS003": "De einddatum ligt vóór de (gewenste) ingangsdatum.",
}


@dataclass(frozen=True)
class Regelfout:
    code: str
    klasse: str  # XPath of the berichtklasse that gets the retourcode

    @property
    def tekst(self) -> str:
        return f"{OMSCHRIJVING[self.code]} ({self.code})"


def elfproef(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    som = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1), strict=True)) - int(bsn[8])
    return som % 11 == 0


def _datum(tekst: str) -> date | None:
    try:
        return date.fromisoformat(tekst)
    except (TypeError, ValueError):
        return None


def _jaren_ervoor(d: date, jaren: int) -> date:
    try:
        return d.replace(year=d.year - jaren)
    except ValueError:  # 29 February
        return d.replace(year=d.year - jaren, day=28)


def controleren(g) -> list[Regelfout]:
    """The claimed rules on a read message (``berichten.xml.lezen.Gelezen``, valid against its XSD)."""
    nummer = g.bt.nummer
    if nummer not in ("305", "307", "315", "317"):
        return []
    fouten: list[Regelfout] = []
    client = g.root.find("m:Client", g.ns)
    if client is None:
        return []
    client_pad = g.pad(client)
    if not elfproef(g.tekst(client, "m:Bsn")):
        fouten.append(Regelfout("CS002", client_pad))
    geboren = _datum(g.tekst(client, "m:Geboortedatum/b:Datum"))
    dagtekening = _datum(g.kop.get("dagtekening", ""))
    if geboren and dagtekening and geboren < _jaren_ervoor(dagtekening, 120):
        fouten.append(Regelfout("TR002", client_pad))
    if nummer in ("305", "307"):
        klasse = "StartProduct" if nummer == "305" else "StopProduct"
        for product in g.alle(client, f"m:{klasse}en/m:{klasse}"):
            if g.tekst(product, "m:StatusAanlevering") not in ("1", "3"):
                fouten.append(Regelfout("CS058", g.pad(product)))
            if nummer == "307":
                begin, eind = (
                    _datum(g.tekst(product, "m:Begindatum")),
                    _datum(g.tekst(product, "m:Einddatum")),
                )
                if begin and eind and eind < begin:
                    fouten.append(Regelfout("TR018", g.pad(product)))
    paren = {
        "315": [
            (
                "m:AangevraagdeProducten/m:AangevraagdProduct",
                "m:ToewijzingIngangsdatum",
                "m:ToewijzingEinddatum",
            )
        ],
        "317": [
            ("m:Verzoek/m:NieuweProducten/m:NieuwProduct", "m:GewensteIngangsdatum", "m:Einddatum"),
            ("m:Verzoek/m:TeWijzigenProducten/m:TeWijzigenProduct", "m:GewensteIngangsdatum", "m:Einddatum"),
        ],
    }.get(nummer, [])
    for pad, begin_pad, eind_pad in paren:
        for product in g.alle(client, pad):
            begin, eind = _datum(g.tekst(product, begin_pad)), _datum(g.tekst(product, eind_pad))
            if begin and eind and eind < begin:
                fouten.append(Regelfout("CS003", g.pad(product)))
    return fouten
