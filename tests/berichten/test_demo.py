"""The demo: seed_demo's bounded 301s and the provider played by berichten_demo_aanbieder."""

import pytest
from django.core.management import call_command

from berichten.models import Bericht, Levering, Richting, Status, Verzoek
from tests.factories.backoffice import ZorgaanbiederFactory

from .conftest import assert_valid

pytestmark = pytest.mark.django_db


def test_demo_aanbieder_start_en_verzoek(toekennen, huishoudelijke_hulp, thuiszorg, berichtenmap):
    toekennen(huishoudelijke_hulp, thuiszorg)
    ZorgaanbiederFactory(naam="Andere thuiszorg", agb_code="75999999", istandaarden_categorieen=["02"])
    call_command("berichten_demo_aanbieder", verbosity=0)
    assert Levering.objects.count() == 1
    ontvangen = Bericht.objects.filter(richting=Richting.IN)
    assert {b.berichttype for b in ontvangen} == {"WMO305", "WMO315"}
    assert all(b.status == Status.VERWERKT for b in ontvangen), [b.fouten for b in ontvangen]
    for b in ontvangen:
        assert_valid(b)
    assert Verzoek.objects.get().aanbieder.agb_code == "75999999"
    # A second run has nothing left to start and the client already has an open verzoek.
    call_command("berichten_demo_aanbieder", verbosity=0)
    assert Bericht.objects.filter(richting=Richting.IN).count() == 2


def test_demo_stap_maakt_301_voor_bestaande_voorzieningen(toekennen, huishoudelijke_hulp, thuiszorg):
    from altena.demo import DemoContext
    from berichten.demo import demo_toewijzingen
    from berichten.models import Toewijzing

    toekennen(huishoudelijke_hulp, thuiszorg)
    Bericht.objects.all().delete()
    Toewijzing.objects.all().delete()
    ctx = DemoContext(
        gemeente="altena",
        gemeente_naam="Altena",
        casussen=1,
        password="x",
        stdout=type("S", (), {"write": lambda self, m: None})(),
    )
    demo_toewijzingen(ctx)
    demo_toewijzingen(ctx)
    assert Toewijzing.objects.count() == 1
    assert Bericht.objects.filter(berichttype="WMO301").count() == 1
