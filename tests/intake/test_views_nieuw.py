"""Step 1 and 2 through the test client: find or register the inwoner, register the hulpvraag."""

import datetime
import uuid

import pytest
from django.utils import timezone

from altena.models import Verwerking
from intake.models import Casus, Inwoner, ZrmScore
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fo(client_for, frontoffice):
    return client_for(frontoffice)


# --- zoeken -----------------------------------------------------------------------------------


def test_search_by_bsn_is_a_post_shows_person_and_open_cases_and_is_logged(fo, kern, frontoffice):
    inwoner = InwonerFactory(kern=kern, bsn="123456782", achternaam="Jansen")
    CasusFactory(inwoner=inwoner)
    response = fo.post("/intake/nieuw/", {"bsn": "1234 56 782"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jansen" in html and "1 open casus" in html and "******782" in html
    assert "123456782" not in html  # BSN masked on screen
    rij = Verwerking.objects.get(handeling="zoeken")
    assert (rij.inwoner_id, rij.actor) == (inwoner.pk, frontoffice)
    assert "123456782" not in f"{rij.object_id} {rij.oorsprong}"


def test_search_by_name_with_birth_date_and_by_address(fo, kern):
    a = InwonerFactory(kern=kern, achternaam="de Vries", geboortedatum=datetime.date(1970, 1, 2))
    b = InwonerFactory(kern=kern, postcode="4254 CD", huisnummer="12a")
    html = fo.post(
        "/intake/nieuw/", {"achternaam": "DE VRIES", "geboortedatum": "1970-01-02"}
    ).content.decode()
    assert a.naam in html and b.naam not in html
    html = fo.post("/intake/nieuw/", {"postcode": "4254cd", "huisnummer": "12A"}).content.decode()
    assert b.naam in html and a.naam not in html


def test_search_not_found_offers_registration(fo):
    html = fo.post("/intake/nieuw/", {"bsn": "123456782"}).content.decode()
    assert "Geen inwoner gevonden" in html and "/intake/nieuw/inwoner/" in html
    assert Verwerking.objects.get().resultaat == "niet gevonden"


@pytest.mark.parametrize(
    "data,veld,melding",
    [
        ({"bsn": "123456789"}, "bsn", "elfproef"),
        ({"achternaam": "Jansen"}, "geboortedatum", "Vul ook de geboortedatum in"),
        ({"postcode": "12345"}, "postcode", "geen geldige Nederlandse postcode"),
        ({}, None, "Zoek op BSN"),
        ({"achternaam": "X", "geboortedatum": "2999-01-01"}, "geboortedatum", "toekomst"),
    ],
)
def test_search_bad_input_gives_a_dutch_message(fo, data, veld, melding):
    response = fo.post("/intake/nieuw/", data)
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors.get(veld or "__all__")
    assert errors and melding in " ".join(errors)


# --- inwoner registreren ----------------------------------------------------------------------


def registratie(**extra):
    return {
        "bsn": "123456782",
        "voornamen": "Anna",
        "achternaam": "Jansen",
        "geboortedatum": "1948-03-02",
        "straat": "Kerkstraat",
        "huisnummer": "4",
        "postcode": "4254 AB",
        "kern": "",
        **extra,
    }


def test_register_inwoner_derives_kern_from_postcode_and_goes_to_hulpvraag(fo, kern):
    # the search page's button pre-fills the form (posted, never in the session or the URL)
    fo.post("/intake/nieuw/", {"bsn": "123456782"})
    vooraf = fo.post("/intake/nieuw/inwoner/", {"vooringevuld": "1", "bsn": "123456782"})
    assert vooraf.context["form"].initial["bsn"] == "123456782"
    response = fo.post("/intake/nieuw/inwoner/", registratie())
    inwoner = Inwoner.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/intake/inwoner/{inwoner.pk}/hulpvraag/"
    assert inwoner.kern == kern and inwoner.huishouden is not None
    assert Verwerking.objects.filter(handeling="aanmaken", inwoner_id=inwoner.pk).exists()


def test_ambiguous_postcode_asks_for_the_kern_and_a_chosen_kern_wins(fo, kern, team):
    almkerk = KernFactory(naam="Almkerk", postcodegebieden=["4286"])
    oudendijk = KernFactory(naam="Oudendijk", postcodegebieden=["4286"])
    team.kernen.add(almkerk, oudendijk)
    response = fo.post("/intake/nieuw/inwoner/", registratie(postcode="4286 AA"))
    assert "hoort bij Almkerk of Oudendijk" in response.context["form"].errors["kern"][0]
    response = fo.post("/intake/nieuw/inwoner/", registratie(postcode="4286 AA", kern=oudendijk.pk))
    assert response.status_code == 302 and Inwoner.objects.get().kern == oudendijk


@pytest.mark.parametrize(
    "veld,waarde,melding",
    [
        ("bsn", "123456789", "elfproef"),
        ("postcode", "ABCD 12", "postcode"),
        ("geboortedatum", "2999-12-31", "toekomst"),
        ("achternaam", "", "verplicht"),
    ],
)
def test_register_bad_input_keeps_what_was_typed_and_saves_nothing(fo, kern, veld, waarde, melding):
    response = fo.post("/intake/nieuw/inwoner/", registratie(**{veld: waarde, "voornamen": "Anna Maria"}))
    assert response.status_code == 200
    assert melding in " ".join(response.context["form"].errors[veld])
    assert 'value="Anna Maria"' in response.content.decode()
    assert not Inwoner.objects.exists()


def test_duplicate_bsn_links_to_the_existing_person(fo, kern):
    bestaand = InwonerFactory(kern=kern, bsn="123456782")
    response = fo.post("/intake/nieuw/inwoner/", registratie())
    html = response.content.decode()
    assert "al een inwoner met dit BSN" in html
    assert f"/intake/inwoner/{bestaand.pk}/" in html
    assert Inwoner.objects.count() == 1


def test_duplicate_bsn_of_another_municipality_reveals_nothing_and_registers_here(fo, kern):
    """A BSN is unique per gemeente: another gemeente's registration is neither found nor hinted at."""
    elders = KernFactory(gemeente="Westerkwartier", naam="Grootegast", voormalige_gemeente="Grootegast")
    bestaand = InwonerFactory(
        kern=elders, bsn="123456782", achternaam="Geheimhouder", geboortedatum=datetime.date(1961, 7, 8)
    )
    response = fo.post("/intake/nieuw/inwoner/", registratie())
    assert response.status_code == 302
    html = fo.get(response["Location"]).content.decode()
    assert "al een inwoner met dit BSN" not in html and "Geheimhouder" not in html
    assert Inwoner.objects.filter(bsn="123456782").count() == 2
    assert Inwoner.objects.exclude(pk=bestaand.pk).get().gemeente == "Altena"
    assert not Verwerking.objects.filter(inwoner_id=bestaand.pk).exists()


def test_duplicate_bsn_in_scope_shows_the_person_and_is_logged(fo, kern):
    bestaand = InwonerFactory(kern=kern, bsn="123456782")
    fo.post("/intake/nieuw/inwoner/", registratie())
    assert Verwerking.objects.filter(inwoner_id=bestaand.pk).exists()


# --- inwoner en hulpvraag ---------------------------------------------------------------------


def test_inwoner_page_shows_household_and_open_cases_and_is_logged(fo, kern):
    inwoner = InwonerFactory(kern=kern)
    CasusFactory(inwoner=inwoner, leefgebieden=["financien"])
    html = fo.get(f"/intake/inwoner/{inwoner.pk}/").content.decode()
    assert "1 open casus" in html and "Financiën" in html
    assert Verwerking.objects.filter(handeling="lezen", inwoner_id=inwoner.pk).exists()


def test_inwoner_page_logs_the_household_members_it_shows(fo, kern):
    from tests.factories.intake import HuishoudenFactory

    huishouden = HuishoudenFactory()
    inwoner = InwonerFactory(kern=kern, huishouden=huishouden)
    huisgenoot = InwonerFactory(kern=kern, huishouden=huishouden, voornamen="Huisgenoot")
    html = fo.get(f"/intake/inwoner/{inwoner.pk}/").content.decode()
    assert "Huisgenoot" in html
    gelogd = set(Verwerking.objects.filter(handeling="lezen").values_list("inwoner_id", flat=True))
    assert gelogd == {inwoner.pk, huisgenoot.pk}


def hulpvraag(**extra):
    data = {
        "kern": "",
        "leefgebieden": ["instrumentele_adl"],
        "hulpvraag": "Ik kan mijn huis niet meer schoonhouden.",
        "kanaal": "balie",
        "verwijzer": "zelf",
        "urgentie": "normaal",
        "indienings_token": str(uuid.uuid4()),
        "zrm-TOTAL_FORMS": "3",
        "zrm-INITIAL_FORMS": "0",
        "zrm-MIN_NUM_FORMS": "0",
        "zrm-MAX_NUM_FORMS": "13",
    }
    data.update(extra)
    return data


def test_register_hulpvraag_with_crisis_consent_and_quick_scan(fo, kern, frontoffice, team):
    inwoner = InwonerFactory(kern=kern)
    data = hulpvraag(
        kern=kern.pk,
        crisis="on",
        toestemming_delen="on",
        toestemming_scope="Welzijn: naam en vraag",
        **{"zrm-0-domein": "instrumentele_adl", "zrm-0-score": "2", "zrm-0-reden": "Stofzuigen lukt niet"},
    )
    response = fo.post(f"/intake/inwoner/{inwoner.pk}/hulpvraag/", data)
    casus = Casus.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/intake/casus/{casus.nummer}/"
    assert (casus.crisis, casus.urgentie, casus.toestemming_delen) == (True, "hoog", True)
    assert casus.toestemming_datum == timezone.localdate()
    assert (casus.team, casus.aangemaakt_door, casus.huishouden) == (team, frontoffice, inwoner.huishouden)
    assert ZrmScore.objects.get().reden == "Stofzuigen lukt niet"
    # a double click or a browser retry with the same token: still one case
    again = fo.post(f"/intake/inwoner/{inwoner.pk}/hulpvraag/", data)
    assert again.status_code == 302 and again["Location"] == f"/intake/casus/{casus.nummer}/"
    assert Casus.objects.count() == 1 and ZrmScore.objects.count() == 1


@pytest.mark.parametrize(
    "extra,veld,melding",
    [
        ({"leefgebieden": []}, "leefgebieden", "verplicht"),
        ({"hulpvraag": ""}, "hulpvraag", "verplicht"),
        ({"toestemming_delen": "on"}, "toestemming_scope", "waarvoor"),
        (
            {"toestemming_delen": "on", "toestemming_scope": "x", "toestemming_datum": "2999-01-01"},
            "toestemming_datum",
            "toekomst",
        ),
        ({"verwijzer": "partner"}, "verwijzer_partner", "Kies de partner"),
    ],
)
def test_hulpvraag_bad_input_keeps_input_and_saves_nothing(fo, kern, extra, veld, melding):
    inwoner = InwonerFactory(kern=kern)
    data = hulpvraag(kern=kern.pk, **{"hulpvraag": "Mijn eigen woorden", **extra})
    response = fo.post(f"/intake/inwoner/{inwoner.pk}/hulpvraag/", data)
    assert response.status_code == 200
    assert melding in " ".join(response.context["form"].errors[veld])
    if extra.get("hulpvraag") != "":
        assert "Mijn eigen woorden" in response.content.decode()
    assert not Casus.objects.exists()


def test_quick_scan_only_on_domains_of_the_question_with_a_reason(fo, kern):
    inwoner = InwonerFactory(kern=kern)
    data = hulpvraag(kern=kern.pk, **{"zrm-0-domein": "justitie", "zrm-0-score": "3", "zrm-0-reden": "x"})
    response = fo.post(f"/intake/inwoner/{inwoner.pk}/hulpvraag/", data)
    assert "Score alleen domeinen die bij de hulpvraag horen" in response.content.decode()
    data = hulpvraag(kern=kern.pk, **{"zrm-0-domein": "instrumentele_adl", "zrm-0-score": "3"})
    response = fo.post(f"/intake/inwoner/{inwoner.pk}/hulpvraag/", data)
    assert "Geef kort de reden" in response.content.decode()
    assert not Casus.objects.exists()


def test_verwijzer_partner_from_the_registry(fo, kern):
    inwoner = InwonerFactory(kern=kern)
    partner = PartnerFactory(naam="Huisartsenpraktijk Sleeuwijk")
    data = hulpvraag(kern=kern.pk, verwijzer="partner", verwijzer_partner=partner.pk, kanaal="via_partner")
    assert fo.post(f"/intake/inwoner/{inwoner.pk}/hulpvraag/", data).status_code == 302
    assert Casus.objects.get().verwijzer_partner == partner


def test_kern_outside_the_werkgebied_is_refused(client_for, kern):
    from altena.access import Rol
    from tests.factories.altena import UserFactory
    from tests.factories.netwerk import TeamFactory

    andel = KernFactory(naam="Andel", postcodegebieden=["4281"])
    desk = UserFactory(username="balie-andel", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang Andel", kernen=[andel], leden=[desk])
    inwoner = InwonerFactory(kern=andel, postcode="4281 AA")
    response = client_for(desk).post(f"/intake/inwoner/{inwoner.pk}/hulpvraag/", hulpvraag(kern=kern.pk))
    assert response.status_code == 200 and "kern" in response.context["form"].errors
    assert not Casus.objects.exists()


def test_hulpvraag_page_of_an_inwoner_outside_the_werkgebied_is_not_found(client_for, kern):
    from altena.access import Rol
    from tests.factories.altena import UserFactory
    from tests.factories.netwerk import TeamFactory

    andel = KernFactory(naam="Andel", postcodegebieden=["4281"])
    desk = UserFactory(username="balie-andel", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang Andel", kernen=[andel], leden=[desk])
    inwoner = InwonerFactory(kern=kern)
    client = client_for(desk)
    assert client.get(f"/intake/inwoner/{inwoner.pk}/hulpvraag/").status_code == 404
    assert (
        client.post(f"/intake/inwoner/{inwoner.pk}/hulpvraag/", hulpvraag(kern=andel.pk)).status_code == 404
    )
    assert not Casus.objects.exists()
