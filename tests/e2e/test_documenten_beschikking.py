"""A consultant takes a besluit on an aanvraag, previews the beschikking, confirms it and
downloads the PDF: the decision, the voorziening, the provider, the period and the last day for a
bezwaar are in it."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from altena.access import Rol
from backoffice.services import aanvraag_ontvangen, casus_claimen, einde_bezwaartermijn
from documenten.standaardsjablonen import standaardsjablonen_laden
from intake.services import casus_opschalen
from tests.documenten.conftest import lang
from tests.factories.altena import UserFactory
from tests.factories.backoffice import ProductFactory, ZorgaanbiederFactory
from tests.factories.documenten import PDF_BYTES, BriefhoofdFactory, GemeenteFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_consulent_verstuurt_de_beschikking_en_downloadt_de_pdf(page, live_server, login):
    for rol in (Rol.FRONTOFFICE, Rol.CONSULTANT):
        Group.objects.get_or_create(name=rol)
    gemeente = GemeenteFactory()
    BriefhoofdFactory(gemeente=gemeente, ondertekenaar_naam="T. Leijten")
    standaardsjablonen_laden(gemeente)
    frontoffice = UserFactory(username="fenna", rollen=[Rol.FRONTOFFICE])
    consultant = UserFactory(
        username="koen", first_name="Koen", last_name="de Consulent", rollen=[Rol.CONSULTANT]
    )
    kern = KernFactory(naam="Woudrichem")
    TeamFactory(naam="Team maatwerk", kernen=[kern], leden=[consultant])
    ProductFactory(wet="wmo", naam="Hulp bij het huishouden", categorie="01", productcode="01A01")
    ZorgaanbiederFactory(naam="Thuiszorg Altena", agb_code="75004321", istandaarden_categorieen=["01"])
    inwoner = InwonerFactory(kern=kern, voornamen="Maria", achternaam="Verbeek", woonplaats="Woudrichem")
    casus = casus_opschalen(
        casus=CasusFactory(inwoner=inwoner, toestemming_delen=True),
        wet="wmo",
        reden="Huishouden",
        door=frontoffice,
    )
    casus = casus_claimen(casus=casus, door=consultant)
    aanvraag_ontvangen(
        casus=casus,
        ontvangen_op=timezone.localdate(),
        omschrijving="Hulp bij het huishouden",
        door=consultant,
    )
    vandaag = timezone.localdate()

    login(page, "koen")
    page.goto(f"{live_server.url}/backoffice/casus/{casus.nummer}/")
    page.get_by_role("link", name="Besluit nemen").click()
    page.get_by_label("Toekenning", exact=True).check()
    page.get_by_label("Motivering").fill(
        "Mevrouw kan het huishouden niet meer zelf doen; er is geen mantelzorg."
    )
    vz = page.get_by_test_id("vz-0")
    vz.get_by_label("Product").select_option(label="Hulp bij het huishouden (01 01A01)")
    vz.get_by_label("Zorgaanbieder").select_option(label="Thuiszorg Altena (AGB 75004321)")
    vz.get_by_label("Volume").fill("3")
    vz.get_by_label("Eenheid").select_option(value="uur")
    vz.get_by_label("Frequentie").select_option(value="week")
    vz.get_by_label("Startdatum").fill(vandaag.isoformat())
    vz.get_by_label("Einddatum").fill((vandaag + timedelta(days=364)).isoformat())
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_test_id("voorziening")).to_contain_text("Hulp bij het huishouden")

    page.get_by_role("link", name="Brieven en documenten").click()
    page.get_by_role("link", name="Beschikking: toekenning").click()
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    voorbeeld = page.get_by_test_id("voorbeeld")
    expect(voorbeeld).to_contain_text("Wij kennen u de volgende voorziening(en) toe")
    expect(voorbeeld).to_contain_text("Thuiszorg Altena (AGB 75004321)")
    expect(voorbeeld).to_contain_text("bezwaar maken")
    page.get_by_role("button", name="Bevestigen en verzenden").click()
    expect(page.locator(".alert-success")).to_contain_text("Beschikking: toekenning verzonden")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF downloaden").click()
    pad = download_info.value.path()
    with open(pad, "rb") as fh:
        reader = PdfReader(io.BytesIO(fh.read()))
    tekst = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    einde = einde_bezwaartermijn(vandaag).uiterste_datum
    assert casus.nummer in tekst
    assert "Hulp bij het huishouden" in tekst
    assert "Thuiszorg Altena" in tekst
    assert "3 uur per week" in tekst
    assert lang(einde) in tekst
    assert inwoner.bsn not in tekst

    # The consultant attaches the doctor's letter to the case.
    page.get_by_role("link", name="Document toevoegen").click()
    page.get_by_label("Bestand").set_input_files(
        files=[{"name": "huisarts.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.get_by_label("Soort document").select_option(label="Medisch advies")
    page.get_by_label("Omschrijving").fill("Brief van de huisarts over de mobiliteit")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_test_id("documenten")).to_contain_text("Brief van de huisarts over de mobiliteit")
    expect(page.get_by_test_id("documenten")).to_contain_text("huisarts.pdf")
