"""The front door in a real browser, as a desk worker would use it."""

import time

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from altena.access import Rol
from intake.models import Casus, Verwijzing
from tests.factories.altena import UserFactory
from tests.factories.intake import HuishoudenFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, PartnerFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def balie():
    """Altena with Sleeuwijk and Andel, a front-door desk worker and a maatwerk consultant."""
    for role in (Rol.FRONTOFFICE, Rol.CONSULTANT):
        Group.objects.get_or_create(name=role)
    sleeuwijk = KernFactory(naam="Sleeuwijk", voormalige_gemeente="Werkendam", postcodegebieden=["4254"])
    andel = KernFactory(naam="Andel", voormalige_gemeente="Woudrichem", postcodegebieden=["4281"])
    desk = UserFactory(username="fenna", first_name="Fenna", rollen=[Rol.FRONTOFFICE])
    consulent = UserFactory(username="koen", rollen=[Rol.CONSULTANT])
    TeamFactory(naam="Toegang Altena", kernen=[], leden=[desk])
    maatwerk = TeamFactory(naam="Maatwerk Altena", kernen=[], leden=[consulent])
    return {"desk": desk, "sleeuwijk": sleeuwijk, "andel": andel, "maatwerk": maatwerk}


def test_new_inhabitant_with_crisis_opgeschaald_to_wmo(page, live_server, login, balie):
    login(page, "fenna")
    start = time.monotonic()
    page.get_by_role("link", name="Nieuwe hulpvraag").first.click()
    # step 1: search by BSN (a POST; the BSN never appears in the URL)
    page.get_by_label("BSN").fill("123456782")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("Geen inwoner gevonden")).to_be_visible()
    assert "123456782" not in page.url
    page.locator("a, button", has_text="Nieuwe inwoner registreren").click()  # a button after a BRP search
    expect(page.get_by_label("BSN")).to_have_value("123456782")  # carried over from the search
    page.get_by_label("Voornamen").fill("Anna")
    page.get_by_label("Achternaam").fill("Jansen")
    page.get_by_label("Geboortedatum").fill("1948-03-02")
    page.get_by_label("Straat").fill("Kerkstraat")
    page.get_by_label("Huisnummer").fill("4")
    page.get_by_label("Postcode").fill("4254 ab")  # the kern follows from the postcode
    page.get_by_role("button", name="Inwoner registreren").click()
    # step 2: the hulpvraag, with a crisis flag
    expect(page.get_by_role("heading", name="Hulpvraag van Anna Jansen")).to_be_visible()
    page.get_by_label("Instrumentele ADL").check()
    page.get_by_label("Hulpvraag in de woorden van de inwoner").fill(
        "Ik kan mijn huis niet meer schoonhouden."
    )
    page.get_by_label("Balie").check()
    page.get_by_label("Crisis: direct oppakken").check()
    page.get_by_role("button", name="Hulpvraag registreren").click()
    expect(page.get_by_text("Hulpvraag geregistreerd als casus")).to_be_visible()
    expect(page.locator(".badge", has_text="Crisis")).to_be_visible()
    # triage: opschalen to the Wmo
    page.get_by_role("link", name="Opschalen naar maatwerk").click()
    page.get_by_label("Wmo 2015").check()
    page.get_by_label("Reden van opschaling").fill(
        "Huishoudelijke hulp nodig; het netwerk kan dit niet dragen."
    )
    page.get_by_role("button", name="Opschalen naar maatwerk").click()
    expect(page.get_by_text("als melding van")).to_be_visible()
    elapsed = time.monotonic() - start
    expect(page.get_by_test_id("fase")).to_have_text("Melding")
    expect(page.get_by_test_id("wet")).to_have_text("Wmo 2015")
    expect(page.get_by_test_id("tijdlijn")).to_contain_text("Opgeschaald naar maatwerk (Wmo 2015)")

    casus = Casus.objects.get()
    assert (casus.inwoner.kern, casus.crisis, casus.fase, casus.wet) == (
        balie["sleeuwijk"],
        True,
        "melding",
        "wmo",
    )
    assert casus.meldingsdatum is not None and casus.team == balie["maatwerk"]
    assert elapsed < 60, f"the front door took {elapsed:.0f} s"

    # the crisis case is on top of the queue
    page.get_by_role("link", name="Werkvoorraad toegang").click()
    page.get_by_label("Status").select_option("melding")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_test_id("casus-rij").first).to_contain_text(casus.nummer)


def test_refer_to_a_partner_in_a_chosen_kern(page, live_server, login, balie):
    huishouden = HuishoudenFactory(naam="Huishouden De Vries, Dorpsstraat 1")
    InwonerFactory(
        voornamen="Els",
        achternaam="de Vries",
        kern=balie["sleeuwijk"],
        postcode="4254 AB",
        huisnummer="1",
        huishouden=huishouden,
    )
    PartnerFactory(naam="Welzijn Sleeuwijk", kernen=[balie["sleeuwijk"]], leefgebieden=["sociaal_netwerk"])
    PartnerFactory(naam="Vrijwilligers Andel", kernen=[balie["andel"]], leefgebieden=["sociaal_netwerk"])
    login(page, "fenna")
    page.get_by_role("link", name="Nieuwe hulpvraag").first.click()
    page.get_by_label("Postcode").fill("4254AB")
    page.get_by_label("Huisnummer").fill("1")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_test_id("zoekresultaat").first.click()
    page.get_by_role("link", name="Nieuwe hulpvraag registreren").click()
    page.get_by_label("Sociaal netwerk").check()
    page.get_by_label("Hulpvraag in de woorden van de inwoner").fill("Ik zit veel alleen thuis.")
    page.get_by_label("Telefoon").check()
    page.get_by_label("De inwoner geeft toestemming").check()
    page.get_by_label("Reikwijdte van de toestemming").fill("Vrijwilligers: naam, adres en vraag")
    page.get_by_role("button", name="Hulpvraag registreren").click()
    expect(page.get_by_text("Hulpvraag geregistreerd als casus")).to_be_visible()

    page.get_by_role("link", name="Verwijzen naar partner").click()
    expect(
        page.get_by_label("Welzijn Sleeuwijk (Welzijnsorganisatie)")
    ).to_be_visible()  # pre-filtered on kern
    expect(page.get_by_text("Vrijwilligers Andel")).to_have_count(0)
    page.get_by_label("Kern", exact=True).select_option(label="Andel")
    page.get_by_role("button", name="Partners tonen").click()
    page.get_by_label("Vrijwilligers Andel (Welzijnsorganisatie)").check()
    page.get_by_label("Toelichting voor de partner").fill("Mevrouw zoekt een maatje.")
    page.get_by_role("button", name="Verwijzen naar het voorliggend veld").click()
    expect(page.get_by_text("is verwezen naar Vrijwilligers Andel")).to_be_visible()
    expect(page.get_by_test_id("verwijzing")).to_contain_text("Vrijwilligers Andel")
    expect(page.get_by_test_id("fase")).to_have_text("Verwezen naar voorliggend veld")

    page.get_by_role("link", name="Huishouden De Vries, Dorpsstraat 1").first.click()
    expect(page.get_by_test_id("huishouden-verwijzing")).to_contain_text("Vrijwilligers Andel")
    verwijzing = Verwijzing.objects.get()
    assert (verwijzing.partner.naam, verwijzing.status) == ("Vrijwilligers Andel", "verstuurd")
