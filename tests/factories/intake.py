import datetime

import factory
from django.utils import timezone

from intake.models import Casus, Huishouden, Inwoner, Verwijzing, ZrmScore
from intake.services import volgend_casusnummer
from intake.workflow import Fase, Route

from .netwerk import KernFactory, PartnerFactory


def bsn_for(n: int) -> str:
    """A valid (elfproef) BSN derived from a number; deterministic and distinct per n."""
    base = 100000000 + n * 100  # the check digit skips at most one step of 10: never collides
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
    gemeente = "Altena"  # the KernFactory's default; pass gemeente= for a household elsewhere


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
        verwezen = factory.Trait(fase=Fase.VERWEZEN, route=Route.VOORLIGGEND_VELD)
        met_crisis = factory.Trait(crisis=True, urgentie="hoog")
        met_toestemming = factory.Trait(
            toestemming_delen=True,
            toestemming_scope="Partners in de kern: naam, adres en hulpvraag",
            toestemming_datum=factory.LazyFunction(timezone.localdate),
        )

    nummer = factory.LazyFunction(volgend_casusnummer)
    inwoner = factory.SubFactory(InwonerFactory)
    huishouden = factory.SelfAttribute("inwoner.huishouden")
    kern = factory.SelfAttribute("inwoner.kern")
    hulpvraag = "Ik red het niet meer met het huishouden."
    kanaal = "balie"
    leefgebieden = factory.LazyFunction(lambda: ["huisvesting"])
    aangemaakt = factory.LazyFunction(timezone.now)


class VerwijzingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verwijzing

    casus = factory.SubFactory(CasusFactory, verwezen=True, met_toestemming=True)
    partner = factory.SubFactory(PartnerFactory)
    verstuurd_op = factory.LazyFunction(timezone.now)
    toelichting = "Graag contact opnemen."


class ZrmScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZrmScore

    casus = factory.SubFactory(CasusFactory)
    domein = "instrumentele_adl"
    score = 2
    reden = "Kan het huishouden niet meer zelf doen."
    gescoord_op = factory.LazyFunction(timezone.localdate)
