"""Browser tests: pytest-playwright driving Debian's Chromium (playwright install cannot download)."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
                item.add_marker(pytest.mark.skip(reason="Chromium ontbreekt (apt-get install chromium)"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def _totp_device(username):
    """The user's authenticator device, made if the role requires one and none exists yet (as if
    the user had enrolled earlier); None for users without two-factor login."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from altena.security import heeft_tweestaps, tweestaps_vereist

    user = get_user_model().objects.filter(username=username).first()
    if user is None or not (tweestaps_vereist(user) or heeft_tweestaps(user)):
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app (test)", confirmed=True)
    # A code may be used once; let the same user log in again within the same 30 seconds.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    return device


def totp_code(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


@pytest.fixture
def login(live_server):
    """login(page, username, password): log in through the real login form, and give the current
    authenticator code at the two-factor step when the user has (or the role needs) a device."""

    def do_login(page, username, password="geheim-wachtwoord"):
        device = _totp_device(username)
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state("networkidle")
        if device is not None and "/accounts/tweestaps/" in page.url:
            page.get_by_label("Code").fill(totp_code(device))
            page.get_by_role("button", name="Bevestigen").click()
            page.wait_for_load_state("networkidle")

    return do_login
