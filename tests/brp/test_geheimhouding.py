"""Geheimhouding in the BRP: the address never leaves the gemeente (no referral, no partner portal)."""

import pytest
from django.core.exceptions import ValidationError

from intake.models import GedeeldGegeven as G
from intake.services import verwijzing_maken
from partner.weergave import gedeeld
from tests.factories.intake import CasusFactory, InwonerFactory, VerwijzingFactory
from tests.factories.netwerk import PartnerFactory

pytestmark = pytest.mark.django_db


def test_verwijzing_met_adres_wordt_geweigerd(kern, frontoffice):
    inwoner = InwonerFactory(kern=kern, geheimhouding=True)
    casus = CasusFactory(inwoner=inwoner, kern=kern, met_toestemming=True)
    partner = PartnerFactory()
    with pytest.raises(ValidationError, match="geheimhouding"):
        verwijzing_maken(casus=casus, partner=partner, door=frontoffice, gedeelde_gegevens=[G.NAAM, G.ADRES])
    verwijzing = verwijzing_maken(
        casus=casus, partner=partner, door=frontoffice, gedeelde_gegevens=[G.NAAM, G.TELEFOON]
    )
    assert G.ADRES not in verwijzing.gedeelde_gegevens


def test_partnerportaal_toont_het_adres_niet_meer_na_geheimhouding(kern):
    verwijzing = VerwijzingFactory(gedeelde_gegevens=[G.NAAM, G.ADRES])
    inwoner = verwijzing.casus.inwoner
    assert inwoner.straat in [g.waarde for g in gedeeld(verwijzing).gegevens][1]
    inwoner.geheimhouding = True
    inwoner.save()
    verwijzing.refresh_from_db()
    waarden = {g.code: g.waarde for g in gedeeld(verwijzing).gegevens}
    assert waarden[G.ADRES] == "afgeschermd (geheimhouding)" and inwoner.straat not in str(waarden)
