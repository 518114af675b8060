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

from . import paginas

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0/2.1 level A and AA, plus axe's best practices (landmarks, headings), all reported; the
# test fails on serious and critical ones.
AXE_OPTIONS = {"resultTypes": ["violations"]}
ERNSTIG = {"serious", "critical"}
RAPPORT = Path(settings.BASE_DIR) / ".pytest_cache" / "axe-rapport.json"


def axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)


def _knoop(node) -> str:
    """A failing element: its selector and, for colour contrast, the colours and the ratio."""
    doel = " ".join(map(str, node["target"]))
    data = next((c.get("data") for c in node.get("any", []) if isinstance(c.get("data"), dict)), None)
    if data and "contrastRatio" in data:
        doel += f" ({data['fgColor']} op {data['bgColor']}: {data['contrastRatio']}:1)"
    return doel


def test_every_url_of_the_map_has_a_page_or_a_reason(db):
    s = paginas.seed()
    kaart = paginas.kaart(s)
    assert not kaart.problemen, "Pagina's zonder kijker of zonder parameters:\n" + "\n".join(kaart.problemen)
    assert len(kaart.paginas) > 40


def test_axe_finds_no_serious_or_critical_violation_on_any_page(browser, live_server, login):
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
    ernstig = []
    for kijker, urls in per_kijker.items():
        context = browser.new_context(bypass_csp=True)  # axe is injected as an inline script
        page = context.new_page()
        if kijker != paginas.ANONIEM:
            login(page, s.gebruikers[kijker].username)
        for url in urls:
            page.goto(live_server.url + url)
            for v in axe(page):
                per_regel[(v["id"], v["impact"])] += len(v["nodes"])
                if v["impact"] in ERNSTIG:
                    doelen = [_knoop(n) for n in v["nodes"][:3]]
                    ernstig.append(f"{url} ({kijker}): {v['id']} [{v['impact']}] {v['help']}: {doelen}")
        context.close()

    RAPPORT.parent.mkdir(exist_ok=True)
    RAPPORT.write_text(
        json.dumps(
            {
                "paginas": len(kaart.paginas),
                "per_regel": {f"{r} ({i})": n for (r, i), n in sorted(per_regel.items())},
                "ernstig": ernstig,
            },
            indent=2,
        )
    )
    assert not ernstig, f"{len(ernstig)} ernstige axe-meldingen (zie {RAPPORT}):\n" + "\n".join(ernstig)
