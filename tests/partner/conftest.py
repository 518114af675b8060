import pytest
from django.utils import timezone

from intake.models import STANDAARD_GEDEELD
from tests.factories.intake import CasusFactory, InwonerFactory, VerwijzingFactory
from tests.factories.netwerk import PartnerFactory
from tests.factories.partner import PartnerMedewerkerFactory
from tests.signalen.conftest import regels, sweep  # noqa: F401 - the sweep fixtures, shared


@pytest.fixture
def welzijn(kern):
    return PartnerFactory(naam="Welzijn Sleeuwijk", kernen=[kern], leefgebieden=["sociaal_netwerk"])


@pytest.fixture
def medewerker(welzijn):
    return PartnerMedewerkerFactory(
        partner=welzijn, gebruiker__first_name="Wil", gebruiker__last_name="Welzijn"
    )


@pytest.fixture
def pw(client_for, medewerker):
    """A logged-in client of the partner's worker."""
    return client_for(medewerker.gebruiker)


@pytest.fixture
def verwijzing(kern, team, frontoffice, welzijn):
    """A referral from the desk worker to the welfare partner, with the default consent scope."""
    casus = CasusFactory(
        inwoner=InwonerFactory(
            kern=kern,
            voornamen="Anna",
            achternaam="Jansen",
            telefoon="06-11112222",
            email="anna@voorbeeld.nl",
        ),
        team=team,
        verwezen=True,
        met_toestemming=True,
        hulpvraag="Ik zit veel alleen thuis sinds mijn man is overleden.",
        leefgebieden=["sociaal_netwerk"],
    )
    return VerwijzingFactory(
        casus=casus,
        partner=welzijn,
        door=frontoffice,
        verstuurd_op=timezone.now(),
        gedeelde_gegevens=list(STANDAARD_GEDEELD),
    )
