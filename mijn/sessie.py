"""The inwoner's session of Mijn Toegang: not a Django user (ADR 0010). The session holds the id of
the Inwoner record (where the BSN is kept, once), the moment of login and the last request."""

from __future__ import annotations

import time

INWONER = "mijn_inwoner_id"
BEGIN = "mijn_begin"
GEZIEN = "mijn_gezien"
MIDDEL = "mijn_middel"
# DigiD worked but the BSN is no inwoner here yet: kept (server-side, 15 minutes) only so the
# melding form on the "niet gevonden" page can register this person; never shown, never in a URL.
ONBEKEND_BSN = "mijn_onbekend_bsn"
ONBEKEND_TOT = "mijn_onbekend_tot"
ONBEKEND_GEMEENTE = "mijn_onbekend_gemeente"
SLEUTELS = (INWONER, BEGIN, GEZIEN, MIDDEL, ONBEKEND_BSN, ONBEKEND_TOT, ONBEKEND_GEMEENTE)


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


def onbekend_onthouden(request, bsn: str, gemeente: str, *, seconden: int = 15 * 60) -> None:
    request.session.flush()
    request.session[ONBEKEND_BSN] = bsn
    request.session[ONBEKEND_GEMEENTE] = gemeente
    request.session[ONBEKEND_TOT] = int(time.time()) + seconden


def onbekend(request) -> tuple[str, str] | None:
    """The BSN and gemeente of a DigiD login without inwoner, while still fresh."""
    session = request.session
    if session.get(ONBEKEND_BSN) and session.get(ONBEKEND_TOT, 0) >= int(time.time()):
        return session[ONBEKEND_BSN], session[ONBEKEND_GEMEENTE]
    return None
