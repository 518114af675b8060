"""What the application keeps of a BRP answer: a typed, checked reading of the API's JSON.

Every value is checked for its type while it is read; anything else (a number where a string
belongs, a list where an object belongs) raises ``OngeldigAntwoord``, so a hostile or broken answer
never reaches a screen or the database half-understood.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date


class OngeldigAntwoord(ValueError):
    """The BRP's answer does not have the shape of the specification."""


BSN_RE = re.compile(r"^[0-9]{9}$")


def _obj(waarde, pad: str) -> dict:
    if waarde is None:
        return {}
    if not isinstance(waarde, dict):
        raise OngeldigAntwoord(f"{pad}: geen object")
    return waarde


def _lijst(waarde, pad: str) -> list:
    if waarde is None:
        return []
    if not isinstance(waarde, list):
        raise OngeldigAntwoord(f"{pad}: geen lijst")
    return waarde


def _tekst(waarde, pad: str, max_len: int = 650) -> str:
    if waarde is None:
        return ""
    if not isinstance(waarde, str) or len(waarde) > max_len:
        raise OngeldigAntwoord(f"{pad}: geen tekst")
    return waarde


def _bsn(waarde, pad: str, verplicht: bool = False) -> str:
    if waarde is None and not verplicht:
        return ""
    if not isinstance(waarde, str) or not BSN_RE.match(waarde):
        raise OngeldigAntwoord(f"{pad}: geen burgerservicenummer")
    return waarde


def _datum(waarde, pad: str) -> date | None:
    """An AbstractDatum: only a full date (type Datum) gives a date; others (onbekend, jaar) None."""
    waarde = _obj(waarde, pad)
    if not waarde:
        return None
    if waarde.get("type") != "Datum":
        return None
    try:
        return date.fromisoformat(_tekst(waarde.get("datum"), pad + ".datum", 10))
    except ValueError as exc:
        raise OngeldigAntwoord(f"{pad}: geen datum") from exc


@dataclass
class Naam:
    voornamen: str = ""
    voorvoegsel: str = ""
    geslachtsnaam: str = ""

    @property
    def volledig(self) -> str:
        return " ".join(d for d in (self.voornamen, self.voorvoegsel, self.geslachtsnaam) if d)


def _naam(waarde, pad: str) -> Naam:
    n = _obj(waarde, pad)
    return Naam(
        voornamen=_tekst(n.get("voornamen"), pad + ".voornamen", 200),
        voorvoegsel=_tekst(n.get("voorvoegsel"), pad + ".voorvoegsel", 10),
        geslachtsnaam=_tekst(n.get("geslachtsnaam"), pad + ".geslachtsnaam", 200),
    )


@dataclass
class Gerelateerde:
    bsn: str
    naam: str
    geboortedatum: date | None = None


@dataclass
class Gezaghouder:
    bsn: str
    naam: str


@dataclass
class Gezag:
    soort: str
    gezaghouders: list[Gezaghouder] = field(default_factory=list)
    toelichting: str = ""

    @property
    def te_bepalen(self) -> bool:
        return self.soort not in ("GezagNietTeBepalen", "TijdelijkGeenGezag")

    @property
    def omschrijving(self) -> str:
        return {
            "EenhoofdigOuderlijkGezag": "eenhoofdig ouderlijk gezag",
            "GezamenlijkOuderlijkGezag": "gezamenlijk ouderlijk gezag",
            "GezamenlijkGezag": "gezamenlijk gezag (ouder en derde)",
            "Voogdij": "voogdij",
            "TijdelijkGeenGezag": "tijdelijk geen gezag",
            "GezagNietTeBepalen": "gezag niet te bepalen",
        }.get(self.soort, self.soort)


@dataclass
class Adres:
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    woonplaats: str = ""
    buitenland: str = ""  # the land, for a verblijfplaats abroad
    datum_van: date | None = None

    @property
    def postcode_opgemaakt(self) -> str:
        pc = self.postcode.replace(" ", "").upper()
        return f"{pc[:4]} {pc[4:]}" if len(pc) == 6 else pc


@dataclass
class Persoon:
    bsn: str
    naam: Naam = field(default_factory=Naam)
    geslacht: str = ""
    geboortedatum: date | None = None
    adres: Adres | None = None
    gemeentecode: str = ""
    overleden: bool = False
    overlijdensdatum: date | None = None
    geheimhouding: bool = False
    in_onderzoek: list[str] = field(default_factory=list)
    partners: list[Gerelateerde] = field(default_factory=list)
    kinderen: list[Gerelateerde] = field(default_factory=list)
    ouders: list[Gerelateerde] = field(default_factory=list)
    gezag: list[Gezag] = field(default_factory=list)
    aanhef: str = ""
    aanschrijfwijze: str = ""
    adresregels: list[str] = field(default_factory=list)

    def als_dict(self) -> dict:
        """JSON-safe (dates as ISO strings), for the inwoner's cache."""

        def omzetten(w):
            if isinstance(w, date):
                return w.isoformat()
            if isinstance(w, dict):
                return {k: omzetten(v) for k, v in w.items()}
            if isinstance(w, list):
                return [omzetten(v) for v in w]
            return w

        return omzetten(asdict(self))


def _gerelateerden(waarde, pad: str) -> list[Gerelateerde]:
    uit = []
    for i, item in enumerate(_lijst(waarde, pad)):
        item = _obj(item, f"{pad}[{i}]")
        uit.append(
            Gerelateerde(
                bsn=_bsn(item.get("burgerservicenummer"), f"{pad}[{i}].burgerservicenummer"),
                naam=_naam(item.get("naam"), f"{pad}[{i}].naam").volledig,
                geboortedatum=_datum(
                    _obj(item.get("geboorte"), pad).get("datum"), f"{pad}[{i}].geboorte.datum"
                ),
            )
        )
    return uit


def _gezaghouder(waarde, pad: str) -> Gezaghouder:
    w = _obj(waarde, pad)
    return Gezaghouder(
        bsn=_bsn(w.get("burgerservicenummer"), pad + ".burgerservicenummer"),
        naam=_tekst(_obj(w.get("naam"), pad).get("volledigeNaam"), pad + ".naam", 450),
    )


def _gezag(waarde, pad: str) -> list[Gezag]:
    uit = []
    for i, rel in enumerate(_lijst(waarde, pad)):
        rel = _obj(rel, f"{pad}[{i}]")
        soort = _tekst(rel.get("type"), f"{pad}[{i}].type", 60)
        houders = []
        if rel.get("ouder") is not None:
            houders.append(_gezaghouder(rel["ouder"], f"{pad}[{i}].ouder"))
        for j, o in enumerate(_lijst(rel.get("ouders"), f"{pad}[{i}].ouders")):
            houders.append(_gezaghouder(o, f"{pad}[{i}].ouders[{j}]"))
        for j, d in enumerate(_lijst(rel.get("derden"), f"{pad}[{i}].derden")):
            houders.append(_gezaghouder(d, f"{pad}[{i}].derden[{j}]"))
        if rel.get("derde") is not None and _obj(rel["derde"], pad).get("type") == "BekendeDerde":
            houders.append(_gezaghouder(rel["derde"], f"{pad}[{i}].derde"))
        uit.append(
            Gezag(soort=soort, gezaghouders=houders, toelichting=_tekst(rel.get("toelichting"), pad, 400))
        )
    return uit


def _adres(waarde, pad: str) -> Adres | None:
    vp = _obj(waarde, pad)
    if not vp:
        return None
    soort = vp.get("type")
    va = _obj(vp.get("verblijfadres"), pad + ".verblijfadres")
    if soort == "Adres":
        nummer = va.get("huisnummer")
        if nummer is not None and (isinstance(nummer, bool) or not isinstance(nummer, int)):
            raise OngeldigAntwoord(f"{pad}.verblijfadres.huisnummer: geen getal")
        huisnummer = f"{nummer or ''}{_tekst(va.get('huisletter'), pad, 1)}"
        toevoeging = _tekst(va.get("huisnummertoevoeging"), pad, 4)
        return Adres(
            straat=_tekst(va.get("officieleStraatnaam") or va.get("korteStraatnaam"), pad + ".straat", 80),
            huisnummer=f"{huisnummer}{('-' + toevoeging) if toevoeging else ''}",
            postcode=_tekst(va.get("postcode"), pad + ".postcode", 7),
            woonplaats=_tekst(va.get("woonplaats"), pad + ".woonplaats", 80),
            datum_van=_datum(vp.get("datumVan"), pad + ".datumVan"),
        )
    if soort == "VerblijfplaatsBuitenland":
        land = _obj(va.get("land"), pad)
        return Adres(buitenland=_tekst(land.get("omschrijving"), pad + ".land", 200) or "buitenland")
    return None


def lees_persoon(p) -> Persoon:
    p = _obj(p, "persoon")
    naam = _obj(p.get("naam"), "naam")
    onderzoek = []
    if p.get("inOnderzoek"):
        onderzoek.append("persoon")
    for groep in ("naam", "geboorte", "verblijfplaats", "overlijden"):
        if isinstance(p.get(groep), dict) and p[groep].get("inOnderzoek"):
            onderzoek.append(groep)
    gezag = p.get("gezag")
    if isinstance(gezag, list) and any(isinstance(g, dict) and g.get("inOnderzoek") for g in gezag):
        onderzoek.append("gezag")
    opschorting = _obj(p.get("opschortingBijhouding"), "opschortingBijhouding")
    overlijden = _obj(p.get("overlijden"), "overlijden")
    reden = _obj(opschorting.get("reden"), "opschortingBijhouding.reden")
    overleden = reden.get("code") == "O" or bool(overlijden)
    geheim = p.get("geheimhoudingPersoonsgegevens")
    if geheim is not None and not isinstance(geheim, bool):
        raise OngeldigAntwoord("geheimhoudingPersoonsgegevens: geen boolean")
    adressering = _obj(p.get("adressering"), "adressering")
    regels = [
        _tekst(adressering.get(f"adresregel{i}"), f"adressering.adresregel{i}", 50)
        for i in (1, 2, 3)
        if adressering.get(f"adresregel{i}")
    ]
    land = _obj(adressering.get("land"), "adressering.land").get("omschrijving")
    if land:
        regels.append(_tekst(land, "adressering.land", 200))
    return Persoon(
        bsn=_bsn(p.get("burgerservicenummer"), "burgerservicenummer", verplicht=True),
        naam=Naam(
            voornamen=_tekst(naam.get("voornamen"), "naam.voornamen", 200),
            voorvoegsel=_tekst(naam.get("voorvoegsel"), "naam.voorvoegsel", 10),
            geslachtsnaam=_tekst(naam.get("geslachtsnaam"), "naam.geslachtsnaam", 200),
        ),
        geslacht=_tekst(_obj(p.get("geslacht"), "geslacht").get("code"), "geslacht.code", 1),
        geboortedatum=_datum(_obj(p.get("geboorte"), "geboorte").get("datum"), "geboorte.datum"),
        adres=_adres(p.get("verblijfplaats"), "verblijfplaats"),
        gemeentecode=_tekst(_obj(p.get("gemeenteVanInschrijving"), "gemeente").get("code"), "gemeente", 4),
        overleden=overleden,
        overlijdensdatum=_datum(overlijden.get("datum"), "overlijden.datum")
        or _datum(opschorting.get("datum"), "opschortingBijhouding.datum"),
        geheimhouding=bool(geheim),
        in_onderzoek=onderzoek,
        partners=_gerelateerden(p.get("partners"), "partners"),
        kinderen=_gerelateerden(p.get("kinderen"), "kinderen"),
        ouders=_gerelateerden(p.get("ouders"), "ouders"),
        gezag=_gezag(gezag, "gezag"),
        aanhef=_tekst(adressering.get("aanhef"), "adressering.aanhef"),
        aanschrijfwijze=_tekst(
            _obj(adressering.get("aanschrijfwijze"), "aanschrijfwijze").get("naam"), "aanschrijfwijze.naam"
        ),
        adresregels=regels,
    )


def lees_antwoord(body, soort: str) -> list[Persoon]:
    body = _obj(body, "antwoord")
    if body.get("type") != soort:
        raise OngeldigAntwoord("antwoord: onverwacht type")
    return [lees_persoon(p) for p in _lijst(body.get("personen"), "personen")]
