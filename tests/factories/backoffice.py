import datetime

import factory
from django.utils import timezone

from backoffice.models import Aanvraag, Besluit, Bezwaar, Feestdag, Product, Termijn, Voorziening
from netwerk.models import PartnerSoort

from .intake import CasusFactory
from .netwerk import PartnerFactory


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product
        django_get_or_create = ["wet", "naam"]

    wet = "wmo"
    naam = "Begeleiding individueel"
    categorie = "02"
    productcode = "02A01"
    eenheid = "uur"


class ZorgaanbiederFactory(PartnerFactory):
    naam = factory.Sequence(lambda n: f"Zorgaanbieder {n}")
    soort = PartnerSoort.ZORGAANBIEDER_WMO
    agb_code = factory.Sequence(lambda n: f"{75000000 + n:08d}")
    istandaarden_categorieen = factory.LazyFunction(lambda: ["01", "02"])


class FeestdagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feestdag
        django_get_or_create = ["datum"]

    datum = datetime.date(2030, 5, 31)
    omschrijving = "Vrijdag na Hemelvaartsdag"
    grondslag = "Atw art. 3 lid 3"


class AanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanvraag

    casus = factory.SubFactory(CasusFactory, maatwerk=True, fase="aanvraag")
    wet = factory.SelfAttribute("casus.wet")
    ontvangen_op = factory.LazyFunction(timezone.localdate)
    omschrijving = "Begeleiding bij het regelen van de dag."


class BesluitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Besluit

    casus = factory.SubFactory(CasusFactory, maatwerk=True, fase="besluit")
    soort = Besluit.Soort.TOEKENNING
    besluitdatum = factory.LazyFunction(timezone.localdate)
    verzonden_op = factory.SelfAttribute("besluitdatum")
    motivering = "Uit het onderzoek blijkt dat de inwoner begeleiding nodig heeft."
    grondslag = "Wmo 2015 art. 2.3.5"


class VoorzieningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voorziening

    besluit = factory.SubFactory(BesluitFactory)
    casus = factory.SelfAttribute("besluit.casus")
    product = factory.SubFactory(ProductFactory)
    aanbieder = factory.SubFactory(ZorgaanbiederFactory)
    volume = 3
    eenheid = "uur"
    frequentie = "week"
    startdatum = factory.LazyFunction(timezone.localdate)
    einddatum = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))


class TermijnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Termijn

    casus = factory.SubFactory(CasusFactory, maatwerk=True)
    soort = "wmo_onderzoek"
    startdatum = factory.LazyFunction(timezone.localdate)
    uiterste_datum = factory.LazyAttribute(lambda o: o.startdatum + datetime.timedelta(weeks=6))
    regel = "6 weken na melding (Wmo 2015 art. 2.3.2)"


class BezwaarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bezwaar

    besluit = factory.SubFactory(BesluitFactory)
    casus = factory.SelfAttribute("besluit.casus")
    ontvangen_op = factory.LazyFunction(timezone.localdate)
    einde_bezwaartermijn = factory.LazyAttribute(
        lambda o: o.besluit.verzonden_op + datetime.timedelta(weeks=6)
    )
