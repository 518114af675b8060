"""Test settings: the real PostgreSQL and Redis, fast hashing, locmem e-mail."""

import tempfile

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# ALTENA_TEST_DB lets parallel runs on one machine use separate test databases.
DATABASES["default"]["TEST"] = {"NAME": env("ALTENA_TEST_DB", default="test_altena")}
DATABASES["default"]["CONN_MAX_AGE"] = 0
# A reporting alias that mirrors the test database, so the replica routing is testable (it is only
# used where a test sets REPORTING_DB = "reporting").
DATABASES["reporting"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Login throttling is tested explicitly (tests/altena/test_login.py) with override_settings.
AXES_ENABLED = False
# Static files come from the finders in tests; no collectstatic run is needed.
WHITENOISE_AUTOREFRESH = True
# Uploaded files and letters of a test run go to a temporary folder, never into the project.
MEDIA_ROOT = tempfile.mkdtemp(prefix="altena-media-")
# Messages written by tests (a transactional test commits a besluit) never land in the project's data
# folder, and each test process (pytest-xdist worker) has its own.
BERICHTEN_MAP = env("BERICHTEN_MAP", default=None) or tempfile.mkdtemp(prefix="altena-test-berichten-")
# Mijn Toegang's tests log in through the demo identity providers. Their system check (mijn.E001)
# refuses the flag with DEBUG off, as here: tests/mijn/test_demo_vlag.py checks that refusal itself.
MIJN_DEMO_IDP = True
SILENCED_SYSTEM_CHECKS = ["mijn.E001"]
PRIVATE_MEDIA_ROOT = SENDFILE_ROOT = tempfile.mkdtemp(prefix="altena-private-")
# The tests' staff addresses are in the example domain of the demo.
GEMEENTE_MAILDOMEINEN = ["altena.example"]
# The stand-in BRP of a test run keeps its store in a temporary folder; tests/conftest.py starts it.
BRP_STANDIN_STORE = tempfile.mkdtemp(prefix="altena-brp-") + "/personen.json"
BRP_API_URL = ""
