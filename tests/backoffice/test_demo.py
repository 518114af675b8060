"""seed_demo step 45 and 70: the catalogue, and set-based terms, besluiten and voorzieningen for
demo cases, equal to what the app computes, and idempotent."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from altena.demo import DemoContext
from backoffice import termijnen as tw
from backoffice.demo import demo_maatwerk, demo_productcatalogus
from backoffice.models import Besluit, Product, Termijn, Voorziening
from backoffice.selectors import atw_feestdagen
from intake.models import CasusGebeurtenis
from tests.factories.backoffice import ZorgaanbiederFactory
from tests.factories.intake import CasusFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def ctx():
    return DemoContext(
        gemeente="altena", gemeente_naam="Altena", casussen=0, password="x", stdout=io.StringIO()
    )


def demo_casus(wet, fase, pad, start):
    casus = CasusFactory(maatwerk=True, wet=wet, fase=fase, meldingsdatum=start.date())
    for i, (van, naar) in enumerate(zip(pad[:-1], pad[1:], strict=True)):
        CasusGebeurtenis.objects.create(
            casus=casus,
            soort="overgang",
            fase_van=van,
            fase_naar=naar,
            tijdstip=start + timedelta(days=7 * i),
        )
    return casus


def test_demo_maatwerk_set_based_en_idempotent(vandaag):
    demo_productcatalogus(ctx())
    assert Product.objects.filter(wet="wmo", categorie="02").exists()
    assert Product.objects.filter(wet="participatiewet", categorie="").exists()
    ZorgaanbiederFactory()
    ZorgaanbiederFactory(soort="zorgaanbieder_jeugd", istandaarden_categorieen=["45"])
    start = datetime(2026, 1, 5, 10, tzinfo=AMS)
    melding = demo_casus("wmo", "melding", ["aangemeld", "melding"], start)
    in_zorg = demo_casus(
        "wmo", "in_zorg", ["aangemeld", "melding", "onderzoek", "aanvraag", "besluit", "in_zorg"], start
    )
    jeugd = demo_casus("jeugdwet", "besluit", ["aangemeld", "melding", "aanvraag", "besluit"], start)

    demo_maatwerk(ctx())
    onderzoek = Termijn.objects.get(casus=melding, soort="wmo_onderzoek")
    verwacht = tw.bereken_termijn("wmo_onderzoek", start.date(), feestdagen=atw_feestdagen())
    assert (onderzoek.uiterste_datum, onderzoek.regel, onderzoek.afgerond_op) == (
        verwacht.uiterste_datum,
        verwacht.regel,
        None,
    )
    beschikking = Termijn.objects.get(casus=in_zorg, soort="wmo_beschikking")
    assert beschikking.startdatum == (start + timedelta(days=14)).date()
    assert beschikking.afgerond_op == (start + timedelta(days=21)).date()
    assert Besluit.objects.filter(casus__in=[in_zorg, jeugd]).count() == 2
    v = Voorziening.objects.get(casus=jeugd)
    assert v.product.wet == "jeugdwet"
    if v.leveringsvorm == "natura":  # every tenth case is a pgb, without a provider
        assert v.aanbieder.soort == "zorgaanbieder_jeugd"
    else:
        assert v.aanbieder is None
    assert v.einddatum > v.startdatum

    aantallen = (Termijn.objects.count(), Besluit.objects.count(), Voorziening.objects.count())
    demo_maatwerk(ctx())
    demo_productcatalogus(ctx())
    assert (Termijn.objects.count(), Besluit.objects.count(), Voorziening.objects.count()) == aantallen
