"""A consultant takes the melding the front door opschaalde from the queue to a beschikking with a
voorziening at a provider, and sees at each step which legal deadline applies and why."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from altena.access import Rol
from intake.services import casus_opschalen
from tests.factories.altena import UserFactory
from tests.factories.backoffice import ProductFactory, ZorgaanbiederFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_consulent_van_melding_tot_beschikking(page, live_server, login):
    for rol in (Rol.FRONTOFFICE, Rol.CONSULTANT):
        Group.objects.get_or_create(name=rol)
    frontoffice = UserFactory(username="fenna", rollen=[Rol.FRONTOFFICE])
    consultant = UserFactory(
        username="koen", first_name="Koen", last_name="de Consulent", rollen=[Rol.CONSULTANT]
    )
    kern = KernFactory(naam="Woudrichem")
    TeamFactory(naam="Team maatwerk", kernen=[kern], leden=[consultant])
    ProductFactory(wet="wmo", naam="Hulp bij het huishouden", categorie="01", productcode="01A01")
    ProductFactory(wet="wmo", naam="Begeleiding individueel", categorie="02", productcode="02A01")
    aanbieder = ZorgaanbiederFactory(
        naam="Zorggroep Altena", agb_code="75001234", istandaarden_categorieen=["02"]
    )
    ZorgaanbiederFactory(naam="Huishoudhulp BV", agb_code="75009999", istandaarden_categorieen=["01"])
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern, achternaam="Verbeek"), toestemming_delen=True)
    casus = casus_opschalen(casus=casus, wet="wmo", reden="Netwerk overbelast", door=frontoffice)
    vandaag = timezone.localdate()

    login(page, "koen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad maatwerk")
    rij = page.get_by_test_id(f"rij-{casus.nummer}")
    expect(rij).to_contain_text("Wmo: persoonlijk plan inleveren")  # 7 days: the nearest deadline
    expect(rij).to_contain_text("nog ")
    rij.get_by_role("button", name="In behandeling nemen").click()

    expect(page.get_by_test_id("behandelaar")).to_have_text("Koen de Consulent")
    onderzoekstermijn = page.get_by_test_id("termijn-wmo_onderzoek")
    expect(onderzoekstermijn).to_contain_text("6 weken na melding")
    expect(onderzoekstermijn).to_contain_text("Wmo 2015 art. 2.3.2")

    page.get_by_role("link", name="Onderzoek starten").click()
    page.get_by_role("button", name="Onderzoek starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderzoek (keukentafelgesprek)")
    page.get_by_label("Datum keukentafelgesprek").fill(vandaag.isoformat())
    page.get_by_label("Deelnemers", exact=True).fill("Mevrouw Verbeek, haar zoon, consulent")
    page.get_by_label("Verslag", exact=True).fill("Mevrouw raakt de regie over de dag kwijt.")
    page.get_by_label("Eigen mogelijkheden van de inwoner").fill("Zelf boodschappen doen lukt.")
    page.get_by_label("Mantelzorg en sociaal netwerk").fill("Zoon komt wekelijks, is overbelast.")
    page.get_by_label("Voorliggende en algemene voorzieningen").fill("Inloop in het dorpshuis is overwogen.")
    for i, (domein, score, reden) in enumerate(
        [("tijdsbesteding", "2", "Geen dagstructuur."), ("sociaal_netwerk", "3", "Mantelzorger overbelast.")]
    ):
        blok = page.get_by_test_id(f"zrm-{i}")
        blok.get_by_label("Domein").select_option(value=domein)
        blok.get_by_label("Score").select_option(value=score)
        blok.get_by_label("Reden").fill(reden)
    page.get_by_label("Onderzoek afronden").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("zrm")).to_contain_text("Tijdsbesteding")
    expect(page.get_by_test_id("zrm")).to_contain_text("Sociaal netwerk")

    page.get_by_role("link", name="Aanvraag ontvangen").click()
    page.get_by_label("Wat vraagt de inwoner aan").fill("Individuele begeleiding")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("fase")).to_have_text("Aanvraag")
    expect(page.get_by_test_id("volgende-termijn")).to_contain_text("Wmo: beschikking op de aanvraag")
    expect(page.get_by_test_id("volgende-termijn")).to_contain_text("2 weken na aanvraag")

    page.get_by_role("link", name="Besluit nemen").click()
    page.get_by_label("Toekenning", exact=True).check()
    page.get_by_label("Motivering").fill(
        "Begeleiding is nodig om de dag te structureren; mantelzorg is overbelast."
    )
    vz = page.get_by_test_id("vz-0")
    vz.get_by_label("Product").select_option(label="Begeleiding individueel (02 02A01)")
    # the provider list tells before: a provider of category 01 only is not offered for a 02 product
    expect(vz.locator("option", has_text="Huishoudhulp BV")).to_be_disabled()
    # ... and says why, on the option and under the list
    expect(vz.locator("option", has_text="Huishoudhulp BV")).to_contain_text("levert geen categorie 02")
    expect(vz.locator("[data-rol='aanbieder-uitleg']")).to_contain_text("1 aanbieder(s) niet te kiezen")
    vz.get_by_label("Zorgaanbieder").select_option(label="Zorggroep Altena (AGB 75001234)")
    vz.get_by_label("Volume").fill("3")
    vz.get_by_label("Eenheid").select_option(value="uur")
    vz.get_by_label("Frequentie").select_option(value="week")
    vz.get_by_label("Startdatum").fill(vandaag.isoformat())
    vz.get_by_label("Einddatum").fill((vandaag + timedelta(days=180)).isoformat())
    page.get_by_role("button", name="Besluit vastleggen").click()

    expect(page.get_by_test_id("fase")).to_have_text("In zorg")
    voorziening = page.get_by_test_id("voorziening")
    expect(voorziening).to_contain_text("Begeleiding individueel")
    expect(voorziening).to_contain_text("cat. 02")
    expect(voorziening).to_contain_text("Zorggroep Altena")
    expect(voorziening).to_contain_text(aanbieder.agb_code)
    expect(voorziening).to_contain_text((vandaag + timedelta(days=180)).strftime("%d-%m-%Y"))
    expect(page.get_by_test_id("volgende-termijn")).to_contain_text("Bezwaartermijn")
    expect(page.get_by_test_id("volgende-termijn")).to_contain_text("Awb 6:7")
    expect(page.get_by_test_id("tijdlijn")).to_contain_text("Toegekend: Begeleiding individueel")
