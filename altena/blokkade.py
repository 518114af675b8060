"""Lockout per username with a growing delay, and an unlock link for the account's owner (issue 21).

Failed passwords and failed second-factor codes count together. After ``INLOGBLOKKADE_LIMIET``
failures the username is locked for 1 minute, the next time 2, then 4 ... at most 60 minutes
(``INLOGBLOKKADE_MAX_MINUTEN``); the count of locks is remembered for a day. Each lock e-mails the
account's own address a single-use link, valid one hour, that lifts it: a stranger who knows a
username can make it wait, but not keep its owner out. django-axes still locks an IP address that
sprays many usernames (``AXES_LOCKOUT_PARAMETERS = ["ip_address"]``).

State lives in the cache (Redis in production), keyed by the lower-cased username, so a username
that does not exist behaves the same as one that does (no account enumeration).
"""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

DAG = 24 * 3600
_SALT = "altena.blokkade.ontgrendelen"


def _sleutel(username: str) -> str:
    return "altena:blokkade:" + signing.Signer(salt=_SALT).signature((username or "").strip().lower())


def _staat(username: str) -> dict:
    return cache.get(_sleutel(username)) or {"mislukt": 0, "blokkades": 0, "tot": 0, "nonce": ""}


def _bewaar(username: str, staat: dict) -> None:
    cache.set(_sleutel(username), staat, DAG)


def geblokkeerd_tot(username: str) -> float:
    """The time (epoch seconds) until which this username is locked; 0 when it is not."""
    tot = _staat(username)["tot"]
    return tot if tot > time.time() else 0


def resterende_minuten(username: str) -> int:
    tot = geblokkeerd_tot(username)
    return max(1, int((tot - time.time() + 59) // 60)) if tot else 0


def wachttijd(blokkades: int) -> int:
    """Seconds of the n-th lock: 1 minute, doubling, at most INLOGBLOKKADE_MAX_MINUTEN."""
    return min(60 * 2 ** max(blokkades - 1, 0), settings.INLOGBLOKKADE_MAX_MINUTEN * 60)


def registreer_mislukking(username: str, request=None) -> bool:
    """Count a failed password or code; returns True when this failure locked the username."""
    if not username:
        return False
    staat = _staat(username)
    staat["mislukt"] += 1
    if staat["mislukt"] < settings.INLOGBLOKKADE_LIMIET:
        _bewaar(username, staat)
        return False
    staat["blokkades"] += 1
    staat["mislukt"] = 0
    staat["tot"] = time.time() + wachttijd(staat["blokkades"])
    staat["nonce"] = secrets.token_urlsafe(16)
    _bewaar(username, staat)
    _meld_blokkade(username, staat)
    return True


def reset(username: str) -> None:
    """A successful login (after the second factor, where one is needed): failures start again. The
    number of earlier locks stays for its day, so a stranger's next lock is longer, not shorter."""
    staat = _staat(username)
    if staat["mislukt"] or staat["tot"]:
        staat.update(mislukt=0, tot=0, nonce="")
        _bewaar(username, staat)


def _meld_blokkade(username: str, staat: dict) -> None:
    from .audit import log_gebruiker
    from .models import GebruikerAudit

    User = get_user_model()
    user = User._default_manager.filter(**{User.USERNAME_FIELD + "__iexact": username}).first()
    if user is None:
        return
    minuten = wachttijd(staat["blokkades"]) // 60
    log_gebruiker(
        gebruiker=user,
        wijziging=GebruikerAudit.Wijziging.GEBLOKKEERD,
        waarde=f"{minuten} minuten",
        actor=None,
    )
    if not (user.is_active and user.email):
        return
    token = signing.dumps({"u": username.strip().lower(), "n": staat["nonce"]}, salt=_SALT)
    link = settings.SITE_URL.rstrip("/") + reverse("ontgrendelen", kwargs={"token": token})
    send_mail(
        "Uw account voor Altena Toegang is tijdelijk geblokkeerd",
        render_to_string(
            "registration/ontgrendelen_email.txt", {"user": user, "link": link, "minuten": minuten}
        ),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],  # only the account's own address
    )


def ontgrendel(token: str) -> str | None:
    """Lift the lock of the link's username when the link is valid (1 hour) and unused; returns the
    username, or None."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=3600)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    username, nonce = str(data.get("u", "")), str(data.get("n", ""))
    staat = _staat(username)
    if not nonce or not secrets.compare_digest(nonce, staat.get("nonce") or ""):
        return None
    staat.update(mislukt=0, tot=0, nonce="")
    _bewaar(username, staat)
    from .audit import log_gebruiker
    from .models import GebruikerAudit

    User = get_user_model()
    user = User._default_manager.filter(**{User.USERNAME_FIELD + "__iexact": username}).first()
    if user is not None:
        log_gebruiker(gebruiker=user, wijziging=GebruikerAudit.Wijziging.ONTGRENDELD, actor=user)
    return username
