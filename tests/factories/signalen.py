import factory
from django.utils import timezone

from signalen.models import Doel, Signaal, SignaalSoort

from .intake import CasusFactory


class SignaalFactory(factory.django.DjangoModelFactory):
    """A signal as a sweep would make it (tests of the inbox; the sweeps make their own)."""

    class Meta:
        model = Signaal

    regel = SignaalSoort.TERMIJN_NADERT
    casus = factory.SubFactory(CasusFactory, maatwerk=True)
    doel = Doel.PERSOON
    onderwerp = factory.Sequence(lambda n: f"termijn:{n}")
    peildatum = factory.LazyFunction(timezone.localdate)
    tekst = "Wmo: onderzoek afronden: de termijn verloopt op 13-04-2026."
    aangemaakt = factory.LazyFunction(timezone.now)

    class Params:
        escalatie = factory.Trait(regel=SignaalSoort.TERMIJN_VERSTREKEN, doel=Doel.TEAMLEIDER)
        afgehandeld = factory.Trait(afgehandeld_op=factory.LazyFunction(timezone.now))
