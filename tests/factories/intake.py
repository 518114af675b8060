import datetime

import factory
from django.utils import timezone

from intake.models import Casus, Huishouden, Inwoner
from intake.services import volgend_casusnummer
from intake.workflow import Fase, Route

from .netwerk import KernFactory


def bsn_for(n: int) -> str:
    """A valid (elfproef) BSN derived from a number; deterministic and distinct per n."""
    base = 100000000 + n * 10
    while True:
        digits = f"{base:09d}"
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            return digits[:8] + str(check)
        base += 10


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden

    naam = factory.Sequence(lambda n: f"Huishouden {n}")


class InwonerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inwoner

    bsn = factory.Sequence(bsn_for)
    voornamen = factory.Faker("first_name", locale="nl_NL")
    achternaam = factory.Faker("last_name", locale="nl_NL")
    geboortedatum = datetime.date(1950, 5, 17)
    straat = "Dorpsstraat"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    postcode = "4254 AB"
    woonplaats = "Sleeuwijk"
    kern = factory.SubFactory(KernFactory)


class CasusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Casus

    class Params:
        maatwerk = factory.Trait(
            fase=Fase.MELDING,
            route=Route.MAATWERK,
            wet="wmo",
            meldingsdatum=factory.LazyFunction(timezone.localdate),
        )
        afgesloten = factory.Trait(fase=Fase.AFGESLOTEN, afsluitreden="doel bereikt")

    nummer = factory.LazyFunction(volgend_casusnummer)
    inwoner = factory.SubFactory(InwonerFactory)
    kern = factory.SelfAttribute("inwoner.kern")
    hulpvraag = "Ik red het niet meer met het huishouden."
    kanaal = "balie"
    leefgebieden = factory.LazyFunction(lambda: ["huisvesting"])
    aangemaakt = factory.LazyFunction(timezone.now)
