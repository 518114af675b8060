"""Sweeps every ten minutes through the nights the clocks change make one signal per rule, case and
target, and a crisis is escalated after four real hours (the lost or doubled hour counts as it is)."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from intake.workflow import Fase
from signalen.models import Signaal, SignaalSoort
from signalen.services import sweep_alle
from tests.factories.intake import CasusFactory

from .conftest import AMS, per_regel, scenario

pytestmark = pytest.mark.django_db

NACHTEN = [
    # DST day, first and last sweep (UTC), crisis registered at (local), escalated at (UTC)
    pytest.param(
        date(2026, 3, 29),
        datetime(2026, 3, 28, 21, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 6, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 30, tzinfo=AMS),  # CET, 00:30 UTC
        datetime(2026, 3, 29, 4, 30, tzinfo=UTC),  # 06:30 CEST: 02:00-03:00 did not exist
        id="zomertijd-2026-03-29",
    ),
    pytest.param(
        date(2026, 10, 25),
        datetime(2026, 10, 24, 20, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 7, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 0, 30, tzinfo=AMS),  # CEST, 22:30 UTC the day before
        datetime(2026, 10, 25, 2, 30, tzinfo=UTC),  # 03:30 CET: 02:00-03:00 happened twice
        id="wintertijd-2026-10-25",
    ),
]


@pytest.mark.parametrize(("dag", "van", "tot", "crisis_om", "escalatie_om"), NACHTEN)
def test_een_signaal_per_regel_en_casus_door_de_nacht(
    regels, team, consultant, dag, van, tot, crisis_om, escalatie_om
):
    verwacht = scenario(team=team, consultant=consultant, dag=dag)
    nacht_crisis = CasusFactory(team=team, crisis=True, fase=Fase.AANGEMELD, aangemaakt=crisis_om)
    verwacht[SignaalSoort.CRISIS_NIET_OPGEPAKT] += 1
    # The night starts on the eve: the term that is exceeded on the DST day still "approaches" on
    # its last day (one signal of that rule too), and is escalated from midnight on.
    verwacht[SignaalSoort.TERMIJN_NADERT] += 1

    moment, sweeps = van, 0
    while moment <= tot:
        with time_machine.travel(moment, tick=False):
            sweep_alle()
        moment += timedelta(minutes=10)
        sweeps += 1
    assert sweeps > 50

    assert per_regel() == verwacht
    dubbel = Signaal.objects.values("regel", "casus", "doel").order_by()
    assert dubbel.count() == len({(s["regel"], s["casus"], s["doel"]) for s in dubbel})
    crisis = Signaal.objects.get(regel=SignaalSoort.CRISIS_NIET_OPGEPAKT, casus=nacht_crisis)
    assert crisis.aangemaakt == escalatie_om
    assert crisis.peildatum == crisis_om.date()
