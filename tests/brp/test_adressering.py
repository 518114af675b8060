"""Letters use the BRP's own addressing; a minor's Jeugdwet beschikking goes to the gezaghouders."""

import datetime

import pytest

from documenten.gegevens import adressering_van
from tests.factories.intake import CasusFactory, InwonerFactory

pytestmark = pytest.mark.django_db
PEIL = datetime.date(2026, 12, 8)


def test_aanschrijfwijze_aanhef_en_adresregels_uit_de_brp(kern):
    inwoner = InwonerFactory(
        kern=kern,
        brp_gegevens={"aanhef": "Geachte mevrouw Van Dijk", "aanschrijfwijze": "E. van Dijk",
                      "adresregels": ["Dorpsstraat 1", "4254 AB  SLEEUWIJK"]},
    )  # fmt: skip
    casus = CasusFactory(inwoner=inwoner, kern=kern, maatwerk=True)
    ontbreekt = []
    assert adressering_van(casus, PEIL, ontbreekt) == {
        "naam": "E. van Dijk",
        "aanhef": "Geachte mevrouw Van Dijk",
        "adresregels": ["Dorpsstraat 1", "4254 AB  SLEEUWIJK"],
    }
    assert ontbreekt == []


def test_niet_gecontroleerd_gebruikt_de_eigen_registratie(kern):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), kern=kern, maatwerk=True)
    assert adressering_van(casus, PEIL, []) is None


def _minderjarige(kern, gezag):
    inwoner = InwonerFactory(
        kern=kern, voornamen="Kim", achternaam="Kok", geboortedatum=datetime.date(2015, 1, 1),
        brp_gegevens={"gezag": [gezag], "adresregels": ["Kerkstraat 1", "4254 KA  SLEEUWIJK"]},
    )  # fmt: skip
    return CasusFactory(inwoner=inwoner, kern=kern, maatwerk=True, wet="jeugdwet")


def test_beschikking_van_een_minderjarige_aan_de_gezaghouders(kern):
    casus = _minderjarige(kern, {"soort": "GezamenlijkOuderlijkGezag",
                                 "gezaghouders": [{"naam": "Mara Kok"}, {"naam": "Vik Kok"}]})  # fmt: skip
    adres = adressering_van(casus, PEIL, [])
    assert adres["naam"] == "Mara Kok en Vik Kok, gezaghouders van Kim Kok"
    assert adres["aanhef"] == "Geachte Mara Kok en Vik Kok"


def test_gezag_niet_te_bepalen_houdt_de_beschikking_tegen(kern):
    casus = _minderjarige(
        kern, {"soort": "GezagNietTeBepalen", "gezaghouders": [], "toelichting": "onbekend"}
    )
    ontbreekt = []
    assert adressering_van(casus, PEIL, ontbreekt) is None
    assert "niet te bepalen" in ontbreekt[0]
