import factory

from altena.access import Rol
from partner.models import PartnerMedewerker

from .altena import UserFactory
from .netwerk import PartnerFactory


class PartnerMedewerkerFactory(factory.django.DjangoModelFactory):
    """A partner's worker with an account: a user with the Partner role linked to its organisation."""

    class Meta:
        model = PartnerMedewerker

    gebruiker = factory.SubFactory(
        UserFactory,
        username=factory.Sequence(lambda n: f"partnermedewerker{n}"),
        email=factory.Sequence(lambda n: f"medewerker{n}@partner.example"),
        rollen=[Rol.PARTNER],
    )
    partner = factory.SubFactory(PartnerFactory)
