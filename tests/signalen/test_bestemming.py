"""A signal opens where its work is done: the term, the toewijzing, the voorziening, the referral."""

import pytest
from django.urls import reverse

from altena.access import Rol
from intake.workflow import Fase, Route
from signalen.models import Doel, SignaalSoort
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory
from tests.factories.signalen import SignaalFactory

pytestmark = pytest.mark.django_db


def open_signaal(client, signaal):
    response = client.post(signaal.get_absolute_url())
    assert response.status_code == 302
    return response["Location"]


def test_termijn_gaat_naar_de_termijn_op_de_maatwerkpagina(client_for, consultant):
    signaal = SignaalFactory(ontvanger=consultant, onderwerp="termijn:41")
    url = reverse("backoffice:casus", args=[signaal.casus.nummer])
    assert open_signaal(client_for(consultant), signaal) == url + "#termijn-41"


def test_voorziening_gaat_naar_de_voorziening(client_for, consultant):
    signaal = SignaalFactory(
        ontvanger=consultant, regel=SignaalSoort.VOORZIENING_EINDIGT, onderwerp="voorziening:7"
    )
    url = reverse("backoffice:casus", args=[signaal.casus.nummer])
    assert open_signaal(client_for(consultant), signaal) == url + "#voorziening-7"


def test_melding_niet_toegewezen_gaat_voor_de_teamleider_naar_toewijzen(client_for, teamleider, team):
    casus = CasusFactory(maatwerk=True, team=team, behandelaar=None)
    signaal = SignaalFactory(
        casus=casus,
        regel=SignaalSoort.MELDING_NIET_TOEGEWEZEN,
        doel=Doel.TEAMLEIDER,
        team=team,
        onderwerp="melding",
    )
    assert open_signaal(client_for(teamleider), signaal) == reverse(
        "backoffice:toewijzen", args=[casus.nummer]
    )


def test_verwijzing_gaat_naar_de_verwijzing_op_de_voordeur(client_for, frontoffice):
    casus = CasusFactory(fase=Fase.VERWEZEN, route=Route.VOORLIGGEND_VELD)
    signaal = SignaalFactory(
        casus=casus,
        ontvanger=frontoffice,
        regel=SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING,
        onderwerp="verwijzing:3",
    )
    url = reverse("intake:casus", args=[casus.nummer])
    assert open_signaal(client_for(frontoffice), signaal) == url + "#verwijzing-3"


def test_frontoffice_krijgt_een_maatwerkcasus_op_de_voordeurpagina(client_for):
    """A desk worker may not open the backoffice page: the one route sends it to the page it may see."""
    fo = UserFactory(rollen=[Rol.FRONTOFFICE])
    signaal = SignaalFactory(ontvanger=fo, regel=SignaalSoort.CRISIS_NIET_OPGEPAKT, onderwerp="crisis")
    assert open_signaal(client_for(fo), signaal) == reverse("intake:casus", args=[signaal.casus.nummer])


def test_verzoek_en_retour_gaan_naar_hun_berichtpagina(client_for, consultant):
    verzoek = SignaalFactory(
        ontvanger=consultant, regel=SignaalSoort.VERZOEK_ONTVANGEN, onderwerp="verzoek:5"
    )
    assert open_signaal(client_for(consultant), verzoek) == reverse("berichten:verzoek", kwargs={"pk": 5})
    retour = SignaalFactory(ontvanger=consultant, regel=SignaalSoort.RETOUR_MET_FOUTEN, onderwerp="bericht:8")
    assert open_signaal(client_for(consultant), retour) == reverse("berichten:bericht", kwargs={"pk": 8})
