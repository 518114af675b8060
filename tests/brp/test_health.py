"""/health/ names the BRP's state beside the database and Redis, without asking for any person."""

import pytest

from altena.models import Heartbeat
from brp import client as brp_client
from brp.models import BrpBevraging

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def beat(db):
    from django.utils import timezone

    Heartbeat.objects.update_or_create(naam="beat", defaults={"laatst": timezone.now()})


def test_brp_ok(client, brp):
    data = client.get("/health/").json()
    assert data["brp"] == "ok" and data["status"] == "ok"
    assert not BrpBevraging.objects.exists()  # no person was asked for


def test_brp_weg_is_verminderd_niet_storing(client, settings):
    settings.BRP_API_URL = "http://127.0.0.1:9/haalcentraal/api/brp"
    brp_client._client = None
    try:
        response = client.get("/health/")
    finally:
        brp_client._client = None
    data = response.json()
    assert response.status_code == 200 and data["status"] == "verminderd"
    assert data["brp"] == "onbereikbaar" and "brp" in data["melding"]


def test_brp_sleutel_geweigerd(client, standin, settings):
    from brp.standin.server import start_in_thread

    server = start_in_thread(standin.store, api_key="juist")
    settings.BRP_API_URL = f"http://127.0.0.1:{server.server_address[1]}/haalcentraal/api/brp"
    settings.BRP_API_KEY = "fout"
    brp_client._client = None
    try:
        assert "aanmelding geweigerd" in client.get("/health/").json()["brp"]
    finally:
        brp_client._client = None
        server.shutdown()
        server.server_close()


def test_niet_ingesteld(client):
    data = client.get("/health/").json()
    assert data["brp"] == "niet ingesteld" and data["status"] == "ok"
