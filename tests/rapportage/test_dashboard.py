"""The teamleider's dashboard: hand-counted figures, and every number equals the queue it opens."""

import datetime
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine

from altena.access import Rol
from intake.models import CasusGebeurtenis
from intake.workflow import Fase, Route
from netwerk.models import PartnerSoort
from rapportage import stand
from tests.factories.altena import UserFactory
from tests.factories.backoffice import TermijnFactory
from tests.factories.intake import CasusFactory, VerwijzingFactory
from tests.factories.netwerk import KernFactory, PartnerFactory
from tests.factories.signalen import SignaalFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
# Wednesday 13 May 2026, noon in Amsterdam: the week runs from Monday 11 May.
NU = datetime.datetime(2026, 5, 13, 12, 0, tzinfo=AMS)
VANDAAG = NU.date()


@pytest.fixture
def bevroren():
    with time_machine.travel(NU, tick=False):
        yield


def _overgang(casus, van, naar, tijdstip):
    CasusGebeurtenis.objects.create(
        casus=casus, soort=CasusGebeurtenis.Soort.OVERGANG, fase_van=van, fase_naar=naar, tijdstip=tijdstip
    )


@pytest.fixture
def gegevens(bevroren, team, kern, consultant):
    """The small hand-built data set; the right answers are written in the tests below."""
    dussen = KernFactory(naam="Dussen", voormalige_gemeente="Werkendam")
    team.kernen.add(dussen)
    w = datetime.timedelta(weeks=1)
    d = datetime.timedelta(days=1)
    a = CasusFactory(team=team, kern=kern, aangemaakt=NU - d)
    b = CasusFactory(team=team, kern=kern, crisis=True, aangemaakt=NU - 3 * w)
    c = CasusFactory(team=team, kern=dussen, verwezen=True, met_toestemming=True, aangemaakt=NU - 8 * w)
    VerwijzingFactory(casus=c, verstuurd_op=NU - 7 * w)
    dd = CasusFactory(
        team=team, kern=kern, maatwerk=True, crisis=True, behandelaar=consultant, aangemaakt=NU - 13 * w
    )
    TermijnFactory(casus=dd, startdatum=VANDAAG - 8 * w, uiterste_datum=VANDAAG - d)
    e = CasusFactory(team=team, kern=dussen, maatwerk=True, fase=Fase.ONDERZOEK, behandelaar=consultant)
    TermijnFactory(casus=e, startdatum=VANDAAG - 5 * w, uiterste_datum=VANDAAG + 3 * d)
    VerwijzingFactory(
        casus=e,
        partner=PartnerFactory(soort=PartnerSoort.SCHOOL),
        status="afgewezen",
        verstuurd_op=NU - 4 * w,
    )
    f = CasusFactory(
        team=team, kern=dussen, maatwerk=True, fase=Fase.AANVRAAG, wet="jeugdwet", aangemaakt=NU - w
    )
    CasusFactory(team=team, kern=kern, afgesloten=True, aangemaakt=NU - 2 * w)
    CasusFactory(kern=kern, fase=Fase.MELDING, route=Route.MAATWERK, wet="wmo")  # another team's case
    maandag = datetime.datetime(2026, 5, 11, 0, 30, tzinfo=AMS)
    _overgang(dd, Fase.AANGEMELD, Fase.MELDING, maandag)
    _overgang(c, Fase.AANGEMELD, Fase.VERWEZEN, maandag + d)
    _overgang(e, Fase.AANGEMELD, Fase.MELDING, datetime.datetime(2026, 5, 10, 23, 30, tzinfo=AMS))  # Sunday
    _overgang(f, Fase.AANGEMELD, Fase.MELDING, NU - 20 * w)  # before the 12 weeks
    SignaalFactory(escalatie=True, team=team, casus=dd)
    return {"a": a, "b": b, "c": c, "d": dd, "e": e, "f": f, "dussen": dussen}


@pytest.fixture(params=["direct", "stand"])
def cijfers(request, gegevens):
    """The hand-built data set, read directly or from the summary tables counted by the beat task."""
    if request.param == "stand":
        stand.verversen()
    return gegevens


def test_dashboard_figures_match_the_hand_count(client_for, teamleider, cijfers, kern):
    gegevens = cijfers
    ctx = client_for(teamleider).get("/rapportage/").context
    per_wet = {wet: [g.waarde for g in getallen] for wet, getallen in ctx["per_wet"]["rijen"]}
    assert ctx["per_wet"]["fasen"] == ["Melding", "Onderzoek", "Aanvraag", "Besluit", "In zorg"]
    assert per_wet["Wmo 2015"] == [1, 1, 0, 0, 0]
    assert per_wet["Jeugdwet"] == [0, 0, 1, 0, 0]
    assert per_wet["Participatiewet"] == [0, 0, 0, 0, 0]
    per_kern = {r["kern"]: (r["voordeur"].waarde, r["maatwerk"].waarde) for r in ctx["per_kern"]}
    assert per_kern == {"Sleeuwijk": (2, 1), "Dussen": (1, 2)}
    k = ctx["kerngetallen"]
    assert (k["verstreken"].waarde, k["binnen_7"].waarde, k["crisis"].waarde, k["wachtend"].waarde) == (
        1,
        1,
        2,
        1,
    )
    assert [g.waarde for _l, g in k["leeftijden"]] == [3, 1, 1, 1]
    werklast = {
        r["naam"]: (r["open"].waarde, r["crisis"].waarde, r["verstreken"].waarde) for r in ctx["werklast"]
    }
    naam = gegevens["d"].behandelaar.get_full_name()
    assert werklast == {naam: (2, 1, 1), "Niet toegewezen": (1, 0, 0)}
    stroom = {r["sleutel"]: [g.waarde for g in r["getallen"]] for r in ctx["stroom"]["reeksen"]}
    assert ctx["stroom"]["weken"][-1] == datetime.date(2026, 5, 11)
    assert (
        stroom["opgeschaald_deur"][-1] == 1 and stroom["opgeschaald_deur"][-2] == 1
    )  # Sunday 23:30 is last week
    assert sum(stroom["opgeschaald_deur"]) == 2
    assert stroom["verwezen"][-1] == 1
    assert sum(stroom["nieuw"]) == 6  # the team's cases but the one of 13 weeks ago
    assert ctx["escalaties_getal"].waarde == 1
    verwijzingen = {
        (r["soort"], r["kern"]): [
            r[k].waarde for k in ("totaal", "geaccepteerd", "afgewezen", "opgeschaald", "open")
        ]
        for r in ctx["verwijzingen"]
    }
    assert verwijzingen == {
        ("Welzijnsorganisatie", "Dussen"): [1, 0, 0, 0, 1],
        ("School", "Dussen"): [1, 0, 1, 0, 0],
    }


def _queue_count(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["paginator"].count


def test_every_dashboard_number_equals_the_queue_it_links_to(client_for, teamleider, cijfers):
    client = client_for(teamleider)
    html = client.get("/rapportage/").content.decode()
    links = re.findall(r'<a href="([^"]+)"[^>]*data-getal>(\d+)</a>', html)
    assert len(links) > 70  # wet x fase, kernen, signals, ages, workload, 12 weeks x 7 flows, referrals
    for url, waarde in links:
        assert _queue_count(client, unescape(url)) == int(waarde), url


def test_a_teamleider_with_a_team_without_kernen_sees_the_team_cases(client_for, db, kern):
    from tests.factories.netwerk import TeamFactory

    team = TeamFactory(naam="Heel Altena")  # no kernen: the whole gemeente
    leider = UserFactory(username="leider2", rollen=[Rol.TEAMLEIDER])
    team.leden.add(leider)
    CasusFactory(team=team, kern=kern)
    CasusFactory(team=team, kern=KernFactory(naam="Veen", voormalige_gemeente="Aalburg"))
    ctx = client_for(leider).get("/rapportage/").context
    assert sorted(r["kern"] for r in ctx["per_kern"]) == ["Sleeuwijk", "Veen"]


@pytest.mark.parametrize("rijen", [1, 25])
@pytest.mark.parametrize("pad", ["direct", "stand"])
def test_dashboard_query_count_is_constant(
    client_for, teamleider, team, rijen, pad, django_assert_num_queries
):
    for i in range(rijen):
        casus = CasusFactory(team=team, fase=Fase.VERWEZEN, route=Route.VOORLIGGEND_VELD, crisis=i % 2 == 0)
        VerwijzingFactory(casus=casus)
    if pad == "stand":
        stand.verversen()
    client = client_for(teamleider)
    # session, user, groups, summary stand, escalations count and list, menu badge; then directly:
    # signal rule, open cases (one GROUPING SETS query), new cases, flows per week, referrals; or from
    # the summary: open cases, flows, referrals
    with django_assert_num_queries(DASHBOARD_QUERIES[pad]):
        assert client.get("/rapportage/").status_code == 200


# +1 since issue 20: django-otp's OTPMiddleware reads the verified device of a two-factor role.
DASHBOARD_QUERIES = {"direct": 13, "stand": 11}


def test_the_dashboard_lists_the_ten_newest_open_escalations_of_the_team(teamleider, team):
    from django.utils import timezone

    from rapportage.dashboard import dashboard

    nu = timezone.now()
    signalen = [
        SignaalFactory(escalatie=True, team=team, aangemaakt=nu - datetime.timedelta(hours=i))
        for i in range(12)
    ]
    SignaalFactory(escalatie=True, team=team, afgehandeld=True, aangemaakt=nu)  # handled: not listed
    ctx = dashboard(teamleider)
    assert [s.pk for s in ctx["escalaties"]] == [s.pk for s in signalen[:10]]
    assert ctx["escalaties_aantal"] == 12
