"""Capacity per offer on the sociale kaart: stale after a configurable number of weeks, shown when
choosing a partner, partners with room first; the partner keeps it current in its portal."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from intake.selectors import partners_voor_verwijzing
from netwerk.models import Aanbod, Capaciteit
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import PartnerFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate


def aanbod(partner, capaciteit=Capaciteit.RUIMTE, dagen_geleden=0, weken=None, naam="Begeleiding"):
    return Aanbod.objects.create(
        partner=partner,
        naam=naam,
        capaciteit=capaciteit,
        wachttijd_weken=weken,
        bevestigd_op=VANDAAG() - datetime.timedelta(days=dagen_geleden)
        if dagen_geleden is not None
        else None,
    )


@pytest.mark.parametrize(
    "weken,dagen_geleden,verouderd",
    [
        (4, 0, False),
        (4, 27, False),
        (4, 28, True),
        (4, 100, True),
        (2, 13, False),
        (2, 14, True),
        (4, None, True),
    ],
)
def test_staleness_follows_the_configured_weeks(welzijn, weken, dagen_geleden, verouderd):
    a = aanbod(welzijn, dagen_geleden=dagen_geleden)
    with override_settings(SOCIALE_KAART_CAPACITEIT_GELDIG_WEKEN=weken):
        assert a.is_verouderd is verouderd
        assert Aanbod.objects.actueel().filter(pk=a.pk).exists() is not verouderd


def test_the_referral_form_offers_partners_with_room_first(client_for, frontoffice, kern, team):
    casus = CasusFactory(
        inwoner=InwonerFactory(kern=kern), team=team, met_toestemming=True, leefgebieden=["sociaal_netwerk"]
    )
    maak = lambda naam: PartnerFactory(naam=naam, kernen=[kern], leefgebieden=["sociaal_netwerk"])  # noqa: E731
    vol = maak("A Vol")
    aanbod(vol, Capaciteit.VOL)
    onbekend = maak("B Onbekend")
    wachtlijst = maak("C Wachtlijst")
    aanbod(wachtlijst, Capaciteit.WACHTLIJST, weken=3)
    oud = maak("D Ruimte maar oud")
    aanbod(oud, Capaciteit.RUIMTE, dagen_geleden=70)
    ruimte = maak("E Ruimte")
    aanbod(ruimte, Capaciteit.VOL, naam="Groep")
    aanbod(ruimte, Capaciteit.RUIMTE, naam="Maatje")
    assert list(partners_voor_verwijzing(casus=casus)) == [ruimte, oud, wachtlijst, onbekend, vol]

    response = client_for(frontoffice).get(f"/intake/casus/{casus.nummer}/verwijzen/")
    html = response.content.decode()
    assert html.index("E Ruimte") < html.index("D Ruimte maar oud") < html.index("A Vol")
    assert "Maatje: ruimte nu" in html and "Groep: vol" in html
    assert "Wachtlijst, ca. 3 weken".lower() in html
    assert "verouderd, bevestigd" in html


def test_the_partner_updates_and_confirms_its_capacity(pw, welzijn, medewerker):
    a = aanbod(welzijn, Capaciteit.RUIMTE, dagen_geleden=60)
    andere = aanbod(PartnerFactory(), Capaciteit.RUIMTE, dagen_geleden=60)
    html = pw.get("/partner/capaciteit/").content.decode()
    assert "Begeleiding" in html and "verouderd" in html
    prefix = f"aanbod-{a.pk}"
    response = pw.post("/partner/capaciteit/", {"aanbod": a.pk, f"{prefix}-capaciteit": "wachtlijst"})
    assert "verwachte wachttijd" in response.content.decode()
    a.refresh_from_db()
    assert a.capaciteit == "ruimte"
    response = pw.post(
        "/partner/capaciteit/",
        {"aanbod": a.pk, f"{prefix}-capaciteit": "wachtlijst", f"{prefix}-wachttijd_weken": "5"},
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.capaciteit, a.wachttijd_weken, a.bevestigd_op, a.bevestigd_door) == (
        "wachtlijst",
        5,
        VANDAAG(),
        medewerker.gebruiker,
    )
    assert not a.is_verouderd
    # another partner's offer: not found, not changed
    response = pw.post("/partner/capaciteit/", {"aanbod": andere.pk, f"aanbod-{andere.pk}-capaciteit": "vol"})
    assert response.status_code == 404
    andere.refresh_from_db()
    assert andere.capaciteit == "ruimte"


def test_capacity_on_the_sociale_kaart(client_for, frontoffice, welzijn):
    aanbod(welzijn, Capaciteit.WACHTLIJST, weken=2, dagen_geleden=90)
    html = client_for(frontoffice).get(f"/netwerk/partners/{welzijn.pk}/").content.decode()
    assert "Wachtlijst, ca. 2 weken" in html and "verouderd" in html


@pytest.mark.parametrize("aanbod_id", ["abc", "1e5", "-1", "9" * 40, " 1", "1.5"])
def test_a_non_numeric_offer_is_not_found_not_a_500(pw, welzijn, aanbod_id):
    """Issue 21: 87 of 2,000 fuzz requests with a non-numeric ``aanbod`` gave a 500."""
    a = aanbod(welzijn)
    response = pw.post("/partner/capaciteit/", {"aanbod": aanbod_id, f"aanbod-{a.pk}-capaciteit": "vol"})
    assert response.status_code == 404
    a.refresh_from_db()
    assert a.capaciteit == "ruimte"
