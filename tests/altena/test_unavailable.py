"""A database that is briefly away gives the Dutch 503 page, wherever the failure is raised."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

from intake.views import WerkvoorraadView

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_lost_database_connection_in_a_view_gives_the_503_page(frontoffice, monkeypatch, error):
    def fail(*args, **kwargs):
        raise error("server closed the connection unexpectedly")

    monkeypatch.setattr(WerkvoorraadView, "get", fail)
    client = Client(raise_request_exception=False)
    client.force_login(frontoffice)
    response = client.get("/intake/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    text = response.content.decode()
    assert "Probeer het over een paar seconden opnieuw" in text
    assert "Traceback" not in text and "server closed" not in text


def test_a_lost_database_in_a_middleware_gives_the_503_page(frontoffice, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore

    def fail(self, *args, **kwargs):
        raise OperationalError("the database system is shutting down")

    client = Client(raise_request_exception=False)
    client.force_login(frontoffice)
    monkeypatch.setattr(SessionStore, "load", fail)
    response = client.get("/intake/")
    assert response.status_code == 503


def test_other_errors_stay_500(frontoffice, monkeypatch):
    def fail(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(WerkvoorraadView, "get", fail)
    client = Client(raise_request_exception=False)
    client.force_login(frontoffice)
    assert client.get("/intake/").status_code == 500
