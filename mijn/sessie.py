"""The inwoner's session of Mijn Toegang: not a Django user (ADR 0009). The session holds the id of
the Inwoner record (where the BSN is kept, once), the moment of login and the last request."""

from __future__ import annotations

import time

INWONER = "mijn_inwoner_id"
BEGIN = "mijn_begin"
GEZIEN = "mijn_gezien"
MIDDEL = "mijn_middel"
SLEUTELS = (INWONER, BEGIN, GEZIEN, MIDDEL)


def inwoner_inloggen(request, inwoner, *, middel: str) -> None:
    """Start a fresh session for this inwoner: whatever the browser held before (a staff login, an
    earlier inwoner) is flushed, and the session key changes (no session fixation)."""
    request.session.flush()
    nu = int(time.time())
    request.session[INWONER] = inwoner.pk
    request.session[BEGIN] = nu
    request.session[GEZIEN] = nu
    request.session[MIDDEL] = middel


def inwoner_uitloggen(request) -> None:
    request.session.flush()


def inwoner_id(request) -> int | None:
    session = getattr(request, "session", None)
    return session.get(INWONER) if session is not None else None


def bij_medewerker_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        for sleutel in SLEUTELS:
            request.session.pop(sleutel, None)
