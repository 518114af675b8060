"""Per role: a signal in the inbox opens, in one click, on the page where its work is done."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from altena.access import Rol
from backoffice.models import Termijn
from intake.services import casus_opschalen, verwijzing_maken
from signalen.models import Doel, Signaal, SignaalSoort
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, PartnerFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


def signaal(casus, regel, onderwerp, **ontvanger):
    return Signaal.objects.create(
        casus=casus,
        regel=regel,
        onderwerp=onderwerp,
        peildatum=timezone.localdate(),
        tekst=f"{SignaalSoort(regel).label} (test)",
        aangemaakt=timezone.now(),
        **ontvanger,
    )


@pytest.fixture
def opzet(db):
    for rol in (Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER):
        Group.objects.get_or_create(name=rol)
    kern = KernFactory(naam="Werkendam")
    fo = UserFactory(username="fenna", first_name="Fenna", last_name="Balie", rollen=[Rol.FRONTOFFICE])
    koen = UserFactory(username="koen", first_name="Koen", last_name="Consulent", rollen=[Rol.CONSULTANT])
    tl = UserFactory(username="tineke", first_name="Tineke", last_name="Leider", rollen=[Rol.TEAMLEIDER])
    team = TeamFactory(naam="Team Werkendam", kernen=[kern], leden=[fo, koen, tl])
    return {"kern": kern, "fo": fo, "koen": koen, "tl": tl, "team": team}


def open_in_inbox(page, live_server, nummer):
    page.goto(f"{live_server.url}/signalen/")
    page.get_by_role("button", name=f"Open signaal over casus {nummer}").click()
    page.wait_for_load_state("networkidle")


def test_consulent_opent_termijnsignaal_en_staat_bij_de_termijn(page, live_server, login, opzet):
    casus = CasusFactory(inwoner=InwonerFactory(kern=opzet["kern"]), team=opzet["team"])
    casus = casus_opschalen(casus=casus, wet="wmo", reden="Netwerk overbelast", door=opzet["fo"])
    casus.behandelaar = opzet["koen"]
    casus.save(update_fields=["behandelaar"])
    termijn = Termijn.objects.get(casus=casus, soort="wmo_onderzoek")
    signaal(
        casus,
        SignaalSoort.TERMIJN_NADERT,
        f"termijn:{termijn.pk}",
        doel=Doel.PERSOON,
        ontvanger=opzet["koen"],
    )

    login(page, "koen")
    open_in_inbox(page, live_server, casus.nummer)
    assert page.url.endswith(f"/backoffice/casus/{casus.nummer}/#termijn-{termijn.pk}")
    blok = page.locator(f"#termijn-{termijn.pk}")
    expect(blok).to_contain_text("Wmo: onderzoek")
    expect(page.get_by_role("link", name="Opschorten").first).to_be_visible()  # the work: pause or extend


def test_teamleider_opent_melding_zonder_behandelaar_en_kan_toewijzen(page, live_server, login, opzet):
    casus = CasusFactory(inwoner=InwonerFactory(kern=opzet["kern"]), team=opzet["team"])
    casus = casus_opschalen(casus=casus, wet="jeugdwet", reden="Zorgen om de opvoeding", door=opzet["fo"])
    signaal(casus, SignaalSoort.MELDING_NIET_TOEGEWEZEN, "melding", doel=Doel.TEAMLEIDER, team=opzet["team"])

    login(page, "tineke")
    open_in_inbox(page, live_server, casus.nummer)
    expect(page.get_by_role("heading", level=1)).to_have_text("Toewijzen aan een consulent")
    page.get_by_label("Consulent").select_option(label="Koen Consulent")
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_test_id("behandelaar")).to_have_text("Koen Consulent")


def test_frontoffice_opent_verwijzingssignaal_en_staat_bij_de_verwijzing(page, live_server, login, opzet):
    casus = CasusFactory(
        inwoner=InwonerFactory(kern=opzet["kern"]), kern=opzet["kern"], toestemming_delen=True
    )
    verwijzing = verwijzing_maken(
        casus=casus, partner=PartnerFactory(naam="Welzijn Altena"), door=opzet["fo"]
    )
    onderwerp = f"verwijzing:{verwijzing.pk}"
    signaal(
        casus,
        SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING,
        onderwerp,
        doel=Doel.PERSOON,
        ontvanger=opzet["fo"],
    )

    login(page, "fenna")
    open_in_inbox(page, live_server, casus.nummer)
    assert page.url.endswith(f"/intake/casus/{casus.nummer}/#verwijzing-{verwijzing.pk}")
    blok = page.locator(f"#verwijzing-{verwijzing.pk}")
    expect(blok).to_contain_text("Welzijn Altena")
    expect(blok.get_by_role("link", name="Terugkoppeling vastleggen")).to_be_visible()
    expect(page.get_by_role("link", name="Opschalen naar maatwerk")).to_be_visible()
