"""A hurried desk worker registers a hulpvraag, presses Back and submits again: no silent second
case; the page asks first, and only a confirmed new question makes a second case."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from altena.access import Rol
from intake.models import Casus
from tests.factories.altena import UserFactory
from tests.factories.intake import InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


def vul_in(page):
    page.get_by_label("Instrumentele ADL").check()
    page.get_by_label("Hulpvraag in de woorden van de inwoner").fill(
        "Ik kan mijn huis niet meer schoonhouden."
    )
    page.get_by_label("Balie").check()
    page.get_by_role("button", name="Hulpvraag registreren").click()


def test_terug_en_opnieuw_versturen_vraagt_eerst(page, live_server, login):
    Group.objects.get_or_create(name=Rol.FRONTOFFICE)
    kern = KernFactory(naam="Sleeuwijk", postcodegebieden=["4254"])
    fenna = UserFactory(username="fenna", first_name="Fenna", last_name="Balie", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang", kernen=[kern], leden=[fenna])
    inwoner = InwonerFactory(kern=kern, voornamen="Anna", achternaam="Jansen")

    login(page, "fenna")
    page.goto(f"{live_server.url}/intake/inwoner/{inwoner.pk}/hulpvraag/")
    vul_in(page)
    expect(page.get_by_text("Hulpvraag geregistreerd als casus")).to_be_visible()
    nummer = Casus.objects.get().nummer

    page.go_back()
    page.wait_for_load_state("networkidle")
    vul_in(page)
    # Either the browser re-sent the first token (lands on the case) or loaded a fresh form (asks).
    gevraagd = page.get_by_test_id("mogelijk-dubbel")
    expect(gevraagd.or_(page.get_by_text(f"al geregistreerd als casus {nummer}"))).to_be_visible()
    assert Casus.objects.count() == 1
    if gevraagd.is_visible():
        expect(gevraagd).to_contain_text(nummer)
        page.get_by_label("Dit is een nieuwe, andere hulpvraag: toch registreren").check()
        page.get_by_role("button", name="Hulpvraag registreren").click()
        expect(page.get_by_text("Hulpvraag geregistreerd als casus")).to_be_visible()
        assert Casus.objects.count() == 2
