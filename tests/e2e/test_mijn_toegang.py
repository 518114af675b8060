"""Mijn Toegang in the browser, as a new inwoner would use it, at phone width: DigiD (demo) through
the library's mock identity provider, my cases with the legal clock and why it moved, the letter as
PDF, a melding that lands in the front door's queue, an upload, and who looked at my dossier (a
consultant of team Maatwerk Altena). axe-core finds nothing serious or critical on any /mijn/ page,
and the inwoner gets from login to a sent melding with the keyboard alone."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from altena.access import Rol
from altena.models import Verwerking
from backoffice.models import Opschorting, Verdaging
from documenten.services import brief_verzenden
from documenten.standaardsjablonen import standaardsjablonen_laden
from intake.models import Casus
from netwerk.models import Gemeente
from tests.factories.altena import UserFactory
from tests.factories.backoffice import AanvraagFactory, BesluitFactory, TermijnFactory, VoorzieningFactory
from tests.factories.documenten import PDF_BYTES, BriefhoofdFactory, GemeenteFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
TELEFOON = {"width": 375, "height": 740}


@pytest.fixture
def demo(settings):
    settings.MIJN_GEMEENTE = "Altena"
    for rol in Rol.ALL:
        Group.objects.get_or_create(name=rol)
    gemeente = GemeenteFactory()
    Gemeente.objects.filter(pk=gemeente.pk).update(
        postadres="Postbus 10000", postcode="4280 HA", plaats="Almkerk"
    )
    gemeente.refresh_from_db()
    BriefhoofdFactory(gemeente=gemeente)
    standaardsjablonen_laden(gemeente)
    kern = KernFactory(naam="Almkerk", postcodegebieden=["4286"])
    consultant = UserFactory(username="koen", first_name="Koen", rollen=[Rol.CONSULTANT])
    frontoffice = UserFactory(username="fenna", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Maatwerk Altena", kernen=[], leden=[consultant])
    TeamFactory(naam="Toegang Altena", kernen=[kern], leden=[frontoffice])
    team = consultant.teams.get()
    inwoner = InwonerFactory(kern=kern, voornamen="Anna", achternaam="Aalbers", postcode="4286 AB")
    ander = InwonerFactory(kern=kern, voornamen="Bert", achternaam="Bakker", postcode="4286 AB")
    vandaag = timezone.localdate()
    casus = CasusFactory(inwoner=inwoner, maatwerk=True, fase="onderzoek", team=team, behandelaar=consultant)
    termijn = TermijnFactory(casus=casus, startdatum=vandaag - timedelta(days=20))
    nieuw = termijn.uiterste_datum + timedelta(weeks=4)
    Verdaging.objects.create(
        termijn=termijn,
        medegedeeld_op=vandaag - timedelta(days=2),
        nieuwe_datum=nieuw,
        mededeling="Wij hebben een advies van een ergotherapeut nodig.",
        door=consultant,
    )
    termijn.uiterste_datum = termijn.verdaagd_tot = nieuw
    termijn.save()
    Opschorting.objects.create(termijn=termijn, van=vandaag, reden="Stuur ons de brief van uw huisarts")
    besloten = CasusFactory(inwoner=inwoner, maatwerk=True, fase="besluit", team=team, behandelaar=consultant)
    besluit = BesluitFactory(
        casus=besloten,
        aanvraag=AanvraagFactory(casus=besloten, ontvangen_op=vandaag - timedelta(days=10)),
        besluitdatum=vandaag - timedelta(days=1),
        verzonden_op=vandaag - timedelta(days=1),
    )
    VoorzieningFactory(besluit=besluit, casus=besloten, aanbieder__naam="Thuiszorg De Waard")
    brief = brief_verzenden(
        casus=besloten,
        soort="beschikking_toekenning",
        obj=besluit,
        verzonden_op=vandaag - timedelta(days=1),
        kanaal="portaal",
        door=consultant,
    )
    Verwerking.objects.create(
        actor=consultant,
        actor_naam=consultant.username,
        handeling="lezen",
        verwerkingsactiviteit="Maatwerk sociaal domein (Wmo 2015)",
        object_type="casus",
        object_id=str(casus.pk),
        inwoner_id=inwoner.pk,
        casus_nummer=casus.nummer,
    )
    return {"inwoner": inwoner, "ander": ander, "casus": casus, "brief": brief, "frontoffice": frontoffice}


def _context(browser):
    context = browser.new_context(bypass_csp=True, viewport=TELEFOON, accept_downloads=True)
    context.add_init_script(path=str(AXE))
    return context


def _ernstig(page) -> list[str]:
    violations = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    return [
        f"{page.url}: {v['id']} [{v['impact']}] {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def _past_op_telefoon(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def _inloggen(page, live_server, bsn):
    page.goto(f"{live_server.url}/mijn/")
    page.get_by_role("link", name="Inloggen met DigiD (demo)").click()
    page.get_by_role("link", name="Met burgerservicenummer (demo)").click()
    page.get_by_label("Burgerservicenummer").fill(bsn)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/overzicht/")


def test_de_hele_weg_van_de_inwoner_op_een_telefoon(browser, live_server, demo, login):
    context = _context(browser)
    page = context.new_page()
    fouten, gezien = [], []

    def controleer():
        gezien.append(page.url)
        fouten.extend(_ernstig(page))
        assert _past_op_telefoon(page), f"horizontaal scrollen op {page.url}"

    page.goto(f"{live_server.url}/mijn/")
    controleer()
    page.get_by_role("link", name="Inloggen met DigiD (demo)").click()
    controleer()  # the mock's choice page
    page.get_by_role("link", name="Met burgerservicenummer (demo)").click()
    controleer()  # the mock's BSN page
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Vul een geldig burgerservicenummer in.")).to_be_visible()
    controleer()  # with its error
    page.get_by_label("Burgerservicenummer").fill(demo["inwoner"].bsn)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/overzicht/")
    controleer()

    casus = demo["casus"]
    page.get_by_role("link", name=f"Zaak {casus.nummer} (Wmo 2015)").click()
    klok = page.get_by_test_id("klok")
    expect(klok).to_contain_text("Wanneer moet de gemeente beslissen?")
    expect(klok).to_contain_text("De gemeente heeft de datum verschoven naar")
    expect(klok).to_contain_text("Wij hebben een advies van een ergotherapeut nodig.")
    controleer()

    page.get_by_role("link", name="Beantwoord de vraag").click()
    controleer()
    page.get_by_label("Uw antwoord").fill("De brief van de huisarts stuur ik mee.")
    page.get_by_label("Bestand meesturen (niet verplicht)").set_input_files(
        files=[{"name": "huisarts.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Uw antwoord is verstuurd")
    page.get_by_role("link", name="Document sturen").click()
    controleer()
    page.get_by_role("button", name="Document versturen").click()
    expect(page.get_by_text("Kies een bestand.")).to_be_visible()
    controleer()  # the form with its errors
    page.locator("#id_bestand").set_input_files(
        files=[{"name": "plan.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.get_by_label("Beschrijf kort wat het is").fill("Mijn plan")
    page.get_by_role("button", name="Document versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("is toegevoegd aan uw zaak")

    page.get_by_role("link", name="Mijn brieven").click()
    controleer()
    with page.expect_download() as download:
        page.get_by_role("link", name="Beschikking: toekenning (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")

    page.get_by_role("link", name="Melding doen").click()
    controleer()
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Schrijf kort waar u hulp bij nodig heeft.")).to_be_visible()
    controleer()  # the melding with its errors
    page.get_by_label("Waar heeft u hulp bij nodig?").fill("Ik kan de trap niet meer op.")
    page.get_by_label("Lichamelijke gezondheid").check()
    page.get_by_role("button", name="Melding versturen").click()
    bevestiging = page.get_by_test_id("bevestiging")
    expect(bevestiging).to_contain_text("Uw zaaknummer is")
    controleer()
    nieuw = Casus.objects.filter(inwoner=demo["inwoner"], kanaal="mijn_toegang").get()
    expect(bevestiging).to_contain_text(nieuw.nummer)

    page.get_by_role("link", name="Wie keek in mijn dossier").click()
    expect(page.get_by_role("table")).to_contain_text("Maatwerk Altena (consulent)")
    controleer()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/mijn/")
    context.close()

    # the front door's queue has the melding, marked
    staff = browser.new_page()
    login(staff, "fenna")
    staff.goto(f"{live_server.url}/intake/")
    expect(staff.get_by_role("row", name=nieuw.nummer)).to_contain_text("Via Mijn Toegang")
    staff.close()

    # another inwoner sees none of it
    ander = _context(browser)
    page = ander.new_page()
    _inloggen(page, live_server, demo["ander"].bsn)
    expect(page.get_by_role("main")).to_contain_text("U heeft nog geen vragen bij de gemeente")
    page.goto(f"{live_server.url}/mijn/zaak/{casus.nummer}/")
    expect(page.get_by_role("heading", level=1)).not_to_contain_text(casus.nummer)
    controleer()  # the 404
    page.goto(f"{live_server.url}/mijn/wie-keek/")
    expect(page.get_by_role("main")).to_contain_text("Niemand heeft uw gegevens bekeken.")
    ander.close()

    # a DigiD BSN without inwoner here: the clear page with the melding form
    onbekend = _context(browser)
    page = onbekend.new_page()
    page.goto(f"{live_server.url}/mijn/digid-demo/login/")
    page.get_by_role("link", name="Met burgerservicenummer (demo)").click()
    page.get_by_label("Burgerservicenummer").fill("111222333")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/niet-gevonden/")
    expect(page.get_by_role("heading", name="Doe hier een melding")).to_be_visible()
    controleer()
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Vul uw voornamen in.")).to_be_visible()
    controleer()  # with its errors
    onbekend.close()

    assert len(gezien) >= 16
    assert not fouten, "\n".join(fouten)


FOCUS_TEKST = """() => {
  const el = document.activeElement;
  const labels = el.labels ? Array.from(el.labels, (x) => x.textContent).join(" ") : "";
  return [el.getAttribute("aria-label") || "", labels, el.textContent || "", el.value || ""].join(" ");
}"""


def _tab_naar(page, naam: str, max_stappen: int = 40) -> None:
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        tekst = page.evaluate(FOCUS_TEKST)
        if naam in " ".join(tekst.split()):
            return
    raise AssertionError(f"'{naam}' niet bereikt met Tab")


def test_van_inloggen_tot_melding_met_alleen_het_toetsenbord(browser, live_server, demo):
    context = _context(browser)
    page = context.new_page()
    page.goto(f"{live_server.url}/mijn/")
    _tab_naar(page, "Inloggen met DigiD (demo)")
    page.keyboard.press("Enter")
    page.wait_for_url("**/demo-idp/digid/inloggen/?**")
    _tab_naar(page, "Met burgerservicenummer (demo)")
    page.keyboard.press("Enter")
    page.wait_for_url("**/demo-idp/digid/inloggen_bsn/?**")
    _tab_naar(page, "Burgerservicenummer")
    page.keyboard.type(demo["inwoner"].bsn)
    page.keyboard.press("Enter")
    page.wait_for_url("**/mijn/overzicht/")
    _tab_naar(page, "Melding doen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mijn/melding/")
    _tab_naar(page, "Waar heeft u hulp bij nodig?")
    page.keyboard.type("Ik heb hulp nodig bij de boodschappen.")
    _tab_naar(page, "Financiën")
    page.keyboard.press("Space")
    _tab_naar(page, "Melding versturen")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_test_id("bevestiging")).to_contain_text("Uw zaaknummer is")
    context.close()
