"""The dashboard's summary tables (rapportage.stand): the refreshed figures equal a direct count,
the page says how fresh they are, and the beat task counts them."""

import datetime

import pytest
import time_machine
from django.conf import settings

from altena.access import Rol
from intake.workflow import Fase
from rapportage import stand
from rapportage.dashboard import dashboard
from rapportage.models import Stand
from rapportage.tasks import dashboard_verversen
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory
from tests.rapportage.test_dashboard import NU, bevroren, gegevens  # noqa: F401 - the fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gegevens")]


def _getallen(ctx: dict) -> dict:
    """Every number of the dashboard with the link it carries."""
    uit = {}
    for wet, getallen in ctx["per_wet"]["rijen"]:
        for i, g in enumerate(getallen):
            uit[("wet", wet, i)] = (g.waarde, g.url)
    for r in ctx["per_kern"]:
        uit[("kern", r["kern"])] = (
            r["voordeur"].waarde,
            r["voordeur"].url,
            r["maatwerk"].waarde,
            r["maatwerk"].url,
        )
    k = ctx["kerngetallen"]
    for naam in ("verstreken", "binnen_7", "wachtend", "crisis"):
        uit[naam] = (k[naam].waarde, k[naam].url)
    for label, g in k["leeftijden"]:
        uit[("leeftijd", label)] = (g.waarde, g.url)
    for r in ctx["werklast"]:
        uit[("werklast", r["naam"])] = tuple(
            (r[x].waarde, r[x].url) for x in ("open", "crisis", "verstreken")
        )
    for r in ctx["stroom"]["reeksen"]:
        uit[("stroom", r["sleutel"])] = [(g.waarde, g.url) for g in r["getallen"]]
    for r in ctx["verwijzingen"]:
        uit[("verwijzing", r["soort"], r["kern"])] = {
            x: (r[x].waarde, r[x].url) for x in ("totaal", "geaccepteerd", "afgewezen", "opgeschaald", "open")
        }
    return uit


def test_the_refreshed_summary_equals_the_direct_count(teamleider, consultant):
    extra = UserFactory(username="leider-en-balie", rollen=[Rol.TEAMLEIDER, Rol.FRONTOFFICE])
    for user in (teamleider, consultant, extra):
        direct = dashboard(user)
        assert direct["stand"] is None
        stand.verversen()
        uit_stand = dashboard(user)
        assert uit_stand["stand"] is not None
        assert _getallen(uit_stand) == _getallen(direct)
        Stand.objects.all().delete()
    # and the numbers are not all zero: the hand-built set is really in the summary
    stand.verversen()
    assert _getallen(dashboard(teamleider))["crisis"][0] == 2


def test_a_summary_of_another_day_is_not_used(teamleider):
    stand.verversen(nu=NU - datetime.timedelta(days=1))
    assert dashboard(teamleider)["stand"] is None


def test_a_later_change_shows_after_the_next_refresh(teamleider, team, kern):
    stand.verversen()
    voor = _getallen(dashboard(teamleider))["crisis"][0]
    CasusFactory(team=team, kern=kern, crisis=True, fase=Fase.AANGEMELD)
    assert _getallen(dashboard(teamleider))["crisis"][0] == voor  # the summary, as the page says
    dashboard_verversen()
    assert _getallen(dashboard(teamleider))["crisis"][0] == voor + 1


def test_the_page_says_how_fresh_the_figures_are(client_for, teamleider):
    """At most a minute old (DASHBOARD_MAX_SECONDEN): an older summary is not used, the page counts
    directly; each figure's link carries the moment of the figure."""
    client = client_for(teamleider)
    with time_machine.travel(NU.replace(hour=9, minute=40, second=5), tick=False):
        assert "(nu berekend)" in client.get("/rapportage/").content.decode()
        stand.verversen()
    with time_machine.travel(NU.replace(hour=9, minute=40, second=50), tick=False):
        html = client.get("/rapportage/").content.decode()
        assert "Stand van 13 mei 2026 09:40:05 (hooguit een minuut oud)" in html
        moment = int(NU.replace(hour=9, minute=40, second=5).timestamp())
        assert f"&amp;stand={moment}" in html
    with time_machine.travel(NU.replace(hour=9, minute=41, second=6), tick=False):
        assert dashboard(teamleider)["stand"] is None  # 61 seconds old: counted directly
        assert "(nu berekend)" in client.get("/rapportage/").content.decode()


def test_the_list_a_number_opens_is_of_the_same_moment(client_for, teamleider, team, kern):
    """A case registered after the figure's moment is not in the list the figure opens, and the list
    says which moment it shows."""
    from django.utils import timezone

    from altena.peilmoment import param_van

    client = client_for(teamleider)
    moment = timezone.now() - datetime.timedelta(seconds=30)
    later = CasusFactory(team=team, kern=kern, crisis=True, fase=Fase.AANGEMELD)
    response = client.get("/intake/", {"crisis": "true", "stand": param_van(moment)})
    assert later not in response.context["object_list"]
    assert 'data-testid="stand-filter"' in response.content.decode()
    response = client.get("/intake/", {"crisis": "true"})
    assert later in response.context["object_list"]
    assert 'data-testid="stand-filter"' not in response.content.decode()
    # hostile or stale input: simply the current list
    for waarde in ("abc", "99999999999999999999", str(param_van(moment) - 3 * 86400)):
        response = client.get("/intake/", {"crisis": "true", "stand": waarde})
        assert response.status_code == 200 and later in response.context["object_list"]


@pytest.mark.django_db
def test_the_refresh_is_on_the_static_beat_schedule():
    taken = {t["task"] for t in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "rapportage.tasks.dashboard_verversen" in taken
