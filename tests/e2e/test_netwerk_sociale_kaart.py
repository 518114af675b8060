"""A desk worker opens the sociale kaart, filters on a kern and a leefgebied, and opens a partner."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from altena.access import Rol
from tests.factories.altena import UserFactory
from tests.factories.netwerk import ContactpersoonFactory, KernFactory, PartnerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_desk_worker_finds_a_partner_for_a_lonely_man_in_uppel(page, live_server, login):
    Group.objects.get_or_create(name=Rol.FRONTOFFICE)
    UserFactory(username="balie", rollen=[Rol.FRONTOFFICE])
    uppel, almkerk = KernFactory(naam="Uppel"), KernFactory(naam="Almkerk")
    soos = PartnerFactory(
        naam="Ouderensoos Almkerk-Uppel",
        soort="vrijwilligers",
        omschrijving="Wekelijkse soos en een telefooncirkel voor alleenstaande ouderen.",
        leefgebieden=["sociaal_netwerk", "tijdsbesteding"],
        kernen=[almkerk, uppel],
        telefoon="0183-700111",
    )
    ContactpersoonFactory(partner=soos, naam="Gerrit van Andel", rol="voorzitter")
    PartnerFactory(naam="Welzijn Altena Samen", leefgebieden=["sociaal_netwerk"], alle_kernen=True)
    PartnerFactory(
        naam="Basisschool De Regenboog", soort="school", leefgebieden=["werk_opleiding"], kernen=[uppel]
    )
    PartnerFactory(naam="Dorpshuis Almkerk", leefgebieden=["sociaal_netwerk"], kernen=[almkerk])

    login(page, "balie")
    page.goto(f"{live_server.url}/netwerk/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale kaart")
    expect(page.get_by_test_id("partner")).to_have_count(4)

    # Choosing a kern and a leefgebied applies each filter at once.
    page.get_by_label("Kern").select_option(label="Uppel")
    expect(page).to_have_url(re.compile(rf"kern={uppel.pk}"))
    page.get_by_label("Leefgebied").select_option(label="Sociaal netwerk")
    expect(page).to_have_url(re.compile(r"leefgebied=sociaal_netwerk"))

    resultaten = page.get_by_test_id("partner")
    expect(resultaten).to_have_count(2)
    expect(resultaten.nth(0)).to_contain_text("Ouderensoos Almkerk-Uppel")
    expect(resultaten.nth(0)).to_contain_text("0183-700111")
    expect(resultaten.nth(1)).to_contain_text("Alle kernen")

    page.get_by_role("link", name="Ouderensoos Almkerk-Uppel").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ouderensoos Almkerk-Uppel")
    expect(page.get_by_test_id("kernen")).to_contain_text("Almkerk, Uppel")
    expect(page.get_by_text("Gerrit van Andel")).to_be_visible()
