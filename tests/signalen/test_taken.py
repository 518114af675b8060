"""The static beat schedule names registered, argument-free tasks; running one twice is harmless."""

import pytest
import time_machine
from django.conf import settings

from altena.celery import app
from signalen import tasks
from signalen.models import Signaal

from .conftest import op, scenario


@pytest.mark.parametrize("naam", ["signalen-sweep", "signalen-dagoverzichten"])
def test_beat_schedule_wijst_naar_geregistreerde_taken(naam):
    entry = settings.CELERY_BEAT_SCHEDULE[naam]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
    assert not entry.get("args") and not entry.get("kwargs")


def test_sweep_elke_paar_minuten_en_verloopt_voor_de_volgende():
    entry = settings.CELERY_BEAT_SCHEDULE["signalen-sweep"]
    assert entry["schedule"] <= 600
    assert entry["options"]["expires"] < entry["schedule"]


def test_taken_zijn_veilig_met_acks_late():
    assert tasks.sweep.acks_late and tasks.dagoverzichten.acks_late


@pytest.mark.django_db
def test_taak_tweemaal_uitvoeren_maakt_niets_dubbel(regels, team, consultant):
    verwacht = sum(scenario(team=team, consultant=consultant, dag=op(2026, 4, 21, 9).date()).values())
    with time_machine.travel(op(2026, 4, 21, 9), tick=False):
        tasks.sweep.apply()
        tasks.sweep.apply()  # a retried or redelivered message
        tasks.dagoverzichten.apply()
    assert Signaal.objects.count() == verwacht
