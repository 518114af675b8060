"""The front door reads the BRP, in a real browser: a BSN typed, the person from the BRP with address,
partner and children, registered without typing a name, then the hulpvraag."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from altena.access import Rol
from intake.models import BrpStatus, Casus
from tests.factories.altena import UserFactory
from tests.factories.brp import brp_persoon
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_bsn_uit_de_brp_tot_hulpvraag(page, live_server, login, brp):
    Group.objects.get_or_create(name=Rol.FRONTOFFICE)
    KernFactory(naam="Sleeuwijk", voormalige_gemeente="Werkendam", postcodegebieden=["4254"])
    desk = UserFactory(username="fenna", first_name="Fenna", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang Altena", kernen=[], leden=[desk])
    kind = brp_persoon(voornamen="Pim", geslachtsnaam="Visser", geboortedatum="2016-04-01")
    partner = brp_persoon(voornamen="Kees", geslachtsnaam="Visser", geslacht="M")
    moeder = brp_persoon(
        voornamen="Sanne", geslachtsnaam="Visser", partners=[partner["bsn"]], kinderen=[kind["bsn"]]
    )
    brp.zet(kind, partner, moeder)

    login(page, "fenna")
    page.get_by_role("link", name="Nieuwe hulpvraag").first.click()
    page.get_by_label("BSN").fill(moeder["bsn"])
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_test_id("brp-resultaat")).to_contain_text("Sanne Visser")
    page.get_by_role("button", name="Kies Sanne Visser").click()
    gegevens = page.get_by_test_id("brp-gegevens")
    expect(gegevens).to_contain_text("Dorpsstraat 1, 4254 AB Sleeuwijk")
    expect(gegevens).to_contain_text("Kees Visser")
    expect(gegevens).to_contain_text("Pim Visser (2016)")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", name="Hulpvraag van Sanne Visser")).to_be_visible()
    page.get_by_label("Instrumentele ADL").check()
    page.get_by_label("Hulpvraag in de woorden van de inwoner").fill("Ik red het huishouden niet meer.")
    page.get_by_label("Balie").check()
    page.get_by_role("button", name="Hulpvraag registreren").click()
    expect(page.get_by_text("Hulpvraag geregistreerd als casus")).to_be_visible()
    casus = Casus.objects.get()
    assert casus.inwoner.brp_status == BrpStatus.GECONTROLEERD and casus.inwoner.bsn == moeder["bsn"]
    assert moeder["bsn"] not in page.url
