"""Found #7, two-factor login: TOTP required for teamleider, beheerder, privacy and beleid, offered
to everyone, with recovery codes; the shared fixtures log in past it."""

import re

import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from altena.access import Rol
from altena.models import GebruikerAudit
from tests.factories.altena import UserFactory

pytestmark = pytest.mark.django_db


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _throttle_voorbij(device):
    """django-otp refuses every code for a while after a wrong one (brute-force throttling)."""
    type(device).objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)


def _login(client, username):
    return client.post("/accounts/login/", {"username": username, "password": "geheim-wachtwoord"})


@pytest.mark.parametrize("rol", [Rol.TEAMLEIDER, Rol.BEHEERDER, Rol.PRIVACY, Rol.BELEID])
def test_required_roles_must_enrol_before_anything_else(client, role_users, rol):
    _login(client, role_users[rol].username)
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/tweestaps/instellen/")
    assert "Tweestapsverificatie instellen" in response.content.decode()
    assert 'src="data:image/svg+xml' in response.content.decode()  # the QR code, no script (CSP)


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.CONSULTANT])
def test_other_roles_are_not_asked(client, role_users, rol):
    _login(client, role_users[rol].username)
    assert client.get("/").status_code == 302
    assert "/tweestaps/" not in client.get("/", follow=True).redirect_chain[-1][0]


def test_enrolment_confirms_a_code_and_shows_recovery_codes_once(client, teamleider):
    _login(client, "teamleider")
    page = client.get("/accounts/tweestaps/instellen/").content.decode()
    geheim = re.search(r'data-testid="totp-geheim">([A-Z2-7]+)<', page).group(1)
    device = TOTPDevice.objects.get(user=teamleider, confirmed=False)
    fout = client.post("/accounts/tweestaps/instellen/", {"code": "000000"})
    assert "klopt niet" in fout.content.decode()
    _throttle_voorbij(device)
    response = client.post("/accounts/tweestaps/instellen/", {"code": _code(device)})
    html = response.content.decode()
    codes = re.findall(r"<li>([a-z0-9]{8})</li>", html)
    assert len(codes) == 10 and geheim
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/rapportage/").status_code == 200
    assert GebruikerAudit.objects.filter(gebruiker=teamleider, wijziging="tweestaps_ingesteld").exists()


def _enrolled(user):
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="Herstelcodes", confirmed=True)
    static.token_set.create(token="herstel01")
    return device


def test_second_login_asks_for_the_code(client, teamleider):
    device = _enrolled(teamleider)
    _login(client, "teamleider")
    response = client.get("/rapportage/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/tweestaps/")
    assert client.post("/accounts/tweestaps/", {"code": "123456"}).status_code == 200
    assert client.get("/rapportage/").status_code == 302
    _throttle_voorbij(device)
    response = client.post("/accounts/tweestaps/", {"code": _code(device), "next": "/rapportage/"})
    assert response.status_code == 302 and response["Location"] == "/rapportage/"
    assert client.get("/rapportage/").status_code == 200


def test_recovery_code_works_once(client, teamleider):
    _enrolled(teamleider)
    _login(client, "teamleider")
    assert client.post("/accounts/tweestaps/", {"code": "herstel01"}).status_code == 302
    assert client.get("/rapportage/").status_code == 200
    client.post("/accounts/logout/")
    _login(client, "teamleider")
    assert client.post("/accounts/tweestaps/", {"code": "herstel01"}).status_code == 200
    assert client.get("/rapportage/").status_code == 302


def test_next_must_stay_on_this_site(client, teamleider):
    device = _enrolled(teamleider)
    _login(client, "teamleider")
    response = client.post("/accounts/tweestaps/", {"code": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_a_consultant_may_opt_in_and_is_then_asked(client, consultant):
    device = _enrolled(consultant)
    _login(client, "consultant")
    assert client.get("/backoffice/").status_code == 302
    client.post("/accounts/tweestaps/", {"code": _code(device)})
    assert client.get("/backoffice/").status_code == 200


def test_enrolment_page_is_offered_to_everyone(client_for, consultant):
    assert client_for(consultant).get("/accounts/tweestaps/instellen/").status_code == 200


def test_client_for_fixture_counts_as_verified(client_for, teamleider):
    assert client_for(teamleider).get("/rapportage/").status_code == 200
    assert client_for(teamleider, tweestaps=False).get("/rapportage/").status_code == 302


@override_settings(TWEESTAPS_VERPLICHT=False)
def test_local_demo_setting_relaxes_the_requirement(client, teamleider):
    _login(client, "teamleider")
    assert client.get("/rapportage/").status_code == 200


def test_beheerder_resets_two_factor_of_a_user(client_for, beheerder, teamleider, privacy):
    """A proposal of the beheerder, carried out when the privacy officer approves it (ADR 0009)."""
    from altena.models import AccountVoorstel

    _enrolled(teamleider)
    client_for(beheerder).post(
        "/admin/auth/user/", {"action": "tweestaps_wissen", "_selected_action": [teamleider.pk]}
    )
    assert TOTPDevice.objects.filter(user=teamleider).exists()
    voorstel = AccountVoorstel.objects.get(gebruiker=teamleider, soort="tweestaps")
    client_for(privacy).post("/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"})
    assert not TOTPDevice.objects.filter(user=teamleider).exists()
    assert GebruikerAudit.objects.filter(gebruiker=teamleider, wijziging="tweestaps_gewist").exists()


def test_verification_is_django_otps_own_state(client, teamleider):
    """Issue 20 point 5: the second factor is django-otp's verification (OTPMiddleware, is_verified()),
    not a session key of the project's own: a forged old key opens nothing, another user's device id
    neither, and a real code leaves django-otp's device id in the session."""
    from django_otp import DEVICE_ID_SESSION_KEY

    device = _enrolled(teamleider)
    _login(client, "teamleider")
    session = client.session
    session["altena_tweestaps"] = device.persistent_id  # the old parallel key
    session.save()
    assert "/accounts/tweestaps/" in client.get("/rapportage/")["Location"]
    ander = TOTPDevice.objects.create(user=UserFactory(username="ander"), name="x", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = ander.persistent_id
    session.save()
    assert "/accounts/tweestaps/" in client.get("/rapportage/")["Location"]
    _throttle_voorbij(device)
    client.post("/accounts/tweestaps/", {"code": _code(device)})
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/rapportage/").status_code == 200
