"""The demo partners: at least 60 for Altena across all 21 kernen, idempotent, and Westerkwartier by data."""

import io
from collections import Counter

import pytest

from altena.demo import DemoContext
from netwerk.demo import demo_kernen, demo_partners
from netwerk.models import Kern, Partner, PartnerSoort

pytestmark = pytest.mark.django_db


def _ctx(gemeente):
    return DemoContext(gemeente=gemeente, gemeente_naam="", casussen=0, password="x", stdout=io.StringIO())


def _seed(gemeente):
    ctx = _ctx(gemeente)
    demo_kernen(ctx)
    demo_partners(ctx)


def test_altena_has_many_partners_of_several_kinds_in_every_kern():
    _seed("altena")
    partners = Partner.objects.filter(gemeente="Altena")
    assert partners.count() >= 60
    alle_kernen = partners.filter(alle_kernen=True)
    assert alle_kernen.count() >= 5
    kernen = Kern.objects.filter(gemeente="Altena")
    assert kernen.count() == 21
    for kern in kernen:
        soorten = set(partners.voor_kern(kern).values_list("soort", flat=True))
        eigen = set(partners.filter(kernen=kern).values_list("soort", flat=True))
        assert len(soorten) >= 5, kern
        assert len(eigen) >= 2, kern  # partners of its own, not only the municipality-wide ones
    zorg = partners.filter(soort__in=[PartnerSoort.ZORGAANBIEDER_WMO, PartnerSoort.ZORGAANBIEDER_JEUGD])
    assert zorg.count() >= 5
    assert all(p.agb_code and p.istandaarden_categorieen for p in zorg)
    assert Counter(zorg.values_list("soort", flat=True))[PartnerSoort.ZORGAANBIEDER_JEUGD] >= 2


def test_lonely_man_in_uppel_has_partners_on_sociaal_netwerk():
    _seed("altena")
    uppel = Kern.objects.get(naam="Uppel")
    namen = set(
        Partner.objects.voor_kern(uppel).met_leefgebied("sociaal_netwerk").values_list("naam", flat=True)
    )
    assert {"Welzijn Altena Samen", "Ouderensoos Almkerk-Uppel", "Dorpshuis De Kruisweg"} <= namen


def test_seeding_twice_gives_the_same_counts():
    _seed("altena")
    counts = (Partner.objects.count(), Partner.kernen.through.objects.count())
    _seed("altena")
    assert (Partner.objects.count(), Partner.kernen.through.objects.count()) == counts


def test_westerkwartier_works_by_data_alone():
    _seed("westerkwartier")
    partners = Partner.objects.filter(gemeente="Westerkwartier")
    assert partners.count() >= 10
    assert not Partner.objects.filter(gemeente="Altena").exists()
    assert partners.filter(agb_code__gt="").exists()
