"""The stand-in BRP: a small HTTP server that answers ``POST /personen`` as the BRP API Personen 2.7 does.

    python -m brp.standin.server --port 8010 --store .data/brp/personen.json [--api-key KEY]

It serves the persons of its own store (``store.py``), never the application's tables, with the
behaviour of the API's feature files: the three query types the application uses
(RaadpleegMetBurgerservicenummer, ZoekMetGeslachtsnaamEnGeboortedatum, ZoekMetPostcodeEnHuisnummer),
``fields`` mandatory and checked against the field paths of the specification (``velden.json``),
problem+json 400/401/406/415 answers as the feature files give them. Standard library only, so
``scripts/servers.py`` can start it before Django is configured.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import personen as P
from .store import Store

INSTANCE = "/haalcentraal/api/brp/personen"
VELDEN = json.loads((Path(__file__).resolve().parent / "velden.json").read_text(encoding="utf-8"))
VELDEN_SET = {soort: set(paden) for soort, paden in VELDEN.items()}
AUTOMATISCH = (
    "geheimhoudingPersoonsgegevens",
    "opschortingBijhouding",
    "rni",
    "verificatie",
    "inOnderzoek",
    "indicatieVastgesteldVerblijftNietOpAdres",
)
MAX_VERZOEK = 1_000_000

PATROON = {
    "fields": r"^[a-zA-Z0-9\._]{1,200}$",
    "burgerservicenummer": r"^[0-9]{9}$",
    "geslachtsnaam": r"^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$",
    "voornamen": r"^[a-zA-Z0-9À-ž \.\-\']{1,199}\*{0,1}$",
    "voorvoegsel": r"^[a-zA-Z \']{1,10}$",
    "geslacht": r"^([Mm]|[Vv]|[Oo])$",
    "postcode": r"^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$",
    "huisletter": r"^[a-zA-Z]{1}$",
    "huisnummertoevoeging": r"^[a-zA-Z0-9 \-]{1,4}$",
    "gemeenteVanInschrijving": r"^[0-9]{4}$",
}

# Per query type: required parameters, optional ones, and the person representation it returns.
SOORTEN = {
    "RaadpleegMetBurgerservicenummer": (("burgerservicenummer",), (), "Persoon"),
    "ZoekMetGeslachtsnaamEnGeboortedatum": (
        ("geslachtsnaam", "geboortedatum"),
        ("voornamen", "voorvoegsel", "geslacht", "inclusiefOverledenPersonen"),
        "PersoonBeperkt",
    ),
    "ZoekMetPostcodeEnHuisnummer": (
        ("postcode", "huisnummer"),
        (
            "huisletter",
            "huisnummertoevoeging",
            "inclusiefOverledenPersonen",
            "geboortedatum",
            "geslachtsnaam",
        ),
        "PersoonBeperkt",
    ),
}
ALGEMEEN = ("type", "fields", "gemeenteVanInschrijving")


class Fout(Exception):
    def __init__(self, status: int, body: dict):
        self.status, self.body = status, body


# The order in which the API names the wrong parameters in ``detail`` (as its feature files show):
# these first, in this order, then the others alphabetically.
DETAIL_VOLGORDE = ["type", "geboortedatum", "geslachtsnaam", "postcode", "huisnummer"]


def probleem(invalid: list[dict]) -> Fout:
    def volgorde(naam: str):
        return (DETAIL_VOLGORDE.index(naam) if naam in DETAIL_VOLGORDE else len(DETAIL_VOLGORDE), naam)

    namen = ", ".join(sorted(dict.fromkeys(p["name"] for p in invalid), key=volgorde))
    return Fout(
        400,
        {
            "type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1",
            "title": "Een of meerdere parameters zijn niet correct.",
            "status": 400,
            "detail": f"De foutieve parameter(s) zijn: {namen}.",
            "code": "paramsValidation",
            "instance": INSTANCE,
            "invalidParams": invalid,
        },
    )


def _ip(code: str, name: str, reason: str) -> dict:
    return {"code": code, "name": name, "reason": reason}


def _patroon(fouten: list, naam: str, waarde, sleutel: str | None = None) -> None:
    sleutel = sleutel or naam
    if not isinstance(waarde, str) or not re.fullmatch(PATROON[sleutel], waarde):
        fouten.append(_ip("pattern", naam, f"Waarde voldoet niet aan patroon {PATROON[sleutel]}."))


def _controleer_velden(fouten: list, velden, soort_persoon: str) -> None:
    if velden is None:
        fouten.append(_ip("required", "fields", "Parameter is verplicht."))
        return
    if not isinstance(velden, list):
        fouten.append(_ip("array", "fields", "Parameter is geen array."))
        return
    if not velden:
        fouten.append(_ip("minItems", "fields", "Array bevat minder dan 1 items."))
        return
    if len(velden) > 130:
        fouten.append(_ip("maxItems", "fields", "Array bevat meer dan 130 items."))
        return
    for i, pad in enumerate(velden):
        naam = f"fields[{i}]"
        if not isinstance(pad, str) or not re.fullmatch(PATROON["fields"], pad):
            fouten.append(_ip("pattern", naam, f"Waarde voldoet niet aan patroon {PATROON['fields']}."))
        elif any(deel in AUTOMATISCH for deel in pad.split(".")):
            fouten.append(_ip("fields", naam, "Parameter bevat een niet toegestane veldnaam."))
        elif pad not in VELDEN_SET[soort_persoon]:
            fouten.append(_ip("fields", naam, "Parameter bevat een niet bestaande veldnaam."))


def _datum(fouten: list, naam: str, waarde) -> None:
    try:
        date.fromisoformat(waarde)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
            raise ValueError
    except (TypeError, ValueError):
        fouten.append(_ip("date", naam, "Waarde is geen geldige datum."))


def valideer(vraag) -> tuple[str, str]:
    """Check a request body as the API does; returns (query type, person representation)."""
    if not isinstance(vraag, dict):
        raise probleem([_ip("required", "type", "Parameter is verplicht.")])
    soort = vraag.get("type")
    if soort is None:
        raise probleem([_ip("required", "type", "Parameter is verplicht.")])
    if soort not in SOORTEN:
        raise probleem([_ip("value", "type", "Waarde is geen geldig zoek type.")])
    verplicht, optioneel, soort_persoon = SOORTEN[soort]
    fouten: list[dict] = []
    for naam in vraag:
        if naam not in (*ALGEMEEN, *verplicht, *optioneel):
            fouten.append(_ip("unknownParam", naam, "Parameter is niet verwacht."))
    for naam in verplicht:
        if naam not in vraag or vraag[naam] in (None, ""):
            fouten.append(_ip("required", naam, "Parameter is verplicht."))
    if soort == "RaadpleegMetBurgerservicenummer" and "burgerservicenummer" in vraag:
        bsns = vraag["burgerservicenummer"]
        if not isinstance(bsns, list):
            fouten.append(_ip("array", "burgerservicenummer", "Parameter is geen array."))
        elif not bsns:
            fouten.append(_ip("minItems", "burgerservicenummer", "Array bevat minder dan 1 items."))
        elif len(bsns) > 20:
            fouten.append(_ip("maxItems", "burgerservicenummer", "Array bevat meer dan 20 items."))
        else:
            for i, bsn in enumerate(bsns):
                _patroon(fouten, f"burgerservicenummer[{i}]", bsn, "burgerservicenummer")
    for naam in ("geslachtsnaam", "voornamen", "voorvoegsel", "geslacht", "postcode", "huisletter",
                 "huisnummertoevoeging", "gemeenteVanInschrijving"):  # fmt: skip
        if vraag.get(naam) not in (None, "") and naam in (*ALGEMEEN, *verplicht, *optioneel):
            _patroon(fouten, naam, vraag[naam])
    if vraag.get("geboortedatum") not in (None, ""):
        _datum(fouten, "geboortedatum", vraag["geboortedatum"])
    if "huisnummer" in vraag and vraag["huisnummer"] not in (None, ""):
        nummer = vraag["huisnummer"]
        if isinstance(nummer, bool) or not isinstance(nummer, int):
            fouten.append(_ip("integer", "huisnummer", "Waarde is geen geldig getal."))
        elif not 1 <= nummer <= 99999:
            fouten.append(
                _ip("minimum", "huisnummer", "Waarde is lager dan minimum 1.")
                if nummer < 1
                else _ip("maximum", "huisnummer", "Waarde is hoger dan maximum 99999.")
            )
    if "inclusiefOverledenPersonen" in vraag and not isinstance(vraag["inclusiefOverledenPersonen"], bool):
        fouten.append(_ip("boolean", "inclusiefOverledenPersonen", "Waarde is geen boolean."))
    _controleer_velden(fouten, vraag.get("fields"), soort_persoon)
    if fouten:
        raise probleem(fouten)
    return soort, soort_persoon


def _naam_past(rec: dict, vraag: dict) -> bool:
    gezocht = vraag["geslachtsnaam"].lower()
    naam = rec["geslachtsnaam"].lower()
    if gezocht.endswith("*"):
        if not naam.startswith(gezocht[:-1]):
            return False
    elif naam != gezocht:
        return False
    if vraag.get("voornamen"):
        voornamen = vraag["voornamen"].lower().rstrip("*")
        if not rec.get("voornamen", "").lower().startswith(voornamen):
            return False
    if vraag.get("voorvoegsel") and vraag["voorvoegsel"].lower() != rec.get("voorvoegsel", "").lower():
        return False
    if vraag.get("geslacht") and vraag["geslacht"].upper() != rec.get("geslacht", "O"):
        return False
    return True


def beantwoord(store: Store, vraag: dict, peil: date | None = None) -> dict:
    """The 200 body for a valid request."""
    soort, soort_persoon = valideer(vraag)
    peil = peil or date.today()
    winkel = store.personen()
    if soort == "RaadpleegMetBurgerservicenummer":
        gevonden = [winkel[b] for b in dict.fromkeys(vraag["burgerservicenummer"]) if b in winkel]
    elif soort == "ZoekMetGeslachtsnaamEnGeboortedatum":
        gevonden = [r for r in store.op_geboortedatum(vraag["geboortedatum"]) if _naam_past(r, vraag)]
    else:
        gevonden = store.op_adres(vraag["postcode"], vraag["huisnummer"])
        adres_filter = {
            "huisletter": lambda r, w: r["adres"].get("huisletter", "").lower() == w.lower(),
            "huisnummertoevoeging": lambda r, w: r["adres"].get("toevoeging", "").lower() == w.lower(),
            "geboortedatum": lambda r, w: r["geboortedatum"] == w,
            "geslachtsnaam": lambda r, w: _naam_past(r, {"geslachtsnaam": w}),
        }
        for naam, past in adres_filter.items():
            if vraag.get(naam):
                gevonden = [r for r in gevonden if past(r, vraag[naam])]
    if soort != "RaadpleegMetBurgerservicenummer" and not vraag.get("inclusiefOverledenPersonen"):
        gevonden = [r for r in gevonden if not r.get("overleden")]
    if vraag.get("gemeenteVanInschrijving"):
        gevonden = [
            r for r in gevonden if (r.get("gemeente") or {}).get("code") == vraag["gemeenteVanInschrijving"]
        ]
    beperkt = soort_persoon == "PersoonBeperkt"
    maak = P.persoon_beperkt if beperkt else P.persoon
    uit = []
    for rec in gevonden:
        volledig = maak(winkel, rec, peil)
        gefilterd = P.filter_velden(volledig, vraag["fields"])
        uit.append(P.met_automatische_velden(gefilterd, rec, vraag["fields"], beperkt))
    return {"type": soort, "personen": uit}


def _media_ok(waarde: str, accept: bool) -> bool:
    waarde = waarde.strip()
    if not waarde:
        return True
    delen = [d.strip().lower() for d in waarde.split(";")]
    soorten = ("application/json", "*/*") if accept else ("application/json",)
    if delen[0] not in soorten:
        return False
    return all(d.replace(" ", "") in ("charset=utf-8",) for d in delen[1:] if d)


class Handler(BaseHTTPRequestHandler):
    server_version = "AltenaStandinBRP/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - quiet: the stand-in logs no persons
        pass

    def _stuur(self, status: int, body: dict, soort: str = "application/json; charset=utf-8") -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", soort)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _fout(self, status: int, titel: str, detail: str, code: str, soort: str) -> None:
        body = {"type": f"https://datatracker.ietf.org/doc/html/rfc7231#section-{soort}", "title": titel,
                "status": status, "detail": detail, "code": code, "instance": INSTANCE}  # fmt: skip
        self._stuur(status, body, "application/problem+json")

    def do_GET(self):  # noqa: N802
        self._fout(405, "Methode niet toegestaan.", "Gebruik POST.", "methodNotAllowed", "6.5.5")

    def do_POST(self):  # noqa: N802
        if not self.path.rstrip("/").endswith("/personen"):
            self._fout(404, "Niet gevonden.", "Onbekend pad.", "notFound", "6.5.4")
            return
        lengte = int(self.headers.get("Content-Length") or 0)
        if lengte > MAX_VERZOEK:
            self._fout(400, "Verzoek te groot.", "Het verzoek is te groot.", "paramsValidation", "6.5.1")
            return
        ruw = self.rfile.read(lengte) if lengte else b""
        sleutel = self.server.api_key
        if sleutel and self.headers.get(self.server.api_key_header) != sleutel:
            self._fout(
                401, "Niet correct geauthenticeerd.", "Geen geldige API-sleutel.", "authentication", "6.5.1"
            )
            return
        if not _media_ok(self.headers.get("Accept", ""), accept=True):
            ondersteund = "Ondersteunde content type: application/json; charset=utf-8."
            self._fout(
                406, "Gevraagde content type wordt niet ondersteund.", ondersteund, "notAcceptable", "6.5.6"
            )
            return
        if not _media_ok(self.headers.get("Content-Type", ""), accept=False):
            self._fout(415, "Media Type wordt niet ondersteund.",
                       "Ondersteunde content type: application/json; charset=utf-8.", "unsupportedMediaType",
                       "6.5.13")  # fmt: skip
            return
        try:
            vraag = json.loads(ruw.decode("utf-8") or "{}")
            self._stuur(200, beantwoord(self.server.store, vraag))
        except Fout as fout:
            self._stuur(fout.status, fout.body, "application/problem+json")
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._fout(
                400, "Ongeldige JSON.", "Het verzoek is geen geldige JSON.", "paramsValidation", "6.5.1"
            )


class StandinServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, adres, store: Store, api_key: str = "", api_key_header: str = "X-API-KEY"):
        super().__init__(adres, Handler)
        self.store = store
        self.api_key = api_key
        self.api_key_header = api_key_header


def start_in_thread(store_pad, host: str = "127.0.0.1", port: int = 0, api_key: str = "") -> StandinServer:
    """For tests: serve on a free port in a daemon thread; ``server.shutdown()`` stops it."""
    server = StandinServer((host, port), Store(store_pad), api_key=api_key)
    threading.Thread(target=server.serve_forever, daemon=True, name="standin-brp").start()
    return server


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--api-key", default="")
    args = parser.parse_args(argv)
    server = StandinServer((args.host, args.port), Store(args.store), api_key=args.api_key)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
