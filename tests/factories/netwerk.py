import factory

from netwerk.models import Contactpersoon, Kern, Partner, PartnerSoort, Team


class KernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kern
        django_get_or_create = ["gemeente", "naam"]

    naam = factory.Sequence(lambda n: f"Kern {n}")
    voormalige_gemeente = "Werkendam"
    gemeente = "Altena"
    postcodegebieden = factory.LazyFunction(lambda: ["4254"])


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Team {n}")
    gemeente = "Altena"

    @factory.post_generation
    def kernen(self, create, extracted, **kwargs):
        if create and extracted:
            self.kernen.set(extracted)

    @factory.post_generation
    def leden(self, create, extracted, **kwargs):
        if create and extracted:
            self.leden.set(extracted)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True

    class Params:
        zorgaanbieder = factory.Trait(
            soort=PartnerSoort.ZORGAANBIEDER_WMO,
            agb_code=factory.Sequence(lambda n: f"98{n:06d}"),
            istandaarden_categorieen=factory.LazyFunction(lambda: ["01", "02"]),
        )

    naam = factory.Sequence(lambda n: f"Partner {n}")
    soort = PartnerSoort.WELZIJN
    gemeente = "Altena"
    omschrijving = "Ondersteuning in de kern."
    leefgebieden = factory.LazyFunction(lambda: ["sociaal_netwerk"])
    telefoon = "0183-123456"

    @factory.post_generation
    def kernen(self, create, extracted, **kwargs):
        if create and extracted:
            self.kernen.set(extracted)


class ContactpersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactpersoon

    partner = factory.SubFactory(PartnerFactory)
    naam = factory.Faker("name", locale="nl_NL")
    rol = "coördinator"
    telefoon = "06-12345678"
