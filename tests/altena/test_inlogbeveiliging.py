"""Found #7: password rules, Argon2, lockout per username and per IP, idle and absolute timeout,
"wachtwoord vergeten" that reveals nothing, sensitive parameters hidden."""

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings

from tests.factories.altena import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("wachtwoord", ["83746152", "Altena2026", "password1234", "123456789012"])
def test_weak_passwords_are_refused(wachtwoord):
    with pytest.raises(ValidationError):
        password_validation.validate_password(wachtwoord)


def test_a_long_uncommon_password_is_accepted():
    password_validation.validate_password("paars konijn fietst naar Andel")


def test_argon2_is_the_production_hasher():
    from altena.settings import base

    assert base.PASSWORD_HASHERS[0] == "altena.security.Argon2Wachtwoorden"
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        assert make_password("paars konijn fietst").startswith("argon2")


def _fout(client, username, ip="10.0.0.1"):
    return client.post("/accounts/login/", {"username": username, "password": "fout"}, REMOTE_ADDR=ip)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_spraying_many_usernames_from_one_ip_is_locked(client, frontoffice):
    for i in range(5):
        _fout(client, f"gok{i}")
    response = client.post(
        "/accounts/login/",
        {"username": "frontoffice", "password": "geheim-wachtwoord"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # The same account from another address still works: the lock was on the address.
    response = client.post(
        "/accounts/login/",
        {"username": "frontoffice", "password": "geheim-wachtwoord"},
        REMOTE_ADDR="10.0.0.2",
    )
    assert response.status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, INLOGBLOKKADE_LIMIET=3)
def test_one_username_from_many_ips_is_locked(client, frontoffice):
    for i in range(3):
        _fout(client, "frontoffice", ip=f"10.1.0.{i}")
    response = client.post(
        "/accounts/login/",
        {"username": "frontoffice", "password": "geheim-wachtwoord"},
        REMOTE_ADDR="10.2.0.1",
    )
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()


@override_settings(AXES_ENABLED=True)
def test_overlong_username_is_a_failed_login_not_a_500(client):
    client.raise_request_exception = False
    response = client.post("/accounts/login/", {"username": "a" * 300, "password": "x"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord is onjuist" in response.content.decode()


def test_session_ends_after_15_idle_minutes(client_for, frontoffice):
    with time_machine.travel("2026-03-02 09:00 +0100", tick=False) as reis:
        client = client_for(frontoffice)
        assert client.get("/intake/").status_code == 200
        reis.shift(14 * 60)
        assert client.get("/intake/").status_code == 200
        reis.shift(14 * 60)  # activity above kept the session alive
        assert client.get("/intake/").status_code == 200
        reis.shift(16 * 60)
        response = client.get("/intake/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_session_ends_after_8_hours_however_active(client_for, frontoffice):
    with time_machine.travel("2026-03-02 08:00 +0100", tick=False) as reis:
        client = client_for(frontoffice)
        for _ in range(8 * 6 + 1):
            reis.shift(10 * 60)
            response = client.get("/intake/")
    assert response.status_code == 302


@override_settings(SESSION_IDLE_TIMEOUT=60)
def test_idle_timeout_is_configurable(client_for, frontoffice):
    with time_machine.travel("2026-03-02 09:00 +0100", tick=False) as reis:
        client = client_for(frontoffice)
        reis.shift(61)
        assert client.get("/intake/").status_code == 302


def test_idle_setting_defaults():
    assert settings.SESSION_IDLE_TIMEOUT == 15 * 60
    assert settings.SESSION_ABSOLUTE_TIMEOUT == 8 * 3600


def test_password_reset_never_tells_whether_an_account_exists(client, frontoffice):
    frontoffice.email = "fenna@altena.example"
    frontoffice.save()
    bestaand = client.post("/accounts/wachtwoord-vergeten/", {"email": "fenna@altena.example"}, follow=True)
    onbekend = client.post("/accounts/wachtwoord-vergeten/", {"email": "niemand@altena.example"}, follow=True)
    assert bestaand.redirect_chain == onbekend.redirect_chain
    assert bestaand.content == onbekend.content
    assert "Als dit e-mailadres bij een account hoort" in onbekend.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["fenna@altena.example"]


def test_password_reset_link_sets_a_new_password_with_the_rules(client, frontoffice):
    frontoffice.email = "fenna@altena.example"
    frontoffice.save()
    client.post("/accounts/wachtwoord-vergeten/", {"email": "fenna@altena.example"})
    link = next(r for r in mail.outbox[0].body.splitlines() if "/wachtwoord-vergeten/nieuw/" in r)
    form = client.get(link.split("testserver", 1)[1], follow=True)
    url = form.redirect_chain[-1][0]
    zwak = client.post(url, {"new_password1": "Altena2026", "new_password2": "Altena2026"})
    assert zwak.status_code == 200 and "te kort" in zwak.content.decode()
    sterk = client.post(url, {"new_password1": "paars konijn fietst", "new_password2": "paars konijn fietst"})
    assert sterk.status_code == 302
    frontoffice.refresh_from_db()
    assert frontoffice.check_password("paars konijn fietst")


def test_login_page_links_to_password_reset(client):
    assert "/accounts/wachtwoord-vergeten/" in client.get("/accounts/login/").content.decode()


@override_settings(DEBUG=True)
def test_debug_page_never_shows_a_submitted_password(client, monkeypatch, frontoffice):
    def boom(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("altena.accounts.InlogForm.clean", boom)
    client.raise_request_exception = False
    geheim = "zeer" + "-geheim-" + str(100 + 23)  # built at run time: not in the source shown
    response = client.post("/accounts/login/", {"username": "frontoffice", "password": geheim})
    assert response.status_code == 500
    assert "Traceback" in response.content.decode()
    assert geheim not in response.content.decode()


def test_users_without_a_password_cannot_log_in(client):
    user = UserFactory(username="uitgenodigd")
    user.set_unusable_password()
    user.save()
    response = client.post("/accounts/login/", {"username": "uitgenodigd", "password": ""})
    assert "_auth_user_id" not in client.session and response.status_code == 200


def test_passwords_are_argon2id_at_19_mib_and_old_hashes_are_upgraded_at_login(
    client, settings, django_user_model
):
    """OWASP's first Argon2id profile: a login costs a web worker 19 MiB, not Django's 100 MiB."""
    import argon2
    from django.contrib.auth.hashers import Argon2PasswordHasher, make_password

    settings.PASSWORD_HASHERS = ["altena.security.Argon2Wachtwoorden"]
    user = django_user_model.objects.create(username="hasher", is_active=True)
    user.password = Argon2PasswordHasher().encode("een lang wachtwoord 42", Argon2PasswordHasher().salt())
    user.save()
    assert "m=102400" in user.password  # Django's default
    client.post("/accounts/login/", {"username": "hasher", "password": "een lang wachtwoord 42"})
    user.refresh_from_db()
    parameters = argon2.extract_parameters(user.password.split("argon2", 1)[1])
    assert (parameters.memory_cost, parameters.time_cost, parameters.parallelism) == (19 * 1024, 2, 1)
    assert parameters.type is argon2.Type.ID
    assert make_password("x").startswith("argon2$argon2id$")
