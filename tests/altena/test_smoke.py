import pytest
from django.test import override_settings

from altena.tasks import heartbeat

pytestmark = pytest.mark.django_db


def test_health_is_public_and_reports_services(client):
    response = client.get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert (data["database"], data["redis"], data["status"]) == ("ok", "ok", "ok")
    assert data["beat"] is None


def test_health_shows_when_beat_last_ran(client):
    heartbeat()  # what the beat schedule sends every minute
    data = client.get("/health/").json()
    assert data["beat"] is not None


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_health_reports_unreachable_redis_with_503(client):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["redis"] == "onbereikbaar"


def test_beat_schedule_is_static_and_in_amsterdam_time(settings):
    assert settings.CELERY_TIMEZONE == "Europe/Amsterdam"
    assert settings.CELERY_BEAT_SCHEDULE["heartbeat"]["task"] == "altena.tasks.heartbeat"
