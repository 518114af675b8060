"""The intake work queue and the household view: filters, order, access, query budgets."""

import datetime

import pytest
from django.utils import timezone

from altena.access import Rol
from altena.models import Verwerking
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory, VerwijzingFactory
from tests.factories.netwerk import KernFactory, TeamFactory
from tests.queries import precies_queries

pytestmark = pytest.mark.django_db

# Named query budgets, the same at 1 and at 25 rows. Per request the project spends a few queries
# before the page starts (session, user, roles, the signals badge in the menu): PER_REQUEST.
PER_REQUEST = 4
# the queue (exact): filter choices (kernen), the bounded count, the page's ids in key order (scope
# as a subquery), the page's rows with verwijzingen annotated in, one bulk insert into the
# verwerkingenlog for the inwoners shown, the badge
WERKVOORRAAD_QUERIES = PER_REQUEST + 6
# the household: household in scope, members, their cases, active referrals, visible cases,
# regisseur choices, one bulk insert into the verwerkingenlog, the household's letters (documenten)
HUISHOUDEN_QUERIES = PER_REQUEST + 9


def nummers(response):
    return [c.nummer for c in response.context["object_list"]]


def test_queue_shows_open_front_door_cases_crisis_first(client_for, frontoffice, kern, team):
    oud = CasusFactory(
        inwoner=InwonerFactory(kern=kern), aangemaakt=timezone.now() - datetime.timedelta(days=3)
    )
    crisis = CasusFactory(inwoner=InwonerFactory(kern=kern), met_crisis=True)
    verwezen = CasusFactory(inwoner=InwonerFactory(kern=kern), verwezen=True)
    CasusFactory(inwoner=InwonerFactory(kern=kern), maatwerk=True)
    CasusFactory(inwoner=InwonerFactory(kern=kern), fase="afgehandeld")
    response = client_for(frontoffice).get("/intake/")
    assert nummers(response) == [crisis.nummer, oud.nummer, verwezen.nummer]


def test_queue_filters(client_for, frontoffice, kern, team):
    # a municipality-wide team, so both kernen are in scope
    team.kernen.clear()
    andel = KernFactory(naam="Andel")
    a = CasusFactory(inwoner=InwonerFactory(kern=kern), kanaal="telefoon")
    b = CasusFactory(
        inwoner=InwonerFactory(kern=andel),
        kanaal="balie",
        urgentie="hoog",
        aangemaakt=timezone.now() - datetime.timedelta(days=10),
    )
    c = CasusFactory(inwoner=InwonerFactory(kern=kern), fase="afgehandeld")
    client = client_for(frontoffice)
    assert nummers(client.get("/intake/", {"kern": andel.pk})) == [b.nummer]
    assert nummers(client.get("/intake/", {"kanaal": "telefoon"})) == [a.nummer]
    assert nummers(client.get("/intake/", {"urgentie": "hoog"})) == [b.nummer]
    assert nummers(client.get("/intake/", {"status": "afgehandeld"})) == [c.nummer]
    vanaf = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    assert nummers(client.get("/intake/", {"van": vanaf})) == [a.nummer]
    tot = (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    assert nummers(client.get("/intake/", {"tot": tot})) == [b.nummer]
    crisis = CasusFactory(inwoner=InwonerFactory(kern=kern), met_crisis=True)
    assert nummers(client.get("/intake/", {"crisis": "true"})) == [crisis.nummer]
    assert crisis.nummer not in nummers(client.get("/intake/", {"crisis": "false"}))
    assert nummers(client.get("/intake/", {"nummer": a.nummer})) == [a.nummer]
    html = client.get("/intake/", {"kanaal": "email"}).content.decode()
    assert "Er staan geen hulpvragen in uw werkvoorraad" in html


def test_queue_scope_per_role(client_for, kern, team, consultant, teamleider):
    andel = KernFactory(naam="Andel")
    eigen = CasusFactory(inwoner=InwonerFactory(kern=kern), team=team)
    desk = UserFactory(username="balie-andel", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang Andel", kernen=[andel], leden=[desk])
    assert nummers(client_for(desk).get("/intake/")) == []
    assert nummers(client_for(consultant).get("/intake/")) == [eigen.nummer]
    assert nummers(client_for(teamleider).get("/intake/")) == [eigen.nummer]


@pytest.mark.parametrize("rows", [1, 25])
def test_queue_query_budget(client_for, frontoffice, kern, team, rows):
    for _ in range(rows):
        VerwijzingFactory(casus__inwoner=InwonerFactory(kern=kern))
    client = client_for(frontoffice)
    with precies_queries(WERKVOORRAAD_QUERIES):
        response = client.get("/intake/", {"status": ""})
    assert len(response.context["object_list"]) == rows


def test_queue_logs_the_inwoners_it_shows(client_for, frontoffice, kern, team):
    from altena.models import Verwerking

    casussen = [VerwijzingFactory(casus__inwoner=InwonerFactory(kern=kern)).casus for _ in range(3)]
    client_for(frontoffice).get("/intake/", {"status": ""})
    gelogd = set(
        Verwerking.objects.filter(actor=frontoffice, object_type="inwoner").values_list(
            "inwoner_id", flat=True
        )
    )
    assert gelogd == {c.inwoner_id for c in casussen}


# --- household ----------------------------------------------------------------------------------


def test_household_view_shows_members_cases_across_laws_and_active_referrals(
    client_for, frontoffice, kern, team
):
    huishouden = HuishoudenFactory(naam="Huishouden De Vries")
    moeder = InwonerFactory(kern=kern, huishouden=huishouden, voornamen="Els")
    kind = InwonerFactory(
        kern=kern, huishouden=huishouden, voornamen="Tim", geboortedatum=datetime.date(2015, 1, 1)
    )
    wmo = CasusFactory(inwoner=moeder, maatwerk=True)
    jeugd = CasusFactory(inwoner=kind, maatwerk=True, wet="jeugdwet", afgesloten=True)
    verwijzing = VerwijzingFactory(casus__inwoner=moeder, partner__naam="Welzijn Altena")
    response = client_for(frontoffice).get(f"/intake/huishouden/{huishouden.pk}/")
    html = response.content.decode()
    assert "Els" in html and "Tim" in html
    assert wmo.nummer in html and jeugd.nummer in html and "Jeugdwet" in html and "Wmo 2015" in html
    assert "Welzijn Altena" in html and verwijzing.casus.nummer in html
    assert "regisseur_form" not in response.context or response.context["regisseur_form"] is None
    assert set(Verwerking.objects.values_list("inwoner_id", flat=True)) == {moeder.pk, kind.pk}


def test_consultant_assigns_the_household_regisseur(client_for, consultant, kern, team):
    huishouden = HuishoudenFactory()
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern, huishouden=huishouden), team=team)
    client = client_for(consultant)
    page = client.get(f"/intake/huishouden/{huishouden.pk}/")
    assert page.context["regisseur_form"] is not None
    response = client.post(
        f"/intake/huishouden/{huishouden.pk}/regisseur/", {"regisseur": consultant.pk, "versie": 1}
    )
    assert response.status_code == 302
    huishouden.refresh_from_db()
    casus.refresh_from_db()
    assert huishouden.regisseur == consultant and casus.regisseur == consultant
    # a stale form (versie 1 again) gets a conflict message, nothing changes
    response = client.post(
        f"/intake/huishouden/{huishouden.pk}/regisseur/", {"regisseur": "", "versie": 1}, follow=True
    )
    assert "intussen gewijzigd" in response.content.decode()
    huishouden.refresh_from_db()
    assert huishouden.regisseur == consultant


def test_frontoffice_cannot_assign_a_regisseur(client_for, frontoffice, consultant, kern):
    huishouden = HuishoudenFactory()
    InwonerFactory(kern=kern, huishouden=huishouden)
    response = client_for(frontoffice).post(
        f"/intake/huishouden/{huishouden.pk}/regisseur/", {"regisseur": consultant.pk, "versie": 1}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("rows", [1, 25])
def test_household_query_budget(client_for, consultant, kern, team, rows):
    huishouden = HuishoudenFactory()
    for _ in range(rows):
        lid = InwonerFactory(kern=kern, huishouden=huishouden)
        VerwijzingFactory(casus__inwoner=lid, casus__team=team)
    client = client_for(consultant)
    with precies_queries(HUISHOUDEN_QUERIES):
        response = client.get(f"/intake/huishouden/{huishouden.pk}/")
    assert len(response.context["leden"]) == rows
    assert len(response.context["verwijzingen"]) == rows
