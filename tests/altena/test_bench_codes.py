"""`manage.py bench_codes`: single-use recovery codes so `make bench` logs in the two-factor roles
through the real code form; never under production settings, never for a real password."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord"  # the factories' password, standing in for the demo password


@pytest.fixture
def codes_bestand(tmp_path, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", WACHTWOORD)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "altena.settings.test")
    return tmp_path / "codes.json"


def _inloggen(client, username, code):
    client.post("/accounts/login/", {"username": username, "password": WACHTWOORD})
    return client.post("/accounts/tweestaps/", {"code": code, "next": "/rapportage/"})


def test_codes_for_the_two_factor_roles_only_each_once(client, role_users, codes_bestand):
    usernames = [u.username for u in role_users.values()]
    call_command("bench_codes", *usernames, "--aantal", "3", "--uitvoer", str(codes_bestand))
    codes = json.loads(codes_bestand.read_text())
    assert sorted(codes) == ["beheerder", "beleid", "privacy", "teamleider"]
    assert all(len(lijst) == 3 for lijst in codes.values())

    response = _inloggen(client, "teamleider", codes["teamleider"][0])
    assert response.status_code == 302 and response["Location"] == "/rapportage/"
    client.logout()
    again = _inloggen(client, "teamleider", codes["teamleider"][0])
    assert again.status_code == 200 and "onjuist" in again.content.decode()


def test_new_run_replaces_the_codes(role_users, codes_bestand):
    call_command("bench_codes", "teamleider", "--aantal", "2", "--uitvoer", str(codes_bestand))
    eerste = json.loads(codes_bestand.read_text())["teamleider"]
    call_command("bench_codes", "teamleider", "--aantal", "2", "--uitvoer", str(codes_bestand))
    role_users["Teamleider"].refresh_from_db()
    device = role_users["Teamleider"].staticdevice_set.get(name="Bench")
    assert device.token_set.count() == 2
    assert not device.token_set.filter(token__in=eerste).exists()


def test_refused_for_a_real_password_and_under_production(role_users, codes_bestand, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "een-ander-wachtwoord")
    with pytest.raises(CommandError, match="demowachtwoord"):
        call_command("bench_codes", "teamleider", "--uitvoer", str(codes_bestand))
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "altena.settings.production")
    with pytest.raises(CommandError, match="productie"):
        call_command("bench_codes", "teamleider", "--uitvoer", str(codes_bestand))
