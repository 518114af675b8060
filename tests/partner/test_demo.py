"""The demo: user ``partner`` works for a welfare partner serving Almkerk with open referrals there,
and the demo partners have capacity data. Idempotent."""

import io

import pytest
from django.core.management import call_command

from intake.models import Verwijzing
from netwerk.models import Aanbod
from partner.models import PartnerMedewerker

pytestmark = pytest.mark.django_db


def test_demo_partner_user_with_open_referrals_in_almkerk(settings, client_for):
    call_command("seed_demo", casussen=600, stdout=io.StringIO())
    call_command("seed_demo", casussen=600, stdout=io.StringIO())
    medewerker = PartnerMedewerker.objects.select_related("partner", "gebruiker").get(
        gebruiker__username="partner"
    )
    partner = medewerker.partner
    assert partner.soort == "welzijn"
    open_almkerk = Verwijzing.objects.filter(
        partner=partner,
        status__in=Verwijzing.ACTIEVE_STATUSSEN,
        casus__kern__naam="Almkerk",
        casus__toestemming_delen=True,
    )
    assert open_almkerk.count() >= 3
    assert Aanbod.objects.filter(partner__gemeente="Altena").values("partner").distinct().count() >= 30
    assert set(Aanbod.objects.values_list("capaciteit", flat=True)) == {"ruimte", "wachtlijst", "vol"}
    assert Aanbod.objects.filter(partner=partner, capaciteit="ruimte").exists()

    assert medewerker.gebruiker.check_password(settings.DEMO_PASSWORD)
    html = client_for(medewerker.gebruiker).get("/partner/").content.decode()
    assert html.count('data-testid="verwijzing-rij"') >= 3
    assert "(naam niet gedeeld)" not in html
