"""Production settings refuse to start insecurely (checked in a fresh interpreter)."""

import os
import subprocess
import sys

import pytest

GOOD_KEY = "k" * 20 + "-a-real-and-long-production-secret-key"


def _load(env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "altena.settings.production", **env_overrides})
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "short"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_DEBUG": "true"}, "DJANGO_DEBUG"),
    ],
)
def test_production_refuses_insecure_configuration(overrides, message):
    result = _load(overrides)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_a_real_key():
    result = _load({"DJANGO_SECRET_KEY": GOOD_KEY})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_refuses_the_published_compose_key():
    result = _load({"DJANGO_SECRET_KEY": "change-me-to-a-long-random-secret-key-of-50-characters"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_relaxed_two_factor():
    result = _load({"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_2FA_REQUIRED": "false"})
    assert result.returncode != 0
    assert "DJANGO_2FA_REQUIRED" in result.stderr


def _settings(env_overrides, expression):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "altena.settings.production", "DJANGO_SECRET_KEY": GOOD_KEY})
    env.update(env_overrides)
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)


def test_proxy_ssl_header_is_only_trusted_when_configured():
    assert _settings({}, "settings.SECURE_PROXY_SSL_HEADER").stdout.strip() == "None"
    configured = _settings(
        {"DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https"}, "settings.SECURE_PROXY_SSL_HEADER"
    )
    assert configured.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_hsts_is_a_year_with_subdomains_and_preload_configurable():
    values = _settings(
        {},
        "settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD",
    )
    assert values.stdout.strip() == "31536000 True True"
    off = _settings({"DJANGO_HSTS_PRELOAD": "false"}, "settings.SECURE_HSTS_PRELOAD")
    assert off.stdout.strip() == "False"


def test_check_deploy_passes_under_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "altena.settings.production", "DJANGO_SECRET_KEY": GOOD_KEY})
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
