"""The demo identity providers accept any BSN or KvK number: the system check refuses the flag with
DEBUG off or under production settings, and production settings refuse to start with it."""

import os
import subprocess
import sys

from mijn.checks import demo_idp_alleen_lokaal


def test_check_weigert_de_vlag_zonder_debug(settings):
    settings.MIJN_DEMO_IDP = True
    settings.DEBUG = False
    fouten = demo_idp_alleen_lokaal()
    assert [f.id for f in fouten] == ["mijn.E001"]


def test_check_staat_de_vlag_lokaal_toe(settings):
    settings.MIJN_DEMO_IDP = True
    settings.DEBUG = True
    assert demo_idp_alleen_lokaal() == []
    settings.MIJN_DEMO_IDP = False
    settings.DEBUG = False
    assert demo_idp_alleen_lokaal() == []


def test_productie_start_niet_met_de_demovlag():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "altena.settings.production",
        "DJANGO_SECRET_KEY": "a-real-secret-key-with-more-than-forty-characters-0123456789",
        "DJANGO_DEBUG": "false",
        "MIJN_DEMO_IDP": "true",
    }
    uit = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True
    )
    assert uit.returncode != 0 and "MIJN_DEMO_IDP=true mag alleen lokaal" in uit.stderr
