from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from intake.services import casus_opschalen
from tests.factories.backoffice import ProductFactory, ZorgaanbiederFactory
from tests.factories.intake import CasusFactory

MAANDAG_2_MAART = datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def vandaag():
    """Freeze 'today' at Monday 2 March 2026."""
    with time_machine.travel(MAANDAG_2_MAART, tick=False):
        yield date(2026, 3, 2)


@pytest.fixture
def opschalen(team, frontoffice):
    """opschalen(wet="wmo", **casus_fields): a case opgeschaald at the front door (the real path,
    so the backoffice receiver starts the terms)."""

    def make(wet="wmo", meldingsdatum=None, **velden):
        velden.setdefault("toestemming_delen", True)
        casus = CasusFactory(team=team, **velden)
        return casus_opschalen(
            casus=casus,
            wet=wet,
            reden="Het netwerk kan dit niet dragen.",
            door=frontoffice,
            meldingsdatum=meldingsdatum,
        )

    return make


@pytest.fixture
def begeleiding(db):
    return ProductFactory(
        wet="wmo", naam="Begeleiding individueel", categorie="02", productcode="02A01", eenheid="uur"
    )


@pytest.fixture
def zorgaanbieder(db):
    return ZorgaanbiederFactory(
        naam="Zorg Altena", agb_code="75123456", istandaarden_categorieen=["01", "02"]
    )
