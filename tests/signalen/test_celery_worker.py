"""The beat task through a real Celery worker on the real Redis (no eager mode).

A worker process is started on its own Redis database and queue, pointed at this test database; the
test publishes the task of the static beat entry exactly as beat does, and waits for the signals."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest
from celery import Celery
from django.conf import settings
from django.db import connection
from django.utils import timezone

from signalen.models import Signaal
from signalen.services import standaardregels_aanmaken

from .conftest import BERICHTEN_REGELS, scenario

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
TEST_REDIS_DB = "13"  # never the development broker (0): a running `make run` worker must not see this


def _broker_url() -> str:
    parts = urlparse(settings.REDIS_URL)
    return urlunparse(parts._replace(path=f"/{TEST_REDIS_DB}"))


def _database_url() -> str:
    db = connection.settings_dict  # during the test this names the test database
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker():
    """A `celery -A altena worker` subprocess on a queue of its own; yields the queue name."""
    queue = f"signalen-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "altena.settings.test",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": _broker_url(),
    }
    celery = Path(sys.executable).with_name("celery")
    proc = subprocess.Popen(
        [
            str(celery),
            "-A",
            "altena",
            "worker",
            "-P",
            "solo",
            "-Q",
            queue,
            "-l",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"{queue}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield queue
    finally:
        proc.terminate()
        try:
            output, _ = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
        print(output[-4000:])  # shown when the test fails


def test_beat_taak_maakt_signalen_via_een_echte_worker(worker, team, consultant):
    standaardregels_aanmaken()
    verwacht = sum(scenario(team=team, consultant=consultant, dag=timezone.localdate()).values())
    entry = settings.CELERY_BEAT_SCHEDULE["signalen-sweep"]

    client = Celery("signalen-test", broker=_broker_url())
    client.send_task(entry["task"], queue=worker, ignore_result=True)
    client.send_task(entry["task"], queue=worker, ignore_result=True)  # a second beat: no duplicates

    # The berichtenverkeer rules fire when a factory's voorziening happens to be natura at an
    # aanbieder (a toewijzing without a start message); they have their own tests in tests/berichten.
    gemaakt = Signaal.objects.exclude(regel__in=BERICHTEN_REGELS)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and gemaakt.count() < verwacht:
        time.sleep(0.5)
    time.sleep(2)  # let the second task finish too
    assert gemaakt.count() == verwacht
    assert Signaal.objects.filter(ontvanger=consultant).exists()
