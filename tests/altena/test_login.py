import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_login_form_logs_in_and_goes_to_start_page(client, frontoffice):
    response = client.post("/accounts/login/", {"username": "frontoffice", "password": "geheim-wachtwoord"})
    assert response.status_code == 302
    assert client.get("/").headers["Location"] == "/intake/"


def test_wrong_password_gets_a_dutch_message(client, frontoffice):
    response = client.post("/accounts/login/", {"username": "frontoffice", "password": "fout"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord is onjuist" in response.content.decode()


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, INLOGBLOKKADE_LIMIET=3)
def test_burst_of_failed_logins_locks_the_account(client, frontoffice):
    for _ in range(3):
        client.post("/accounts/login/", {"username": "frontoffice", "password": "fout"})
    response = client.post("/accounts/login/", {"username": "frontoffice", "password": "geheim-wachtwoord"})
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_pages_carry_a_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
