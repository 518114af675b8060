"""Partner validation: AGB code, KvK number, zorgaanbieder rules and duplicate names per kern."""

import pytest
from django.core.exceptions import ValidationError

from netwerk.models import Partner
from netwerk.validators import normaliseer_nummer, valideer_agb_code, valideer_kvk_nummer
from tests.factories.netwerk import KernFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("waarde", ["98001011", "01234567"])
def test_valid_agb_codes(waarde):
    valideer_agb_code(waarde)


@pytest.mark.parametrize("waarde", ["1234567", "123456789", "9800101A", "", "98-00"])
def test_invalid_agb_codes(waarde):
    with pytest.raises(ValidationError, match="AGB-code bestaat uit precies 8 cijfers"):
        valideer_agb_code(waarde)


@pytest.mark.parametrize("waarde", ["1234567", "KVK12345", "123456789"])
def test_invalid_kvk_numbers(waarde):
    with pytest.raises(ValidationError, match="KvK-nummer bestaat uit precies 8 cijfers"):
        valideer_kvk_nummer(waarde)


def test_numbers_are_normalised_before_validation():
    assert normaliseer_nummer("98 00.10-11") == "98001011"
    assert normaliseer_nummer(1234567) == "01234567"  # a spreadsheet lost the leading zero
    partner = Partner(naam="Zorg", soort="zorgaanbieder_wmo", gemeente="Altena", agb_code=" 9800 1011 ")
    partner.full_clean()
    assert partner.agb_code == "98001011"


def test_zorgaanbieder_needs_an_agb_code():
    partner = Partner(naam="Zorg", soort="zorgaanbieder_jeugd", gemeente="Altena")
    with pytest.raises(ValidationError) as exc:
        partner.full_clean()
    assert exc.value.message_dict == {
        "agb_code": ["Een zorgaanbieder (Wmo of Jeugd) moet een AGB-code hebben."]
    }


def test_only_zorgaanbieders_have_categories_and_they_must_exist():
    partner = Partner(naam="School", soort="school", gemeente="Altena", istandaarden_categorieen=["01"])
    with pytest.raises(ValidationError) as exc:
        partner.full_clean()
    assert "Alleen een zorgaanbieder" in exc.value.message_dict["istandaarden_categorieen"][0]
    zorg = Partner(
        naam="Zorg",
        soort="zorgaanbieder_wmo",
        gemeente="Altena",
        agb_code="98001011",
        istandaarden_categorieen=["99"],
    )
    with pytest.raises(ValidationError) as exc:
        zorg.full_clean()
    assert "istandaarden_categorieen" in exc.value.message_dict


def test_duplicate_name_in_the_same_kern_is_refused_ignoring_case_and_accents():
    uppel, almkerk = KernFactory(naam="Uppel"), KernFactory(naam="Almkerk")
    PartnerFactory(naam="Café De Brug", kernen=[uppel])
    nieuw = Partner(naam="cafe de brug ", soort="welzijn", gemeente="Altena")
    nieuw.kernen_voor_controle = [uppel, almkerk]
    with pytest.raises(ValidationError) as exc:
        nieuw.full_clean()
    assert exc.value.message_dict["naam"] == [
        "Er is al een partner met de naam “Café De Brug” in kern Uppel. "
        "Kies een andere naam of pas de bestaande partner aan."
    ]


def test_same_name_in_another_kern_or_gemeente_is_fine():
    uppel, almkerk = KernFactory(naam="Uppel"), KernFactory(naam="Almkerk")
    PartnerFactory(naam="Basisschool De Regenboog", kernen=[uppel])
    PartnerFactory(naam="Dorpshuis", gemeente="Westerkwartier", alle_kernen=True)
    andere_kern = Partner(naam="Basisschool De Regenboog", soort="school", gemeente="Altena")
    andere_kern.kernen_voor_controle = [almkerk]
    andere_kern.full_clean()
    andere_gemeente = Partner(naam="Dorpshuis", soort="kerk", gemeente="Altena", alle_kernen=True)
    andere_gemeente.full_clean()


def test_duplicate_with_a_partner_serving_all_kernen_and_a_deactivated_one():
    uppel = KernFactory(naam="Uppel")
    PartnerFactory(naam="Welzijn", alle_kernen=True)
    PartnerFactory(naam="Oude soos", kernen=[uppel], actief=False)
    welzijn = Partner(naam="Welzijn", soort="welzijn", gemeente="Altena")
    welzijn.kernen_voor_controle = [uppel]
    with pytest.raises(ValidationError, match="die in alle kernen van Altena werkt"):
        welzijn.full_clean()
    soos = Partner(naam="Oude soos", soort="vrijwilligers", gemeente="Altena")
    soos.kernen_voor_controle = [uppel]
    with pytest.raises(ValidationError, match="gedeactiveerd; activeer die partner liever opnieuw"):
        soos.full_clean()


def test_saved_partner_is_checked_against_its_own_kernen():
    uppel = KernFactory(naam="Uppel")
    PartnerFactory(naam="Soos", kernen=[uppel])
    tweede = PartnerFactory(naam="Soos", kernen=[uppel])  # the factory skips validation
    with pytest.raises(ValidationError):
        tweede.full_clean()
