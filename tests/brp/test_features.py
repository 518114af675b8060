"""The BRP API's own behaviour specification, replayed against the stand-in BRP.

* The fout-case scenarios of the fields and search features (and the fout-cases of the three query
  types the application uses) are read from ``../shared/brp/features`` and replayed as they stand:
  the same request, the same problem object and invalidParams, or "0 personen".
* The behaviours the work depends on (overlijden, geheimhouding, in onderzoek, gezag, adressering)
  are replayed scenario by scenario with the feature's own expectations, every 200 answer checked
  against the OpenAPI specification.
Skipped with a reason where ../shared is absent (a bare clone).
"""

from __future__ import annotations

import json

import httpx
import pytest

from tests.factories.brp import brp_persoon
from tests.oracle import BRP, oracle, reden

from .gherkin import scenarios, verzoek
from .spec import Orakel, OrakelTransport

FEATURES = BRP / "features" / "bevragen"
BESTANDEN = [
    "fields-fout-cases.feature",
    "zoek-fout-cases.feature",
    "raadpleeg-met-burgerservicenummer/fout-cases.feature",
    "zoek-met-geslachtsnaam-en-geboortedatum/fout-cases.feature",
    "zoek-met-postcode-en-huisnummer/fout-cases.feature",
]
SOORTEN = {
    "RaadpleegMetBurgerservicenummer",
    "ZoekMetGeslachtsnaamEnGeboortedatum",
    "ZoekMetPostcodeEnHuisnummer",
}


def _fout_cases():
    if not FEATURES.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=reden(FEATURES)))]
    uit = []
    for bestand in BESTANDEN:
        for s in scenarios(FEATURES / bestand):
            body, _ = verzoek(s)
            if s.gegeven or (
                body.get("type") and body["type"] not in SOORTEN and body["type"][:4] in ("Zoek", "Raad")
            ):
                continue  # another query type, or data set up by a GBA fixture: not the stand-in's part
            if not (s.object or s.nul_personen):
                continue
            uit.append(pytest.param(s, id=f"{bestand}: {s.naam}"[:150]))
    return uit


@pytest.fixture(scope="module")
def leeg_standin(tmp_path_factory):
    """One stand-in with an empty store for all fout-case scenarios (they need no persons)."""
    from types import SimpleNamespace

    from brp.standin.server import start_in_thread

    server = start_in_thread(tmp_path_factory.mktemp("brp") / "personen.json")
    yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_address[1]}/haalcentraal/api/brp")
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scenario", _fout_cases())
def test_fout_case_uit_de_featurebestanden(leeg_standin, scenario):
    standin = leeg_standin
    body, headers = verzoek(scenario)
    headers = {"Content-Type": "application/json; charset=utf-8", **headers}
    antwoord = httpx.post(
        standin.url + "/personen", content=json.dumps(body).encode(), headers=headers, timeout=5
    )
    data = antwoord.json()
    if scenario.nul_personen:
        assert antwoord.status_code == 200 and data["personen"] == []
        return
    verwacht = dict(scenario.object)
    verwacht["status"] = int(verwacht["status"])
    assert {k: data.get(k) for k in verwacht} == verwacht
    assert antwoord.headers["content-type"].startswith("application/problem+json")
    if scenario.invalid_params:
        # The order of invalidParams carries no meaning ("alle gevonden fouten worden één keer teruggemeld").
        assert sorted(data["invalidParams"], key=str) == sorted(scenario.invalid_params, key=str)


def test_er_worden_fout_cases_afgespeeld():
    oracle(FEATURES)
    assert len(_fout_cases()) >= 60


# --- behaviours, scenario by scenario --------------------------------------------------------------


@pytest.fixture
def vraag(standin):
    orakel = Orakel(standin.url)
    http = httpx.Client(transport=OrakelTransport(orakel), timeout=5)

    def stel(body: dict) -> dict:
        r = http.post(
            standin.url + "/personen",
            content=json.dumps(body).encode(),
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        assert r.status_code == 200, r.text
        return r.json()

    return stel


def raadpleeg(vraag, bsn, *fields):
    return vraag(
        {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": list(fields)}
    )


def test_overlijden_altijd_gemeld_ook_zonder_erom_te_vragen(standin, vraag):
    """bevragen/persoon/overlijden/overzicht.feature: opschortingBijhouding reden O is always supplied."""
    p = standin.zet(brp_persoon(overleden="2002-07-01"))[0]
    [persoon] = raadpleeg(vraag, p["bsn"], "burgerservicenummer")["personen"]
    assert persoon["burgerservicenummer"] == p["bsn"]
    assert persoon["opschortingBijhouding"]["reden"] == {"code": "O", "omschrijving": "overlijden"}
    assert "overlijden" not in persoon

    [persoon] = raadpleeg(vraag, p["bsn"], "burgerservicenummer", "overlijden.datum")["personen"]
    assert persoon["overlijden"]["datum"] == {
        "type": "Datum",
        "datum": "2002-07-01",
        "langFormaat": "1 juli 2002",
    }


def test_overleden_persoon_heeft_geen_leeftijd_en_wordt_niet_gezocht(standin, vraag):
    """overlijden/overzicht.feature 'leeftijd wordt niet geleverd'; zoeken: default only the living."""
    p = standin.zet(brp_persoon(overleden="2002-07-01", geboortedatum="1950-03-04", geslachtsnaam="Doodt"))[0]
    [persoon] = raadpleeg(vraag, p["bsn"], "leeftijd")["personen"]
    assert set(persoon) == {"opschortingBijhouding"}
    zoek = {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "geslachtsnaam": "Doodt",
        "geboortedatum": "1950-03-04",
    }
    zoek["fields"] = ["burgerservicenummer"]
    assert vraag(zoek)["personen"] == []
    assert len(vraag({**zoek, "inclusiefOverledenPersonen": True})["personen"]) == 1


def test_geheimhouding_wordt_altijd_geleverd(standin, vraag):
    """bevragen/persoon/geheimhouding/overzicht.feature."""
    geheim, open_ = standin.zet(brp_persoon(geheimhouding=True), brp_persoon())
    [p] = raadpleeg(vraag, geheim["bsn"], "burgerservicenummer")["personen"]
    assert p == {"burgerservicenummer": geheim["bsn"], "geheimhoudingPersoonsgegevens": True}
    [p] = raadpleeg(vraag, open_["bsn"], "burgerservicenummer")["personen"]
    assert "geheimhoudingPersoonsgegevens" not in p


def test_in_onderzoek_alleen_bij_gevraagde_groep(standin, vraag):
    """bevragen/in-onderzoek.feature: inOnderzoek and datumIngangOnderzoek come with a group asked for."""
    p = standin.zet(brp_persoon(onderzoek={"verblijfplaats": "2026-10-01"}))[0]
    [persoon] = raadpleeg(vraag, p["bsn"], "verblijfplaats")["personen"]
    io = persoon["verblijfplaats"]["inOnderzoek"]
    assert io["type"] is True
    assert io["datumIngangOnderzoek"] == {
        "type": "Datum",
        "datum": "2026-10-01",
        "langFormaat": "1 oktober 2026",
    }
    [persoon] = raadpleeg(vraag, p["bsn"], "naam")["personen"]
    assert "inOnderzoek" not in persoon["naam"] and "verblijfplaats" not in persoon


def test_gezag_een_ouder_twee_ouders_en_niet_te_bepalen(standin, vraag):
    """gezag/een-ouder, twee-ouders-met-relatie, and 'gezag niet te bepalen' as an answer."""
    moeder = brp_persoon(voornamen="Mara", geslachtsnaam="Kok")
    vader = brp_persoon(voornamen="Vik", geslachtsnaam="Kok", geslacht="M")
    een = brp_persoon(
        geboortedatum="2015-01-01", gezag={"type": "EenhoofdigOuderlijkGezag", "ouders": [moeder["bsn"]]}
    )
    twee = brp_persoon(
        geboortedatum="2016-01-01",
        gezag={"type": "GezamenlijkOuderlijkGezag", "ouders": [moeder["bsn"], vader["bsn"]]},
    )
    onbekend = brp_persoon(
        geboortedatum="2017-01-01",
        gezag={
            "type": "GezagNietTeBepalen",
            "toelichting": "gezag is niet te bepalen omdat de relatie onbekend is.",
        },
    )
    standin.zet(moeder, vader, een, twee, onbekend)

    [p] = raadpleeg(vraag, een["bsn"], "gezag")["personen"]
    assert p["gezag"][0]["type"] == "EenhoofdigOuderlijkGezag"
    assert p["gezag"][0]["ouder"] == {
        "burgerservicenummer": moeder["bsn"],
        "naam": {"volledigeNaam": "Mara Kok"},
    }
    assert p["gezag"][0]["minderjarige"]["burgerservicenummer"] == een["bsn"]
    [p] = raadpleeg(vraag, twee["bsn"], "gezag")["personen"]
    assert [o["naam"]["volledigeNaam"] for o in p["gezag"][0]["ouders"]] == ["Mara Kok", "Vik Kok"]
    [p] = raadpleeg(vraag, onbekend["bsn"], "gezag")["personen"]
    assert p["gezag"][0]["type"] == "GezagNietTeBepalen" and p["gezag"][0]["toelichting"]


@pytest.mark.parametrize(
    "geslacht, voorvoegsel, aanhef",
    [
        ("M", "", "Geachte heer Groenen"),
        ("V", "", "Geachte mevrouw Groenen"),
        ("O", "", "Geachte J.R. Groenen"),
        ("M", "van", "Geachte heer Van Groenen"),
        ("O", "van", "Geachte J.R. van Groenen"),
    ],
)
def test_adressering_aanhef(standin, vraag, geslacht, voorvoegsel, aanhef):
    """adressering/aanhef/overzicht.feature (persons without a partner)."""
    p = standin.zet(
        brp_persoon(voornamen="Jo Rene", geslachtsnaam="Groenen", geslacht=geslacht, voorvoegsel=voorvoegsel)
    )[0]
    [persoon] = raadpleeg(vraag, p["bsn"], "adressering")["personen"]
    assert persoon["adressering"]["aanhef"] == aanhef
    assert persoon["adressering"]["adresregel2"] == "4254 AB  SLEEUWIJK"
