import pytest

from intake.workflow import Fase, Route
from tests.factories.intake import CasusFactory
from tests.queries import precies_queries

pytestmark = pytest.mark.django_db


def test_dashboard_counts_the_teams_open_cases_per_fase(client_for, teamleider, team):
    CasusFactory(team=team)
    CasusFactory(team=team, crisis=True)
    CasusFactory(team=team, maatwerk=True)
    CasusFactory(team=team, afgesloten=True)
    CasusFactory()  # another team's case: not counted
    response = client_for(teamleider).get("/rapportage/")
    assert response.status_code == 200
    per_fase = {label: n for label, n, _ in response.context["per_fase"]}
    urls = {label: url for label, _, url in response.context["per_fase"]}
    assert urls[Fase.MELDING.label] == "/backoffice/?fase=melding"  # maatwerk numbers: the maatwerk queue
    assert urls[Fase.AANGEMELD.label] == "/intake/?status=aangemeld"
    assert 'href="/backoffice/?fase=melding"' in response.content.decode()
    assert per_fase[Fase.AANGEMELD.label] == 2
    assert per_fase[Fase.MELDING.label] == 1
    assert Fase.AFGESLOTEN.label not in per_fase
    assert response.context["crisis_open"] == 1


# Session, user, roles, badge, the team, the counts per fase and crisis, escalations: exact.
DASHBOARD_QUERIES = 7


@pytest.mark.parametrize("rijen", [1, 25])
def test_dashboard_query_budget(client_for, teamleider, team, rijen):
    for _ in range(rijen):
        CasusFactory(team=team, fase=Fase.VERWEZEN, route=Route.VOORLIGGEND_VELD)
    client = client_for(teamleider)
    with precies_queries(DASHBOARD_QUERIES):
        assert client.get("/rapportage/").status_code == 200
