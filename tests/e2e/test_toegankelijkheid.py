"""Accessibility (WCAG 2.1 AA): axe-core on every page of the URL map, the skip link, and one whole
registration at the front door by keyboard alone.

The pages come from tests/e2e/paginas.py (Django's URL resolver, a small seed, the first role that
may open each page); a new page with a parameter needs one line in its PARAMS.
"""

from __future__ import annotations

import collections
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from altena.access import Rol

from . import paginas

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.toegankelijkheid]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0/2.1 level A and AA, plus axe's best practices (landmarks, headings), all reported; the
# test fails on serious and critical ones.
AXE_OPTIONS = {"resultTypes": ["violations"]}
ERNSTIG = {"serious", "critical"}
RAPPORT = Path(settings.BASE_DIR) / ".pytest_cache" / "axe-rapport.json"


def axe(page) -> list[dict]:
    """The violations on the page; axe itself is loaded into every page of the context (init script)."""
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)


# Error states are pages too: (url, submit button, viewer); the empty form comes back with messages.
MET_FOUTEN = [("/intake/nieuw/inwoner/", "Inwoner registreren", Rol.FRONTOFFICE)]


def _knoop(node) -> str:
    """A failing element: its selector and, for colour contrast, the colours and the ratio."""
    doel = " ".join(map(str, node["target"]))
    data = next((c.get("data") for c in node.get("any", []) if isinstance(c.get("data"), dict)), None)
    if data and "contrastRatio" in data:
        doel += f" ({data['fgColor']} op {data['bgColor']}: {data['contrastRatio']}:1)"
    return doel


def test_axe_finds_no_serious_or_critical_violation_on_any_page(browser, live_server, login, subtests):
    """One subtest per page (pytest's own subtests): a failure names the page and its viewer, and
    every page is checked whatever another page shows. The pages share one seed and one browser
    context per viewer, which keeps the whole map within a minute or two."""
    s = paginas.seed()
    kaart = paginas.kaart(s)
    assert not kaart.problemen, "Pagina's zonder kijker of zonder parameters:\n" + "\n".join(kaart.problemen)
    per_kijker = collections.defaultdict(list)
    alleen = os.environ.get("AXE_ALLEEN", "")  # while fixing: only the urls containing this text
    for url, kijker in kaart.paginas:
        if alleen not in url:
            continue
        per_kijker[kijker].append(url)

    per_regel = collections.Counter()
    ernstig, gecontroleerd = [], []
    for kijker, urls in per_kijker.items():
        context = browser.new_context(bypass_csp=True)  # axe is injected as an inline script
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        if kijker != paginas.ANONIEM:
            login(page, s.gebruikers[kijker].username)
        fouten = [(u, knop) for u, knop, k in MET_FOUTEN if k == kijker and alleen in u]
        for url, knop in [(u, None) for u in urls] + fouten:
            naam = f"{url}{' (met fouten)' if knop else ''} ({kijker})"
            with subtests.test(msg=naam):
                page.goto(live_server.url + url)
                if knop:
                    page.get_by_role("button", name=knop, exact=True).click()
                    page.wait_for_load_state()
                    expect(page.locator(".invalid-feedback").first).to_be_visible()
                gecontroleerd.append(naam)
                hier = []
                for v in axe(page):
                    per_regel[(v["id"], v["impact"])] += len(v["nodes"])
                    if v["impact"] in ERNSTIG:
                        doelen = [_knoop(n) for n in v["nodes"][:3]]
                        hier.append(f"{naam}: {v['id']} [{v['impact']}] {v['help']}: {doelen}")
                ernstig.extend(hier)
                assert not hier, "\n".join(hier)
        context.close()

    RAPPORT.parent.mkdir(exist_ok=True)
    RAPPORT.write_text(
        json.dumps(
            {
                "gecontroleerd": len(gecontroleerd),
                "per_regel": {f"{r} ({i})": n for (r, i), n in sorted(per_regel.items())},
                "ernstig": ernstig,
                "paginas": gecontroleerd,
                "geen_pagina": kaart.geen_pagina,
            },
            indent=2,
        )
    )
    assert alleen or len(gecontroleerd) >= 100, f"slechts {len(gecontroleerd)} pagina's gecontroleerd"


# --- keyboard -------------------------------------------------------------------------------------

NAAM_VAN_FOCUS = """() => {
  const el = document.activeElement;
  if (el === document.body || el.tabIndex < 0) return {naam: "", type: "", groep: ""};  // not a Tab stop
  const labels = el.labels ? Array.from(el.labels, (l) => l.textContent) : [];
  const waarde = el.type === "submit" ? el.value : "";
  const naam = [el.getAttribute("aria-label"), ...labels, el.textContent, waarde];
  return {naam: naam.filter(Boolean).join(" | ").replace(/\\s+/g, " ").trim(), type: el.type || el.tagName,
          groep: el.type === "radio" ? el.name : ""};
}"""


class Toetsenbord:
    """Keyboard only: Tab forward to a control by its name (never back), type, Space, Enter; counts
    the Tab presses, so the tab order and its length are part of the test."""

    def __init__(self, page):
        self.page = page
        self.tabs = 0

    def focus(self) -> dict:
        return self.page.evaluate(NAAM_VAN_FOCUS)

    def tab_naar(self, naam: str, max_stappen: int = 40) -> None:
        if naam in self.focus()["naam"]:  # already there (autofocus)
            return
        gezien = []
        for _ in range(max_stappen):
            self.page.keyboard.press("Tab")
            self.tabs += 1
            focus = self.focus()
            gezien.append(focus["naam"][:40])
            if naam in focus["naam"]:
                return
            if focus["groep"] and self._kies_in_groep(naam, focus["groep"]):
                return
        raise AssertionError(f"{naam!r} niet bereikt met Tab; de focus ging langs: {gezien}")

    def _kies_in_groep(self, naam: str, groep: str) -> bool:
        """A radio group is one Tab stop: the arrow keys choose within it."""
        aantal = self.page.locator(f'input[type="radio"][name="{groep}"]').count()
        for _ in range(aantal - 1):
            self.page.keyboard.press("ArrowDown")
            if naam in self.focus()["naam"]:
                return True
        return False

    def typ(self, naam: str, tekst: str) -> None:
        self.tab_naar(naam)
        self.page.keyboard.type(tekst)

    def datum(self, naam: str, dag: str, maand: str, jaar: str) -> None:
        """A date: typed as dd-mm-jjjj in a text field. A browser date field orders its segments by
        the browser's language, not the page's: typed day first, and month first if that was wrong."""
        self.tab_naar(naam)
        if self.focus()["type"] != "date":
            self.page.keyboard.type(f"{dag}-{maand}-{jaar}")
            return
        iso = f"{jaar}-{maand}-{dag}"
        self.page.keyboard.type(f"{dag}{maand}{jaar}")
        if self.page.evaluate("() => document.activeElement.value") != iso:
            self.page.keyboard.press("Shift+Tab")  # back through the field's own segments
            self.page.keyboard.press("Shift+Tab")
            self.page.keyboard.type(f"{maand}{dag}{jaar}")
        assert self.page.evaluate("() => document.activeElement.value") == iso

    def aanvinken(self, naam: str) -> None:
        """Tick a checkbox, or choose a radio button (Space; the arrow keys choose within a group)."""
        self.tab_naar(naam)
        self.page.keyboard.press("Space")

    def activeer(self, naam: str) -> None:
        self.tab_naar(naam)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    def naar_inhoud(self) -> None:
        """The first Tab on a page reaches the skip link; Enter jumps past the menu. A page whose form
        puts the focus in its first field (autofocus) needs no jump."""
        if self.page.evaluate("() => document.activeElement !== document.body"):
            assert self.page.evaluate("() => !!document.activeElement.closest('main')"), self.focus()
            return
        self.page.keyboard.press("Tab")
        self.tabs += 1
        assert self.focus()["naam"] == "Naar de inhoud", self.focus()
        self.page.keyboard.press("Enter")


@pytest.fixture
def balie():
    from django.contrib.auth.models import Group

    from altena.access import Rol
    from tests.factories.altena import UserFactory
    from tests.factories.netwerk import KernFactory, TeamFactory

    Group.objects.get_or_create(name=Rol.FRONTOFFICE)
    KernFactory(naam="Sleeuwijk", voormalige_gemeente="Werkendam", postcodegebieden=["4254"])
    desk = UserFactory(username="fenna", first_name="Fenna", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang Altena", kernen=[], leden=[desk])
    return desk


def test_skip_link_is_the_first_stop_and_jumps_past_the_menu(browser, live_server, login, balie):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    login(page, balie.username)
    page.goto(f"{live_server.url}/intake/")
    skiplink = page.get_by_role("link", name="Naar de inhoud")
    expect(skiplink).not_to_be_in_viewport()  # hidden until focused
    page.keyboard.press("Tab")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
    page.keyboard.press("Tab")
    in_menu = page.evaluate("() => !!document.activeElement.closest('nav')")
    assert not in_menu, "na de skiplink hoort de focus in de inhoud, niet in het menu"
    context.close()


def test_a_whole_registration_by_keyboard_alone(browser, live_server, login, balie):
    from intake.models import Casus

    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    login(page, balie.username)
    kb = Toetsenbord(page)

    kb.activeer("Nieuwe hulpvraag")  # in the menu, before the content
    kb.naar_inhoud()
    kb.typ("BSN", "123456782")
    kb.activeer("Zoeken")
    expect(page.get_by_text("Geen inwoner gevonden")).to_be_visible()
    kb.naar_inhoud()
    kb.activeer("Nieuwe inwoner registreren")
    kb.naar_inhoud()
    kb.typ("Voornamen", "Anna")
    kb.typ("Achternaam", "Jansen")
    kb.datum("Geboortedatum", "02", "03", "1948")
    kb.typ("Straat", "Kerkstraat")
    kb.typ("Huisnummer", "4")
    kb.typ("Postcode", "4254 AB")
    kb.activeer("Inwoner registreren")
    expect(page.get_by_role("heading", name="Hulpvraag van Anna Jansen")).to_be_visible()
    kb.naar_inhoud()
    kb.aanvinken("Instrumentele ADL")
    kb.typ("Hulpvraag in de woorden van de inwoner", "Ik kan mijn huis niet meer schoonhouden.")
    kb.aanvinken("Balie")
    kb.activeer("Hulpvraag registreren")
    expect(page.get_by_text("Hulpvraag geregistreerd als casus")).to_be_visible()

    casus = Casus.objects.get()
    assert casus.inwoner.geboortedatum.isoformat() == "1948-03-02"
    assert casus.kanaal == "balie" and casus.leefgebieden == ["instrumentele_adl"]
    # 76 with the skip link, 102 through the menu on every page: a lost skip link fails here
    assert kb.tabs <= 80, f"{kb.tabs} keer Tab voor één registratie"
    context.close()
