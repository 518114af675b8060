"""Checks that /health/ reports beside the database and Redis, registered by the apps that own them
(e.g. ``brp`` registers "brp"), so this infrastructure module imports no domain app.

A check returns "ok" or a short Dutch reason. A failing registered check makes the status "verminderd"
(the application works without it, e.g. the front door registers by hand without the BRP), not "storing".
"""

from __future__ import annotations

from collections.abc import Callable

_CHECKS: dict[str, Callable[[], str]] = {}


def register(naam: str, check: Callable[[], str]) -> None:
    _CHECKS[naam] = check


def run() -> dict[str, str]:
    uit = {}
    for naam, check in _CHECKS.items():
        try:
            uit[naam] = check()
        except Exception as exc:  # noqa: BLE001 - a health check never breaks /health/
            uit[naam] = f"fout bij controle ({type(exc).__name__})"
    return uit
