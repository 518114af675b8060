"""Issue 21, low findings: anyone who knew a username could lock the account for 15 minutes from any
address, and 105 wrong second-factor codes left no trace. Now: lockout per username with a growing
delay (1, 2, 4 ... at most 60 minutes), an unlock link (single use, 1 hour) mailed only to the
account's own address, and wrong codes audited and counted by the same lockout."""

import re

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from altena import blokkade
from altena.models import GebruikerAudit

pytestmark = pytest.mark.django_db


def _fout(client, username="frontoffice"):
    return client.post("/accounts/login/", {"username": username, "password": "fout"})


def _goed(client, username="frontoffice"):
    return client.post("/accounts/login/", {"username": username, "password": "geheim-wachtwoord"})


def test_five_failures_lock_the_username_with_a_growing_delay(client, frontoffice):
    assert [blokkade.wachttijd(n) // 60 for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]
    with time_machine.travel(timezone.now(), tick=False) as reis:
        for _ in range(5):
            _fout(client)
        response = _goed(client)
        assert response.status_code == 429
        assert "1 minuut" in response.content.decode()
        reis.shift(61)
        assert _goed(client).status_code == 302  # the first lock lasted one minute
        client.logout()
        for _ in range(5):
            _fout(client)
        assert "2 minuten" in _goed(client).content.decode()  # the second lock two
    assert GebruikerAudit.objects.filter(gebruiker=frontoffice, wijziging="geblokkeerd").count() == 2


def test_the_unlock_link_goes_to_the_accounts_own_address_and_works_once(client, frontoffice):
    frontoffice.email = "f@altena.example"
    frontoffice.save()
    for _ in range(5):
        _fout(client)
    [bericht] = mail.outbox
    assert bericht.to == ["f@altena.example"]
    pad = re.search(r"https?://[^/]+(/accounts/ontgrendelen/[^/\s]+/)", bericht.body).group(1)
    assert _goed(client).status_code == 429
    assert "Blokkade opheffen" in client.get(pad).content.decode()
    assert client.post(pad).status_code == 302
    assert _goed(client).status_code == 302
    client.logout()
    # Single use: the same link again does nothing.
    assert client.post(pad).status_code == 400
    assert GebruikerAudit.objects.filter(gebruiker=frontoffice, wijziging="ontgrendeld").count() == 1


def test_the_unlock_link_expires_after_an_hour(client, frontoffice):
    frontoffice.email = "f@altena.example"
    frontoffice.save()
    with time_machine.travel(timezone.now(), tick=False) as reis:
        for _ in range(5):
            _fout(client)
        pad = re.search(r"(/accounts/ontgrendelen/[^/\s]+/)", mail.outbox[0].body).group(1)
        reis.shift(3601)
        assert client.post(pad).status_code == 400


@pytest.mark.parametrize("token", ["x", "a" * 600, "eyJ1IjoiZnJvbnRvZmZpY2UiLCJuIjoiIn0:1:2"])
def test_forged_unlock_links_are_refused(client, token):
    assert client.post(f"/accounts/ontgrendelen/{token}/").status_code == 400


def test_an_unknown_username_behaves_the_same_and_mails_nobody(client):
    for _ in range(5):
        _fout(client, "bestaat.niet")
    assert _fout(client, "bestaat.niet").status_code == 429
    assert mail.outbox == []


@override_settings(INLOGBLOKKADE_LIMIET=3)
def test_wrong_second_factor_codes_are_audited_and_lock_the_account(client, teamleider):
    TOTPDevice.objects.create(user=teamleider, name="app", confirmed=True)
    assert _goed(client, "teamleider").status_code == 302
    for i in range(3):
        TOTPDevice.objects.filter(user=teamleider).update(throttling_failure_timestamp=None)
        response = client.post("/accounts/tweestaps/", {"code": f"00000{i}"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session  # logged out at the lock
    assert GebruikerAudit.objects.filter(gebruiker=teamleider, wijziging="inlog_mislukt").count() == 3
    assert _goed(client, "teamleider").status_code == 429  # the password alone no longer gets in
