from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from backoffice.models import Opschorting, Verdaging
from tests.documenten.conftest import besluit_met_voorziening, gemeente  # noqa: F401  (fixtures)
from tests.factories.backoffice import TermijnFactory
from tests.factories.intake import CasusFactory, InwonerFactory


@pytest.fixture(autouse=True)
def portaal_gemeente(settings):
    settings.MIJN_GEMEENTE = "Altena"


def inwoner_client(inwoner) -> Client:
    """Logged in the way the demo does it: the mock IdP's return page with the BSN."""
    client = Client()
    response = client.get("/mijn/digid-demo/acs/", {"bsn": inwoner.bsn})
    assert response.status_code == 302 and response.url == "/mijn/overzicht/", response
    return client


@pytest.fixture
def inwoner_a(kern):
    return InwonerFactory(kern=kern, voornamen="Anna", achternaam="Aalbers")


@pytest.fixture
def inwoner_b(kern):
    return InwonerFactory(kern=kern, voornamen="Bert", achternaam="Bakker")


@pytest.fixture
def wmo_casus(inwoner_a, team, consultant):
    """A Wmo case in onderzoek whose term was suspended for information and then extended."""
    casus = CasusFactory(
        inwoner=inwoner_a, maatwerk=True, fase="onderzoek", team=team, behandelaar=consultant
    )
    vandaag = timezone.localdate()
    termijn = TermijnFactory(casus=casus, startdatum=vandaag - timedelta(days=20))
    Verdaging.objects.create(
        termijn=termijn,
        medegedeeld_op=vandaag - timedelta(days=2),
        nieuwe_datum=termijn.uiterste_datum + timedelta(days=21),
        mededeling="Wij wachten op advies van de huisarts.",
        door=consultant,
    )
    termijn.uiterste_datum = termijn.uiterste_datum + timedelta(days=21)
    termijn.verdaagd_tot = termijn.uiterste_datum
    termijn.save()
    Opschorting.objects.create(
        termijn=termijn, van=vandaag - timedelta(days=1), reden="Stuur ons de brief van uw huisarts"
    )
    return casus
