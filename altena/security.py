"""Login and session security: idle and absolute session timeout, the two-factor gate, hostile
input refused early, and the registry of a user's sessions so a beheerder can end them."""

from __future__ import annotations

import time
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest
from django.urls import reverse
from django.utils import timezone

from .access import has_role
from .models import Inlogsessie

LOGIN_AT = "altena_login_at"
LAST_SEEN = "altena_last_seen"
# Set at login when this user must give a second factor (a staff role requires it, or the user opted
# in). Whether it was given is django-otp's own state: ``request.user.is_verified()``, kept by its
# OTPMiddleware from the device id that ``django_otp.login`` put in the session.
TWEESTAPS_NODIG = "altena_tweestaps_nodig"


class SessionTimeoutMiddleware:
    """Log out after SESSION_IDLE_TIMEOUT seconds without a request and SESSION_ABSOLUTE_TIMEOUT after
    login. The last-seen time is written at most once a minute, so pages do not all write the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            begin = session.setdefault(LOGIN_AT, now)
            seen = session.setdefault(LAST_SEEN, now)
            if now - seen > settings.SESSION_IDLE_TIMEOUT or now - begin > settings.SESSION_ABSOLUTE_TIMEOUT:
                logout(request)
                messages.info(request, "U bent uitgelogd omdat uw sessie verlopen is. Log opnieuw in.")
                return redirect_to_login(request.get_full_path())
            if now - seen >= 60:
                session[LAST_SEEN] = now
        return self.get_response(request)


def tweestaps_vereist(user) -> bool:
    """Whether this user's role requires a second factor (superusers always, when required at all)."""
    if not settings.TWEESTAPS_VERPLICHT:
        return False
    return user.is_superuser or has_role(user, *settings.TWEESTAPS_ROLLEN)


def heeft_tweestaps(user) -> bool:
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)


def is_geverifieerd(request) -> bool:
    """django-otp's verification state (OTPMiddleware): a confirmed device of this user gave a code
    in this session."""
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


# Paths a logged-in user without a second factor may still reach: the login and two-factor pages
# themselves, logout, password reset, static files and the health check.
_OPEN_PREFIXES = ("/accounts/", "/static/", "/health/")


class TweestapsMiddleware:
    """Send a logged-in user who needs a second factor and has not given it to the two-factor step
    (or to enrolment when the role requires it and no device exists yet). Needs django-otp's
    OTPMiddleware before it. The requirement is set at a staff login only: an inwoner's DigiD session
    (``/mijn/``) never carries it, DigiD being its own second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.user.is_authenticated
            and request.session.get(TWEESTAPS_NODIG)
            and not is_geverifieerd(request)
            and not request.path.startswith(_OPEN_PREFIXES)
        ):
            return redirect_to_login(request.get_full_path(), login_url=reverse("tweestaps:verifieren"))
        return self.get_response(request)


class GeenOpslagMiddleware:
    """``Cache-Control: no-store`` on every response to a logged-in user: pages and downloads with
    personal data stay out of browser and proxy caches (a shared workstation, the back button after
    logout). Static files are served before this runs (WhiteNoise) and keep their own caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store, private"
            response.headers.pop("Expires", None)
        return response


class HostileInputMiddleware:
    """A NUL byte can never be stored in PostgreSQL text: refuse it in the query string with a 400
    page instead of letting a filter reach the database and fail with a 500. (Form fields already
    refuse it through Django's ProhibitNullCharactersValidator.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
        ):
            raise BadRequest("De zoekopdracht bevat ongeldige tekens.")
        return self.get_response(request)


def _on_login(sender, request, user, **kwargs):
    now = int(time.time())
    session = request.session
    session[LOGIN_AT] = now
    session[LAST_SEEN] = now
    # Django's login flushes or cycles the session; django-otp's device id must not survive into a
    # new login of another user either (it is bound to the user by OTPMiddleware as well).
    from django_otp import DEVICE_ID_SESSION_KEY

    session.pop(DEVICE_ID_SESSION_KEY, None)
    session[TWEESTAPS_NODIG] = tweestaps_vereist(user) or heeft_tweestaps(user)
    if session.session_key is None:
        session.save()
    Inlogsessie.objects.get_or_create(session_key=session.session_key, defaults={"gebruiker": user})
    if not session[TWEESTAPS_NODIG]:
        from . import blokkade

        blokkade.reset(user.get_username())  # else after the second factor (tweestaps.VerifierenView)
    # Sessions past their absolute lifetime are gone anyway: forget their keys.
    Inlogsessie.objects.filter(
        gebruiker=user, begonnen__lt=timezone.now() - timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT)
    ).delete()


def _on_login_failed(sender, credentials, request=None, **kwargs):
    from . import blokkade

    blokkade.registreer_mislukking(str(credentials.get("username", ""))[:150], request)


def _on_logout(sender, request, user, **kwargs):
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        Inlogsessie.objects.filter(session_key=key).delete()


def sessies_beeindigen(gebruiker) -> int:
    """End every session of a user (the beheerder's action; also on deactivation)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(Inlogsessie.objects.filter(gebruiker=gebruiker).values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    Inlogsessie.objects.filter(gebruiker=gebruiker).delete()
    return len(keys)


def connect() -> None:
    user_logged_in.connect(_on_login, dispatch_uid="altena.security.login")
    user_logged_out.connect(_on_logout, dispatch_uid="altena.security.logout")
    user_login_failed.connect(_on_login_failed, dispatch_uid="altena.security.login_failed")


class Argon2Wachtwoorden(Argon2PasswordHasher):
    """Argon2id with OWASP's first recommended profile (19 MiB, 2 passes, 1 lane; Password Storage
    Cheat Sheet). Django's default takes 100 MiB per hash: every login would lift a web worker's
    resident memory by 100 MB, and a burst of login attempts on the public form could take a small
    machine's memory. Hashes made with other parameters are upgraded at the next login."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
