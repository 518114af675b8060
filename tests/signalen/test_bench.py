"""The bench's sweep stage measures a sweep that really makes signals: it first removes the signals
and their timeline events, so the sweep makes every one again, and once (signalen/bench.py)."""

from datetime import date

import pytest

from intake.models import CasusGebeurtenis
from signalen.bench import signalen_wissen
from signalen.models import Signaal

from .conftest import op, per_regel, scenario

MOMENT = op(2026, 4, 21, 9, 0)


@pytest.mark.django_db
def test_after_wiping_a_sweep_makes_every_signal_again_and_the_timeline_holds_each_once(
    sweep, team, consultant
):
    verwacht = scenario(team=team, consultant=consultant, dag=date(2026, 4, 21))
    assert sweep(MOMENT) == verwacht
    op_tijdlijn = CasusGebeurtenis.objects.filter(soort="signaal").count()
    andere = CasusGebeurtenis.objects.exclude(soort="signaal").count()
    assert sweep(MOMENT) == dict.fromkeys(verwacht, 0)  # what the bench measured before: nothing

    assert signalen_wissen() == sum(verwacht.values())
    assert not Signaal.objects.exists() and not CasusGebeurtenis.objects.filter(soort="signaal").exists()
    assert CasusGebeurtenis.objects.exclude(soort="signaal").count() == andere  # the rest untouched

    assert sweep(MOMENT) == verwacht
    assert per_regel() == verwacht
    assert CasusGebeurtenis.objects.filter(soort="signaal").count() == op_tijdlijn
