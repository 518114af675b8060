"""The teamleider's first screen: op- and afschaling per kern this month against the five months
before, as a server-drawn chart and a table whose every figure opens exactly its cases; the rest of
the dashboard one click deeper."""

import datetime
import re
from html import unescape

import pytest

from intake.workflow import Fase
from tests.factories.intake import CasusFactory
from tests.factories.netwerk import KernFactory

from .test_dashboard import NU, _overgang, bevroren  # noqa: F401 - the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren")]


def _link(html, testid_rij, kolom):
    tabel = html[html.index('data-testid="schaling-per-kern"') :]
    rij = re.search(rf"<th scope=\"row\">{testid_rij}</th>(.*?)</tr>", tabel, re.S).group(1)
    return unescape(re.findall(r'href="([^"]+)"', rij)[kolom])


def test_op_en_afschaling_per_kern_deze_maand_tegen_ervoor(client_for, teamleider, team, kern):
    veen = KernFactory(naam="Veen", voormalige_gemeente="Aalburg")
    deze_maand = [CasusFactory(team=team, kern=kern, fase=Fase.MELDING, wet="wmo") for _ in range(3)]
    for c in deze_maand:
        _overgang(c, Fase.AANGEMELD, Fase.MELDING, NU - datetime.timedelta(days=2))
    eerder = CasusFactory(team=team, kern=kern, fase=Fase.MELDING, wet="wmo")
    _overgang(eerder, Fase.VERWEZEN, Fase.MELDING, NU - datetime.timedelta(days=70))
    af = CasusFactory(team=team, kern=veen, fase=Fase.VERWEZEN)
    _overgang(af, Fase.ONDERZOEK, Fase.VERWEZEN, NU - datetime.timedelta(days=1))
    oud = CasusFactory(team=team, kern=kern, fase=Fase.MELDING, wet="wmo")
    _overgang(oud, Fase.AANGEMELD, Fase.MELDING, NU - datetime.timedelta(days=400))  # outside six months
    CasusFactory(kern=kern, fase=Fase.MELDING, wet="wmo")  # another team's case: not counted

    client = client_for(teamleider)
    response = client.get("/rapportage/")
    html = response.content.decode()
    schaling = response.context["schaling"]
    rijen = {r["kern"]: r for r in schaling["kernen"]}
    assert (rijen[kern.naam]["op"].waarde, rijen[kern.naam]["op_voor"].waarde) == (3, 1)
    assert (rijen["Veen"]["af"].waarde, rijen["Veen"]["op"].waarde) == (1, 0)
    assert schaling["deze_maand"] == "mei 26"
    assert "<svg" in html[html.index('data-testid="schalinggrafiek"') :][:200]  # drawn on the server
    # the first screen holds the steering figures, the rest sits one click deeper
    assert html.index('data-testid="sturing"') < html.index('data-testid="alle-cijfers"')
    assert html.index("Werklast per consulent") < html.index('data-testid="alle-cijfers"')
    # every figure opens exactly its cases
    lijst = client.get(_link(html, kern.naam, 0)).context["object_list"]
    assert {c.pk for c in lijst} == {c.pk for c in deze_maand}
    lijst = client.get(_link(html, kern.naam, 1)).context["object_list"]
    assert {c.pk for c in lijst} == {eerder.pk}
    lijst = client.get(_link(html, "Veen", 2)).context["object_list"]
    assert {c.pk for c in lijst} == {af.pk}
