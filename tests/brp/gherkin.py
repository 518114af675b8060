"""Just enough Gherkin to replay the BRP API's fout-case scenarios against the stand-in.

A scenario (or an Abstract Scenario expanded over its Voorbeelden) gives the request (the table
after "Als personen wordt gezocht met de volgende parameters") and the expected answer: the problem
object and its invalidParams, or "0 personen".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Scenario:
    naam: str
    bestand: str
    tags: list[str] = field(default_factory=list)
    parameters: list[tuple[str, str]] = field(default_factory=list)
    object: dict = field(default_factory=dict)
    invalid_params: list[dict] = field(default_factory=list)
    nul_personen: bool = False
    gegeven: bool = False


def _cellen(regel: str) -> list[str]:
    """The cells of a table row; ``\\|`` is a pipe inside a cell (as in a regular expression)."""
    binnen = regel.strip()[1:-1] if regel.strip().endswith("|") else regel.strip()[1:]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", binnen)]


def _tabel(regels: list[str], i: int) -> tuple[list[list[str]], int]:
    rijen = []
    while i < len(regels) and regels[i].strip().startswith("|"):
        rijen.append(_cellen(regels[i]))
        i += 1
    return rijen, i


def scenarios(pad: Path) -> list[Scenario]:
    regels = pad.read_text(encoding="utf-8").splitlines()
    uit: list[Scenario] = []
    tags: list[str] = []
    i = 0
    huidig: Scenario | None = None
    voorbeelden: list[list[str]] | None = None

    def afsluiten():
        if huidig is None:
            return
        if voorbeelden:
            kop, *rijen = voorbeelden
            for rij in rijen:
                waarden = dict(zip(kop, rij, strict=False))
                uit.append(_invullen(huidig, waarden))
        else:
            uit.append(huidig)

    while i < len(regels):
        tekst = regels[i].strip()
        if tekst.startswith("@"):
            tags = tekst.split()
        elif re.match(r"^(Abstract )?Scenario( Outline)?:", tekst) or tekst.startswith("Regel:"):
            afsluiten()
            huidig, voorbeelden = None, None
            if not tekst.startswith("Regel:"):
                huidig = Scenario(naam=tekst.split(":", 1)[1].strip(), bestand=pad.name, tags=tags)
            tags = []
        elif huidig is not None:
            if tekst.startswith("Gegeven"):
                huidig.gegeven = True
            elif tekst.startswith("Als personen wordt gezocht met de volgende parameters"):
                rijen, i = _tabel(regels, i + 1)
                huidig.parameters = [(r[0], r[1] if len(r) > 1 else "") for r in rijen[1:]]
                continue
            elif tekst.startswith("Dan heeft de response een object met de volgende gegevens"):
                rijen, i = _tabel(regels, i + 1)
                huidig.object = {r[0]: r[1] for r in rijen[1:]}
                continue
            elif "'invalidParams' gegevens" in tekst:
                rijen, i = _tabel(regels, i + 1)
                kop = rijen[0]
                huidig.invalid_params = [dict(zip(kop, r, strict=False)) for r in rijen[1:]]
                continue
            elif tekst.startswith("Dan heeft de response 0 personen"):
                huidig.nul_personen = True
            elif tekst.startswith("Voorbeelden:"):
                voorbeelden, i = _tabel(regels, i + 1)
                continue
        i += 1
    afsluiten()
    return uit


def _vervang(tekst: str, waarden: dict) -> str:
    for k, v in waarden.items():
        tekst = tekst.replace(f"<{k}>", v)
    return tekst


def _invullen(s: Scenario, waarden: dict) -> Scenario:
    return Scenario(
        naam=_vervang(s.naam, waarden) + f" [{', '.join(v[:30] for v in waarden.values())}]",
        bestand=s.bestand,
        tags=s.tags,
        parameters=[(_vervang(n, waarden), _vervang(w, waarden)) for n, w in s.parameters],
        object={k: _vervang(v, waarden) for k, v in s.object.items()},
        invalid_params=[{k: _vervang(v, waarden) for k, v in p.items()} for p in s.invalid_params],
        nul_personen=s.nul_personen,
        gegeven=s.gegeven,
    )


LIJSTEN = {"fields", "burgerservicenummer"}


def verzoek(s: Scenario) -> tuple[dict, dict]:
    """The JSON body and the headers of a scenario's request."""
    body: dict = {}
    headers: dict = {}
    for naam, waarde in s.parameters:
        if naam.startswith("header: "):
            headers[naam.removeprefix("header: ")] = waarde
        elif naam.endswith(" (als string)"):
            body[naam.removesuffix(" (als string)")] = waarde
        elif naam in LIJSTEN:
            body[naam] = waarde.split(",") if waarde else []
        elif naam == "huisnummer" and re.fullmatch(r"-?\d+", waarde):
            body[naam] = int(waarde)
        elif naam == "inclusiefOverledenPersonen" and waarde in ("true", "false"):
            body[naam] = waarde == "true"
        else:
            body[naam] = waarde
    return body, headers
