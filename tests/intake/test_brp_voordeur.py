"""The front door asks the BRP first (test client against the stand-in BRP over HTTP)."""

from __future__ import annotations

import datetime

import pytest

from altena.models import Verwerking
from brp.models import BrpBevraging
from intake.models import BrpStatus, Inwoner
from tests.factories.brp import brp_persoon
from tests.factories.intake import InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fo(client_for, frontoffice):
    return client_for(frontoffice)


@pytest.fixture
def gezin(brp):
    kind = brp_persoon(voornamen="Pim", geslachtsnaam="Visser", geboortedatum="2016-04-01")
    partner = brp_persoon(voornamen="Kees", geslachtsnaam="Visser", geslacht="M", kinderen=[kind["bsn"]])
    moeder = brp_persoon(
        voornamen="Sanne", geslachtsnaam="Visser", partners=[partner["bsn"]], kinderen=[kind["bsn"]],
        adres={"straat": "Kerkstraat", "huisnummer": 12, "huisletter": "a", "postcode": "4254EB"},
    )  # fmt: skip
    brp.zet(kind, partner, moeder)
    return {"moeder": moeder, "partner": partner, "kind": kind}


def test_bsn_uit_de_brp_registreren_zonder_een_naam_te_typen(fo, gezin, kern, frontoffice):
    moeder = gezin["moeder"]
    html = fo.post("/intake/nieuw/", {"bsn": moeder["bsn"]}).content.decode()
    assert "Sanne Visser" in html and 'data-testid="brp-resultaat"' in html
    # only as typed (the search field, the manual path's hidden field); the BRP result is masked
    assert html.count(moeder["bsn"]) == html.count(f'value="{moeder["bsn"]}"')

    html = fo.post("/intake/nieuw/uit-brp/", {"keuze": "0"}).content.decode()
    assert "Kerkstraat 12a, 4254 EB" in html and "Kees Visser" in html and "Pim Visser (2016)" in html
    assert 'name="voornamen"' not in html  # nothing of the BRP is typed or editable

    response = fo.post("/intake/nieuw/uit-brp/", {"keuze": "0", "bevestigen": "1", "telefoon": "0612345678"})
    inwoner = Inwoner.objects.get(bsn=moeder["bsn"])
    assert response.status_code == 302 and response.url == f"/intake/inwoner/{inwoner.pk}/hulpvraag/"
    assert (inwoner.naam, inwoner.straat, inwoner.huisnummer, inwoner.postcode) == (
        "Sanne Visser", "Kerkstraat", "12a", "4254 EB",
    )  # fmt: skip
    assert inwoner.kern == kern and inwoner.telefoon == "0612345678"
    assert inwoner.brp_status == BrpStatus.GECONTROLEERD and inwoner.brp_gelezen_op is not None
    assert [p["naam"] for p in inwoner.brp_gegevens["partners"]] == ["Kees Visser"]
    # every call in the protocol (search, choice, confirmation), none of them with a BSN in the log
    assert BrpBevraging.objects.filter(actor=frontoffice, resultaat="geslaagd").count() == 3
    assert not Verwerking.objects.filter(object_id__contains=moeder["bsn"]).exists()


def test_meerdere_treffers_geven_een_keuzelijst(fo, brp, kern):
    brp.zet(
        brp_persoon(geslachtsnaam="Bos", voornamen="Jan", geboortedatum="1980-01-01"),
        brp_persoon(
            geslachtsnaam="Bos", voornamen="Joop", geboortedatum="1980-01-01", adres={"huisnummer": 9}
        ),
    )
    html = fo.post("/intake/nieuw/", {"achternaam": "Bos", "geboortedatum": "01-01-1980"}).content.decode()
    assert html.count('data-testid="brp-resultaat"') == 2
    assert "Dorpsstraat 9, 4254 AB  SLEEUWIJK" in html and "Kies de juiste persoon" in html


def test_niet_gevonden_geeft_het_handmatige_pad(fo, brp):
    html = fo.post("/intake/nieuw/", {"postcode": "4254 AB", "huisnummer": "99"}).content.decode()
    assert 'data-testid="brp-niets"' in html and "/intake/nieuw/inwoner/" in html


def test_al_geregistreerd_verwijst_naar_de_inwoner(fo, brp, kern):
    p = brp.zet(brp_persoon())[0]
    inwoner = InwonerFactory(kern=kern, bsn=p["bsn"])
    html = fo.post("/intake/nieuw/", {"bsn": p["bsn"]}).content.decode()
    assert f"/intake/inwoner/{inwoner.pk}/" in html and "Al geregistreerd" in html


def test_overleden_persoon_is_gemarkeerd_en_niet_te_kiezen(fo, brp):
    p = brp.zet(brp_persoon(overleden="2026-11-30"))[0]
    html = fo.post("/intake/nieuw/", {"bsn": p["bsn"]}).content.decode()
    assert "Overleden" in html and 'name="keuze"' not in html


def test_verlopen_of_verzonnen_keuze(fo, brp):
    response = fo.post("/intake/nieuw/uit-brp/", {"keuze": "7"})
    assert response.status_code == 302 and response.url == "/intake/nieuw/"
    assert Inwoner.objects.count() == 0


def test_brp_weg_handmatig_registreren_gemarkeerd(fo, kern, settings):
    from brp import client as brp_client

    settings.BRP_API_URL = "http://127.0.0.1:9/haalcentraal/api/brp"
    settings.BRP_TIMEOUT_CONNECT = settings.BRP_TIMEOUT_READ = 0.3
    brp_client._client = None
    try:
        html = fo.post("/intake/nieuw/", {"bsn": "123456782"}).content.decode()
        assert "De BRP is nu niet bereikbaar" in html and "/intake/nieuw/inwoner/" in html
        response = fo.post(
            "/intake/nieuw/inwoner/",
            {"bsn": "123456782", "voornamen": "Ad", "achternaam": "Hand", "geboortedatum": "01-01-1970",
             "straat": "Dorpsstraat", "huisnummer": "3", "postcode": "4254 AB"},
        )  # fmt: skip
        assert response.status_code == 302
        inwoner = Inwoner.objects.get(bsn="123456782")
        assert inwoner.brp_status == BrpStatus.NIET_GECONTROLEERD
        html = fo.get(f"/intake/inwoner/{inwoner.pk}/").content.decode()
        assert "Niet gecontroleerd in de BRP" in html and "niet bereikbaar" in html
    finally:
        brp_client._client = None


def test_inwonerpagina_ververst_en_toont_overlijden_geheimhouding_en_onderzoek(fo, brp, kern):
    p = brp.zet(brp_persoon(geslachtsnaam="Smit"))[0]
    inwoner = InwonerFactory(kern=kern, bsn=p["bsn"], achternaam="Smid")  # typed wrong by hand once
    brp.wijzig(p["bsn"], overleden="2026-12-01", geheimhouding=True, onderzoek={"naam": "2026-11-01"})
    html = fo.get(f"/intake/inwoner/{inwoner.pk}/").content.decode()
    inwoner.refresh_from_db()
    assert inwoner.achternaam == "Smit" and inwoner.overleden_op == datetime.date(2026, 12, 1)
    assert inwoner.geheimhouding and inwoner.brp_status == BrpStatus.GECONTROLEERD
    for testid in ("overleden", "geheimhouding", "in-onderzoek", "uit-brp"):
        assert f'data-testid="{testid}"' in html


def test_huishouden_toont_wie_er_volgens_de_brp_woont(client_for, consultant, brp, kern, team):
    from tests.factories.intake import CasusFactory, HuishoudenFactory

    a, b = brp.zet(
        brp_persoon(voornamen="Ans", adres={"huisnummer": 5}),
        brp_persoon(voornamen="Bas", adres={"huisnummer": 5}),
    )
    huishouden = HuishoudenFactory(gemeente=kern.gemeente)
    ans = InwonerFactory(kern=kern, bsn=a["bsn"], voornamen="Ans", huisnummer="5", huishouden=huishouden)
    oud = InwonerFactory(kern=kern, voornamen="Oud", huisnummer="5", huishouden=huishouden)
    CasusFactory(inwoner=ans, kern=kern, team=team, huishouden=huishouden)
    html = client_for(consultant).get(f"/intake/huishouden/{huishouden.pk}/").content.decode()
    assert 'data-testid="brp-op-adres"' in html
    assert "Bas Jansen" in html and "alleen in de BRP" in html and "lid van dit huishouden" in html
    assert f"Alleen bij de gemeente bekend (niet op dit adres in de BRP): {oud.naam}" in html
    rij = BrpBevraging.objects.get(doel="huishouden")
    assert rij.velden == ["burgerservicenummer", "naam", "geboorte"] and set(rij.bsns) == {a["bsn"], b["bsn"]}


@pytest.mark.parametrize("soort", ["GezamenlijkOuderlijkGezag", "GezagNietTeBepalen"])
def test_jeugdwet_casus_noemt_de_gezaghouders(client_for, consultant, brp, kern, team, soort):
    from tests.factories.intake import CasusFactory

    moeder, vader = brp.zet(brp_persoon(voornamen="Mara"), brp_persoon(voornamen="Vik", geslacht="M"))
    gezag = {"type": soort, "ouders": [moeder["bsn"], vader["bsn"]], "toelichting": "ouder onbekend."}
    kind = brp.zet(brp_persoon(voornamen="Kim", geboortedatum="2015-01-01", gezag=gezag))[0]
    inwoner = InwonerFactory(kern=kern, bsn=kind["bsn"], geboortedatum=datetime.date(2015, 1, 1))
    casus = CasusFactory(
        inwoner=inwoner, kern=kern, team=team, maatwerk=True, wet="jeugdwet", behandelaar=consultant
    )
    html = client_for(consultant).get(f"/backoffice/casus/{casus.nummer}/").content.decode()
    assert 'data-testid="gezag"' in html
    if soort == "GezagNietTeBepalen":
        assert "Gezag niet te bepalen" in html and "Stel vast wie de aanvraag mag doen" in html
    else:
        assert "Mara Jansen en Vik Jansen" in html and "gezamenlijk ouderlijk gezag" in html
    rij = BrpBevraging.objects.get(doel="jeugdwet")
    assert "gezag" in rij.velden and rij.casus_nummer == casus.nummer
