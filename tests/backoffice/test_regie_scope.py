"""Regie without leaking (issue 10, found #4): the backoffice case page tells THAT a household member
has a case under a law, its fase and whom to contact; not its content or voorzieningen outside the
user's scope. The household members named are logged."""

import pytest
from django.urls import reverse

from altena.models import Verwerking
from tests.factories.altena import UserFactory
from tests.factories.backoffice import BesluitFactory, ProductFactory, VoorzieningFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory
from tests.factories.netwerk import TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gezin(kern, team, consultant):
    from altena.access import Rol

    huishouden = HuishoudenFactory(naam="Huishouden Bakker")
    ouder = InwonerFactory(kern=kern, huishouden=huishouden, achternaam="Bakker")
    kind = InwonerFactory(kern=kern, huishouden=huishouden, voornamen="Kind", achternaam="Bakker")
    eigen = CasusFactory(inwoner=ouder, team=team, maatwerk=True, behandelaar=consultant)
    jeugdteam = TeamFactory(naam="Jeugdteam", kernen=[kern])
    jeugdconsulent = UserFactory(
        username="jeugd", first_name="Jet", last_name="Jeugd", rollen=[Rol.CONSULTANT]
    )
    jeugdteam.leden.add(jeugdconsulent)
    jeugd = CasusFactory(
        inwoner=kind,
        team=jeugdteam,
        maatwerk=True,
        wet="jeugdwet",
        behandelaar=jeugdconsulent,
        hulpvraag="Vertrouwelijke jeugdhulpvraag",
    )
    besluit = BesluitFactory(casus=jeugd)
    VoorzieningFactory(besluit=besluit, product=ProductFactory(wet="jeugdwet", naam="Pleegzorg"))
    return {"eigen": eigen, "jeugd": jeugd, "kind": kind}


def test_other_team_case_shows_law_fase_and_contact_not_content(client_for, consultant, gezin):
    url = reverse("backoffice:casus", kwargs={"nummer": gezin["eigen"].nummer})
    response = client_for(consultant).get(url)
    html = response.content.decode()
    jeugd = gezin["jeugd"]
    assert jeugd.nummer in html and "Jeugdwet" in html and "Jet Jeugd" in html and "Jeugdteam" in html
    assert reverse("backoffice:casus", kwargs={"nummer": jeugd.nummer}) not in html  # no link
    assert "Pleegzorg" not in html and "Vertrouwelijke" not in html
    assert response.context["huishouden_voorzieningen"] == []
    assert (
        Verwerking.objects.filter(actor=consultant, inwoner_id=gezin["kind"].pk, resultaat="geslaagd").count()
        == 1
    )


def test_the_case_in_scope_shows_its_voorziening(client_for, consultant, gezin, team):
    gezin["jeugd"].team = team
    gezin["jeugd"].save()
    url = reverse("backoffice:casus", kwargs={"nummer": gezin["eigen"].nummer})
    html = client_for(consultant).get(url).content.decode()
    assert "Pleegzorg" in html
    assert reverse("backoffice:casus", kwargs={"nummer": gezin["jeugd"].nummer}) in html


def test_household_page_hides_life_domains_and_referrals_of_cases_out_of_scope(client_for, consultant, gezin):
    gezin["jeugd"].leefgebieden = ["verslaving"]
    gezin["jeugd"].save()
    html = client_for(consultant).get(f"/intake/huishouden/{gezin['eigen'].huishouden_id}/").content.decode()
    assert gezin["jeugd"].nummer in html and "Jeugdteam" in html
    assert "Verslaving" not in html
