import pytest

pytestmark = pytest.mark.django_db


def test_health_is_public_and_reports_services(client):
    response = client.get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert data["database"] == "ok"
    assert data["redis"] == "ok"
