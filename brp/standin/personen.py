"""The stand-in BRP's answers: its own person records turned into the API's Persoon / PersoonBeperkt.

Pure Python (no Django): the stand-in is an independent party that knows only its own store. A
record in the store is the stand-in's own compact shape (see ``store.py``); this module builds the
API's representation from it, applies ``fields`` and adds what the API always supplies itself
(geheimhoudingPersoonsgegevens, opschortingBijhouding of a deceased person, inOnderzoek of a group
asked for). Behaviour follows the API's feature files (overlijden, geheimhouding, in-onderzoek,
gezag, adressering).
"""

from __future__ import annotations

from datetime import date

MAANDEN = ("januari februari maart april mei juni juli augustus september oktober november december").split()
GESLACHT = {"M": "man", "V": "vrouw", "O": "onbekend"}
NEDERLAND = {"code": "6030", "omschrijving": "Nederland"}


def datum(waarde: str | None) -> dict | None:
    """An ISO date string as the API's AbstractDatum (type Datum, with its long Dutch form)."""
    if not waarde:
        return None
    d = date.fromisoformat(waarde)
    return {
        "type": "Datum",
        "datum": d.isoformat(),
        "langFormaat": f"{d.day} {MAANDEN[d.month - 1]} {d.year}",
    }


def leeftijd(geboren: str, peil: date) -> int:
    g = date.fromisoformat(geboren)
    return peil.year - g.year - ((peil.month, peil.day) < (g.month, g.day))


def voorletters(voornamen: str) -> str:
    return "".join(f"{deel[0].upper()}." for deel in voornamen.split() if deel)


def volledige_naam(rec: dict) -> str:
    return " ".join(
        d for d in (rec.get("voornamen", ""), rec.get("voorvoegsel", ""), rec["geslachtsnaam"]) if d
    )


def _hoofd(voorvoegsel: str) -> str:
    return voorvoegsel[:1].upper() + voorvoegsel[1:] if voorvoegsel else ""


def adressering(rec: dict) -> dict:
    """Aanhef, aanschrijfwijze, gebruikInLopendeTekst and address lines (naamgebruik E: own name)."""
    vl = voorletters(rec.get("voornamen", ""))
    vv, gn = rec.get("voorvoegsel", ""), rec["geslachtsnaam"]
    geslacht = rec.get("geslacht", "O")
    naam_met_vv = " ".join(d for d in (vv, gn) if d)
    if geslacht == "M":
        aanhef, lopend = f"Geachte heer {' '.join(d for d in (_hoofd(vv), gn) if d)}", "de heer"
    elif geslacht == "V":
        aanhef, lopend = f"Geachte mevrouw {' '.join(d for d in (_hoofd(vv), gn) if d)}", "mevrouw"
    else:
        aanhef, lopend = f"Geachte {' '.join(d for d in (vl, naam_met_vv) if d)}", ""
    uit = {
        "aanhef": aanhef,
        "aanschrijfwijze": {"naam": " ".join(d for d in (vl, naam_met_vv) if d)},
        "gebruikInLopendeTekst": (
            f"{lopend} {' '.join(d for d in (_hoofd(vv), gn) if d)}"
            if lopend
            else " ".join(d for d in (vl, naam_met_vv) if d)
        ),
    }
    adres = rec.get("adres")
    if adres:
        uit["adresregel1"] = f"{adres['straat']} {huisnummer_tekst(adres)}".strip()[:40]
        pc = adres["postcode"].replace(" ", "").upper()
        uit["adresregel2"] = f"{pc[:4]} {pc[4:]}  {adres['woonplaats'].upper()}"[:50]
    elif rec.get("buitenland"):
        b = rec["buitenland"]
        uit["adresregel1"] = b.get("regel1", "")[:40]
        uit["adresregel2"] = b.get("regel2", "")[:50]
        uit["land"] = {"code": b.get("landcode", "0000"), "omschrijving": b.get("land", "Onbekend")}
    return uit


def huisnummer_tekst(adres: dict) -> str:
    nummer = str(adres["huisnummer"]) + adres.get("huisletter", "")
    if adres.get("toevoeging"):
        nummer += f" {adres['toevoeging']}"
    return nummer


def _naam(rec: dict, *, gerelateerd: bool = False) -> dict:
    naam = {
        "voornamen": rec.get("voornamen") or None,
        "voorvoegsel": rec.get("voorvoegsel") or None,
        "geslachtsnaam": rec["geslachtsnaam"],
        "voorletters": voorletters(rec.get("voornamen", "")) or None,
    }
    if not gerelateerd:
        naam["volledigeNaam"] = volledige_naam(rec)
        naam["aanduidingNaamgebruik"] = {"code": "E", "omschrijving": "eigen geslachtsnaam"}
    return {k: v for k, v in naam.items() if v is not None}


def _geslacht(rec: dict) -> dict:
    code = rec.get("geslacht", "O")
    return {"code": code, "omschrijving": GESLACHT.get(code, "onbekend")}


def _verblijfplaats(rec: dict) -> dict | None:
    adres = rec.get("adres")
    if adres:
        verblijfadres = {
            "officieleStraatnaam": adres["straat"],
            "korteStraatnaam": adres["straat"][:24],
            "huisnummer": int(adres["huisnummer"]),
            "postcode": adres["postcode"].replace(" ", "").upper(),
            "woonplaats": adres["woonplaats"],
        }
        if adres.get("huisletter"):
            verblijfadres["huisletter"] = adres["huisletter"]
        if adres.get("toevoeging"):
            verblijfadres["huisnummertoevoeging"] = adres["toevoeging"]
        uit = {
            "type": "Adres",
            "verblijfadres": verblijfadres,
            "functieAdres": {"code": "W", "omschrijving": "woonadres"},
        }
        if adres.get("datumVan"):
            uit["datumVan"] = datum(adres["datumVan"])
        return uit
    if rec.get("buitenland"):
        b = rec["buitenland"]
        return {
            "type": "VerblijfplaatsBuitenland",
            "verblijfadres": {
                "regel1": b.get("regel1", ""),
                "regel2": b.get("regel2", ""),
                "land": {"code": b.get("landcode", "0000"), "omschrijving": b.get("land", "Onbekend")},
            },
        }
    return {"type": "VerblijfplaatsOnbekend"}


def _gerelateerde(winkel: dict, bsn: str, extra: dict | None = None) -> dict:
    rec = winkel.get(bsn)
    uit = {"burgerservicenummer": bsn}
    if rec is None:
        return uit
    uit["naam"] = _naam(rec, gerelateerd=True)
    if rec.get("geboortedatum"):
        uit["geboorte"] = {"datum": datum(rec["geboortedatum"])}
    uit.update(extra or {})
    return uit


def _gezag_ouder(winkel: dict, bsn: str) -> dict:
    rec = winkel.get(bsn)
    return {"burgerservicenummer": bsn, "naam": {"volledigeNaam": volledige_naam(rec) if rec else "Onbekend"}}


def _gezag(winkel: dict, rec: dict, peil: date) -> list | None:
    gezag = rec.get("gezag")
    if gezag is None:
        return None
    minderjarige = {
        "burgerservicenummer": rec["bsn"],
        "naam": {"volledigeNaam": volledige_naam(rec)},
        "leeftijd": leeftijd(rec["geboortedatum"], peil),
    }
    relatie = {"type": gezag["type"], "minderjarige": minderjarige}
    if gezag["type"] == "EenhoofdigOuderlijkGezag":
        relatie["ouder"] = _gezag_ouder(winkel, gezag["ouders"][0])
    elif gezag["type"] == "GezamenlijkOuderlijkGezag":
        relatie["ouders"] = [_gezag_ouder(winkel, b) for b in gezag["ouders"][:2]]
    elif gezag["type"] in ("GezagNietTeBepalen", "TijdelijkGeenGezag"):
        relatie["toelichting"] = gezag.get("toelichting") or "gezag is niet te bepalen"
    return [relatie]


def persoon(winkel: dict, rec: dict, peil: date) -> dict:
    """The full Persoon of the API for one record (before fields are applied)."""
    p: dict = {
        "burgerservicenummer": rec["bsn"],
        "geslacht": _geslacht(rec),
        "naam": _naam(rec),
        "geboorte": {"datum": datum(rec["geboortedatum"]), "land": NEDERLAND},
        "verblijfplaats": _verblijfplaats(rec),
        "adressering": adressering(rec),
        "partners": [
            _gerelateerde(winkel, b, {"soortVerbintenis": {"code": "H", "omschrijving": "huwelijk"}})
            for b in rec.get("partners", [])
        ],
        "kinderen": [_gerelateerde(winkel, b) for b in rec.get("kinderen", [])],
        "ouders": [
            _gerelateerde(winkel, b, {"ouderAanduiding": str(i + 1)})
            for i, b in enumerate(rec.get("ouders", []))
        ],
    }
    if rec.get("geboorteplaats"):
        p["geboorte"]["plaats"] = {"omschrijving": rec["geboorteplaats"]}
    if rec.get("gemeente"):
        p["gemeenteVanInschrijving"] = {
            "code": rec["gemeente"]["code"],
            "omschrijving": rec["gemeente"]["naam"],
        }
    if rec.get("overleden"):
        p["overlijden"] = {"datum": datum(rec["overleden"]), "land": NEDERLAND}
    else:
        p["leeftijd"] = leeftijd(rec["geboortedatum"], peil)
    gezag = _gezag(winkel, rec, peil)
    if gezag is not None:
        p["gezag"] = gezag
    return {k: v for k, v in p.items() if v not in (None, [])}


def persoon_beperkt(winkel: dict, rec: dict, peil: date) -> dict:
    """PersoonBeperkt: what a search returns (name, birth, sex, age, address lines)."""
    volledig = persoon(winkel, rec, peil)
    naam = {k: v for k, v in volledig["naam"].items() if k != "aanduidingNaamgebruik"}
    adres = {k: v for k, v in volledig["adressering"].items() if k.startswith("adresregel") or k == "land"}
    uit = {
        "burgerservicenummer": rec["bsn"],
        "naam": naam,
        "geboorte": {"datum": volledig["geboorte"]["datum"]},
        "geslacht": volledig["geslacht"],
        "adressering": adres,
    }
    if "leeftijd" in volledig:
        uit["leeftijd"] = volledig["leeftijd"]
    return uit


def filter_velden(obj, velden: list[str]):
    """Only the asked paths (dot-separated; lists apply the rest of the path to every item)."""
    boom: dict = {}
    for pad in velden:
        knoop = boom
        delen = pad.split(".")
        for i, deel in enumerate(delen):
            if knoop.get(deel) is True:
                break
            if i == len(delen) - 1:
                knoop[deel] = True
            else:
                knoop = knoop.setdefault(deel, {})
    return _pas_toe(obj, boom)


def _pas_toe(obj, boom):
    if boom is True:
        return obj
    if isinstance(obj, list):
        items = [_pas_toe(item, boom) for item in obj]
        return [i for i in items if i not in (None, {})]
    if not isinstance(obj, dict):
        return None
    uit = {}
    for sleutel, sub in boom.items():
        if sleutel in obj:
            waarde = _pas_toe(obj[sleutel], sub)
            if waarde not in (None, {}, []):
                uit[sleutel] = waarde
    # A discriminated object keeps its type when any of its parts is asked.
    if uit and "type" in obj and "type" not in uit:
        uit = {"type": obj["type"], **uit}
    return uit


ONDERZOEK_VELDEN = {
    # group in the store's "onderzoek" -> (where the group lives, the fields that are marked)
    "naam": ("naam", ("voornamen", "voorvoegsel", "geslachtsnaam", "adellijkeTitelPredicaat")),
    "geboorte": ("geboorte", ("datum", "land", "plaats")),
    "verblijfplaats": ("verblijfplaats", ("type", "datumVan")),
}


def met_automatische_velden(uit: dict, rec: dict, velden: list[str], beperkt: bool) -> dict:
    """Add what the API supplies without being asked (feature files: overlijden, geheimhouding,
    in-onderzoek). A deceased person is always marked through opschortingBijhouding reden O."""
    if rec.get("geheimhouding"):
        uit["geheimhoudingPersoonsgegevens"] = True
    if rec.get("overleden"):
        uit["opschortingBijhouding"] = {
            "reden": {"code": "O", "omschrijving": "overlijden"},
            "datum": datum(rec["overleden"]),
        }
    groepen = {pad.split(".")[0] for pad in velden}
    for groep, sinds in (rec.get("onderzoek") or {}).items():
        if groep not in ONDERZOEK_VELDEN or groep not in groepen or groep not in uit:
            continue
        if beperkt and groep == "verblijfplaats":
            continue
        _, gemarkeerd = ONDERZOEK_VELDEN[groep]
        markering = {veld: True for veld in gemarkeerd if veld in uit[groep] or veld == "type"}
        if groep != "verblijfplaats":
            markering.pop("type", None)
        markering["datumIngangOnderzoek"] = datum(sinds)
        uit[groep]["inOnderzoek"] = markering
        if groep == "verblijfplaats" and "verblijfadres" in uit[groep]:
            adres = uit[groep]["verblijfadres"]
            adres["inOnderzoek"] = {
                **{veld: True for veld in adres if veld != "inOnderzoek"},
                "datumIngangOnderzoek": datum(sinds),
            }
    return uit
