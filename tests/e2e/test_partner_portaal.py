"""The network leg in a real browser: a desk worker in Almkerk refers an inwoner to a welfare partner
that shows room; the partner's worker logs in, sees only that referral with only the consented
fields, accepts, gives terugkoppeling and asks for opschaling; the desk worker sees it on the case
and in the signals, and opschaalt in one step."""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from altena.access import Rol
from intake.models import Casus
from netwerk.models import Aanbod
from signalen.services import standaardregels_aanmaken
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, InwonerFactory, VerwijzingFactory
from tests.factories.netwerk import KernFactory, PartnerFactory, TeamFactory
from tests.factories.partner import PartnerMedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def almkerk():
    for role in Rol.ALL:
        Group.objects.get_or_create(name=role)
    standaardregels_aanmaken()
    kern = KernFactory(naam="Almkerk", voormalige_gemeente="Woudrichem", postcodegebieden=["4286"])
    desk = UserFactory(username="fenna", first_name="Fenna", last_name="Balie", rollen=[Rol.FRONTOFFICE])
    team = TeamFactory(naam="Toegang Altena", kernen=[], leden=[desk])
    welzijn = PartnerFactory(naam="Welzijn Almkerk", kernen=[kern], leefgebieden=["sociaal_netwerk"])
    Aanbod.objects.create(
        partner=welzijn, naam="Maatje", capaciteit="ruimte", bevestigd_op=timezone.localdate()
    )
    vol = PartnerFactory(naam="Buurthuis Almkerk", kernen=[kern], leefgebieden=["sociaal_netwerk"])
    Aanbod.objects.create(partner=vol, naam="Inloop", capaciteit="vol", bevestigd_op=timezone.localdate())
    PartnerMedewerkerFactory(partner=welzijn, gebruiker__username="wil", gebruiker__first_name="Wil")
    inwoner = InwonerFactory(
        kern=kern, voornamen="Anna", achternaam="Jansen", telefoon="06-11112222", email="anna@voorbeeld.nl"
    )
    casus = CasusFactory(
        inwoner=inwoner,
        team=team,
        met_toestemming=True,
        leefgebieden=["sociaal_netwerk"],
        hulpvraag="Ik zit veel alleen thuis.",
    )
    # Another partner's referral: the welfare worker must never see it.
    VerwijzingFactory(partner=vol, casus__inwoner=InwonerFactory(kern=kern, voornamen="Bert"))
    return {"casus": casus, "inwoner": inwoner}


def test_refer_accept_terugkoppeling_and_opschaling(page, live_server, login, almkerk):
    casus = almkerk["casus"]
    login(page, "fenna")
    page.goto(f"{live_server.url}/intake/casus/{casus.nummer}/")
    page.get_by_role("link", name="Verwijzen naar partner").click()
    keuzes = page.locator("input[name=partner]")
    # partners with room first, capacity shown
    expect(page.get_by_text(re.compile(r"Welzijn Almkerk .*Maatje: ruimte nu"))).to_be_visible()
    assert keuzes.count() == 2
    page.get_by_label(re.compile("Welzijn Almkerk")).check()
    page.get_by_label("E-mailadres").uncheck()  # the inwoner did not consent to share the e-mail
    page.get_by_label("Toelichting voor de partner").fill("Graag een maatje voor mevrouw.")
    page.get_by_role("button", name="Verwijzen naar het voorliggend veld").click()
    expect(page.get_by_text("is verwezen naar Welzijn Almkerk")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "wil")
    expect(page.get_by_role("heading", name="Verwijzingen aan Welzijn Almkerk")).to_be_visible()
    rijen = page.get_by_test_id("verwijzing-rij")
    expect(rijen).to_have_count(1)
    expect(page.get_by_text("Bert")).to_have_count(0)
    page.get_by_role("link", name="Anna Jansen").click()
    gegevens = page.get_by_test_id("gedeelde-gegevens")
    expect(gegevens).to_contain_text("06-11112222")
    expect(gegevens).to_contain_text("Ik zit veel alleen thuis.")
    expect(page.get_by_text("anna@voorbeeld.nl")).to_have_count(0)
    expect(page.get_by_text(almkerk["inwoner"].bsn)).to_have_count(0)
    expect(page.get_by_test_id("verwijzer")).to_contain_text("Fenna Balie")
    # one form at a time: the worker first chooses what to do
    expect(page.get_by_test_id("actie-afwijzen")).to_have_count(0)
    page.get_by_role("link", name="Accepteren").click()
    page.get_by_role("button", name="Verwijzing accepteren").click()
    expect(page.get_by_text("U heeft de verwijzing geaccepteerd")).to_be_visible()
    page.get_by_role("link", name="Terugkoppeling geven").click()
    page.get_by_label("Terugkoppeling").fill("Eerste kennismaking was goed.")
    page.get_by_role("button", name="Terugkoppeling versturen").click()
    expect(page.get_by_text("Uw terugkoppeling is verstuurd")).to_be_visible()
    page.get_by_role("link", name="Opschaling vragen").click()
    page.get_by_label("Waarom is meer nodig?").fill("Er spelen grote schulden; dat kunnen wij niet dragen.")
    page.get_by_role("button", name="Opschaling vragen").click()
    expect(page.get_by_text("Uw verzoek om opschaling is verstuurd")).to_be_visible()
    # a staff page is closed to the partner
    response = page.goto(f"{live_server.url}/intake/casus/{casus.nummer}/")
    assert response.status == 403
    page.goto(f"{live_server.url}/partner/")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "fenna")
    page.goto(f"{live_server.url}/signalen/")
    rij = page.get_by_role("row").filter(has_text="vraagt opschaling naar maatwerk")
    rij.get_by_role("button", name=f"Open signaal over casus {casus.nummer}").first.click()
    expect(page.get_by_test_id("terugkoppeling")).to_contain_text("Er spelen grote schulden")
    expect(page.get_by_test_id("tijdlijn")).to_contain_text("Eerste kennismaking was goed.")
    expect(page.get_by_test_id("geaccepteerd")).to_be_visible()
    page.get_by_test_id("opschaling-gevraagd").get_by_role("link", name="Opschalen naar maatwerk").click()
    expect(page.get_by_label("Reden van opschaling")).to_have_value(re.compile("Er spelen grote schulden"))
    page.get_by_label("Participatiewet").check()
    page.get_by_role("button", name="Opschalen naar maatwerk").click()
    expect(page.get_by_test_id("fase")).to_have_text("Melding")
    assert Casus.objects.get(pk=casus.pk).fase == "melding"
