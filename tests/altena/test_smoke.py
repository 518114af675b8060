from datetime import timedelta

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from altena.tasks import heartbeat

pytestmark = pytest.mark.django_db


def test_health_is_public_and_reports_services(client):
    heartbeat()  # what the beat schedule sends every minute
    response = client.get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert (data["database"], data["redis"], data["status"]) == ("ok", "ok", "ok")
    assert data["beat"] is not None


def test_health_without_beat_is_degraded_but_serving(client):
    response = client.get("/health/")
    assert response.status_code == 200  # a load balancer keeps sending traffic
    data = response.json()
    assert data["beat"] is None
    assert data["status"] == "verminderd"
    assert "beat" in data["melding"]


def test_health_with_a_stale_beat_is_degraded(client, settings):
    settings.HEALTH_BEAT_STALE_SECONDS = 300
    with time_machine.travel(timezone.now() - timedelta(minutes=6), tick=False):
        heartbeat()
    assert client.get("/health/").json()["status"] == "verminderd"
    with time_machine.travel(timezone.now() - timedelta(minutes=4), tick=False):
        heartbeat()
    assert client.get("/health/").json()["status"] == "ok"


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_health_reports_unreachable_redis_with_503(client):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["redis"] == "onbereikbaar"


def test_beat_schedule_is_static_and_in_amsterdam_time(settings):
    assert settings.CELERY_TIMEZONE == "Europe/Amsterdam"
    assert settings.CELERY_BEAT_SCHEDULE["heartbeat"]["task"] == "altena.tasks.heartbeat"


def test_a_killed_worker_s_task_is_redelivered_within_20_minutes_and_never_while_running(settings):
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_TIME_LIMIT < timeout <= 20 * 60
