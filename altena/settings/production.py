"""Production settings: refuse to start insecurely."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY, env

if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG staat aan in productie; zet DJANGO_DEBUG=false.")
if not SECRET_KEY or SECRET_KEY.startswith("insecure") or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY ontbreekt of is onveilig (minimaal 40 tekens).")

DEMO_ENABLED = env.bool("DJANGO_DEMO", default=False)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# DJANGO_SECURE_COOKIES: send session and CSRF cookies over HTTPS only (off only for a local demo
# stack on plain http, such as docker compose on 127.0.0.1).
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=3600)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
