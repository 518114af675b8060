"""Production settings: refuse to start insecurely. `manage.py check --deploy --fail-level WARNING`
passes with these defaults (tests/altena/test_settings.py)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY, TWEESTAPS_VERPLICHT, env

# Keys that are published (docker-compose.yml, Dockerfile, README) and so never secret.
BEKENDE_SLEUTELS = {
    "change-me-to-a-long-random-secret-key-of-50-characters",
    "build-only-collectstatic-key-not-used-at-runtime-000000",
}

if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG staat aan in productie; zet DJANGO_DEBUG=false.")
if (
    not SECRET_KEY
    or SECRET_KEY.startswith("insecure")
    or "change-me" in SECRET_KEY
    or SECRET_KEY in BEKENDE_SLEUTELS
    or len(SECRET_KEY) < 40
    or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY ontbreekt of is onveilig (minimaal 40 willekeurige tekens, geen voorbeeldsleutel)."
    )
if not TWEESTAPS_VERPLICHT:
    raise ImproperlyConfigured(
        "DJANGO_2FA_REQUIRED=false mag alleen lokaal; productie eist tweestapsverificatie."
    )

DEMO_ENABLED = env.bool("DJANGO_DEMO", default=False)
# The demo identity providers accept any BSN: never in production (mijn.E001 checks it as well).
MIJN_DEMO_IDP = env.bool("MIJN_DEMO_IDP", default=False)
if MIJN_DEMO_IDP:
    raise ImproperlyConfigured(
        "MIJN_DEMO_IDP=true mag alleen lokaal; productie gebruikt echte DigiD en eHerkenning."
    )

# DJANGO_SECURE_PROXY_SSL_HEADER: trust "X-Forwarded-Proto: https" only behind a proxy that sets
# (and strips) it, e.g. "HTTP_X_FORWARDED_PROTO,https". Unset: the header is ignored, so a client
# cannot make a plain-http request look secure.
_proxy_header = env.list("DJANGO_SECURE_PROXY_SSL_HEADER", default=[])
if _proxy_header:
    if len(_proxy_header) != 2:
        raise ImproperlyConfigured(
            "DJANGO_SECURE_PROXY_SSL_HEADER is 'HEADER,waarde', bijv. HTTP_X_FORWARDED_PROTO,https."
        )
    SECURE_PROXY_SSL_HEADER = tuple(_proxy_header)
# DJANGO_SECURE_COOKIES: send session and CSRF cookies over HTTPS only (off only for a local demo
# stack on plain http, such as docker compose on 127.0.0.1).
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HSTS: one year, subdomains included, and preload (submit the domain to hstspreload.org only when
# every subdomain serves HTTPS; turn DJANGO_HSTS_PRELOAD off otherwise).
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=True)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
