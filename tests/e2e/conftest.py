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


@pytest.fixture
def login(live_server):
    """login(page, username, password): log in through the real login form."""

    def do_login(page, username, password="geheim-wachtwoord"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state("networkidle")

    return do_login
