"""Done when (issue 13): a consultant grants household help (category 01) at a provider; a valid
WMO301 appears in the outbox; the provider's 305 in the inbox marks the care as started on the
case page; a 315 from another provider appears as a task, is approved, and a 319 and a new 301 go
out; every one of these messages validates against the published schema."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from altena.access import Rol
from backoffice.services import aanvraag_ontvangen
from berichten import demo
from berichten.ggk import uitpakken
from berichten.models import Bericht, Toewijzing
from berichten.services.mutaties import mutaties_verwerken
from berichten.services.ontvangen import inbox_verwerken
from berichten.transport import MapTransport
from intake.workflow import Fase
from netwerk.models import Gemeente
from tests.berichten.conftest import EIGEN_KOPIE, assert_valid
from tests.factories.altena import UserFactory
from tests.factories.backoffice import ProductFactory, ZorgaanbiederFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


def geldig(pad):
    """Valid against the published XSD (the Wmo retours, not published, against one derived from
    the published iJw retour by the test's own code)."""
    naam = pad.name.split("_")[0]
    assert_valid(uitpakken(pad.read_bytes()).bericht, naam)  # the outbox holds GGk envelopes
    return naam


def uitbox(map):
    return sorted((map / "uit").glob("*.xml"), key=lambda p: p.stat().st_mtime)


def test_toewijzing_start_en_verzoek(page, live_server, login, settings, tmp_path):
    settings.BERICHTEN_MAP = str(tmp_path)
    settings.BERICHTEN_XSD_MAP = str(EIGEN_KOPIE)  # the application validates with its own copy
    Gemeente.objects.get_or_create(naam="Altena", defaults={"cbs_code": "1959"})
    Group.objects.get_or_create(name=Rol.CONSULTANT)
    consultant = UserFactory(
        username="koen", first_name="Koen", last_name="de Consulent", rollen=[Rol.CONSULTANT]
    )
    kern = KernFactory(naam="Woudrichem")
    team = TeamFactory(naam="Team maatwerk", kernen=[kern], leden=[consultant])
    ProductFactory(wet="wmo", naam="Hulp bij het huishouden", categorie="01", productcode="01A01")
    ZorgaanbiederFactory(naam="Thuiszorg Altena", agb_code="75001234", istandaarden_categorieen=["01"])
    andere = ZorgaanbiederFactory(
        naam="Zorgcoöperatie Land van Heusden", agb_code="75005678", istandaarden_categorieen=["01", "02"]
    )
    casus = CasusFactory(
        inwoner=InwonerFactory(kern=kern, achternaam="Verbeek"),
        maatwerk=True,
        fase=Fase.ONDERZOEK,
        team=team,
        behandelaar=consultant,
    )
    vandaag = timezone.localdate()
    aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag, omschrijving="Hulp bij het huishouden", door=consultant
    )

    login(page, "koen")
    page.goto(f"{live_server.url}/backoffice/casus/{casus.nummer}/")
    page.get_by_role("link", name="Besluit nemen").click()
    page.get_by_label("Toekenning", exact=True).check()
    page.get_by_label("Motivering").fill("Mevrouw kan het huishouden niet meer zelf doen.")
    vz = page.get_by_test_id("vz-0")
    vz.get_by_label("Product").select_option(label="Hulp bij het huishouden (01 01A01)")
    vz.get_by_label("Zorgaanbieder").select_option(label="Thuiszorg Altena (AGB 75001234)")
    vz.get_by_label("Volume").fill("3")
    vz.get_by_label("Eenheid").select_option(value="uur")
    vz.get_by_label("Frequentie").select_option(value="week")
    vz.get_by_label("Startdatum").fill(vandaag.isoformat())
    vz.get_by_label("Einddatum").fill((vandaag + timedelta(days=365)).isoformat())
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_test_id("fase")).to_have_text("In zorg")

    # The besluit left its mutation in the backoffice's outbox; the task (beat) makes the 301.
    mutaties_verwerken()
    # The 301 is in the outbox and valid; the case page shows its ToewijzingNummer.
    (eerste,) = uitbox(tmp_path)
    assert geldig(eerste) == "WMO301"
    toewijzing = Toewijzing.objects.get()
    page.reload()
    blok = page.get_by_test_id("toewijzing")
    expect(blok).to_contain_text(str(toewijzing.nummer))
    expect(blok).to_contain_text("nog geen start gemeld")

    # The provider answers with a 305; the poll reads it and answers with a retour.
    t = MapTransport(tmp_path)
    demo.naar_inbox(t, "305", demo.startbericht(toewijzing, "1959"))
    inbox_verwerken()
    page.reload()
    expect(page.get_by_test_id("levering")).to_contain_text(f"gestart {vandaag:%d-%m-%Y}")

    # Another provider asks for a toewijzing (315): a task on the case, approved by the consultant.
    demo.naar_inbox(t, "315", demo.verzoek_om_toewijzing(casus, andere, "1959", "02", ""))
    inbox_verwerken()
    page.reload()
    expect(page.get_by_test_id("open-verzoek")).to_contain_text("Zorgcoöperatie Land van Heusden")
    page.get_by_test_id("open-verzoek").get_by_role("link", name="Beoordelen").click()
    page.get_by_label("Goedkeuren: toewijzing (301) versturen").check()
    page.get_by_label("Toelichting").fill("Past binnen de beschikking.")
    page.get_by_role("button", name="Beslissing versturen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Berichtenbox")
    expect(page.get_by_test_id("bericht-rij").first).to_be_visible()

    soorten = [geldig(p) for p in uitbox(tmp_path)]
    assert soorten.count("WMO301") == 2 and "WMO319" in soorten and "WMO306" in soorten
    assert "WMO316" in soorten
    assert not Bericht.objects.filter(schema_gecontroleerd=False).exists()  # the app checked them too
    expect(page.get_by_test_id("schemamelding")).to_have_count(0)
    assert Toewijzing.objects.filter(aanbieder=andere).count() == 1

    page.get_by_role("link", name="Berichten").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Berichtenbox")
