"""The action-table code, once: what may happen now on a case, for the page and the service alike.

Each app declares its own table beside the transition table (``intake.acties`` for the front door,
``backoffice.acties`` for maatwerk) as an ``ActieTabel`` of named ``Actie`` rows. One table answers
two questions, so the screen and the rule cannot disagree:

* the page asks ``TABEL.voor(user, onderwerp)`` which buttons to show (role and state);
* every service asks ``TABEL.vereist(onderwerp, naam)`` after taking the lock, before it writes,
  and is refused with the same Dutch reason the page shows instead of a button.

A rule takes the table's subject (the case, or what the rules read of it) and returns None when
the action may happen, else the Dutch reason it may not. Rules that are transitions read the
transition table (``intake.workflow.TRANSITIONS``); this module imports no app, so the table
says how it refuses (``weigering``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from altena.access import user_roles

Regel = Callable[[Any], "str | None"]


@dataclass(frozen=True)
class Actie:
    label: str
    regel: Regel  # None: allowed; else the Dutch reason it is not
    rollen: frozenset[str]


class ActieTabel(Mapping[str, Actie]):
    """An app's action table: a mapping of action names to actions, with the two questions."""

    def __init__(self, acties: dict[str, Actie], *, weigering: Callable[[Any, str, str], Exception]):
        self._acties = dict(acties)
        self._weigering = weigering

    def __getitem__(self, naam: str) -> Actie:
        return self._acties[naam]

    def __iter__(self) -> Iterator[str]:
        return iter(self._acties)

    def __len__(self) -> int:
        return len(self._acties)

    def reden_niet(self, onderwerp, naam: str) -> str | None:
        """Why ``naam`` may not happen now (None when it may), regardless of who asks."""
        return self._acties[naam].regel(onderwerp)

    def vereist(self, onderwerp, naam: str) -> None:
        """The services' check: refuse with the table's reason."""
        reden = self.reden_niet(onderwerp, naam)
        if reden is not None:
            raise self._weigering(onderwerp, naam, reden)

    def mag(self, user, onderwerp, naam: str) -> bool:
        actie = self._acties[naam]
        return bool(user_roles(user) & actie.rollen) and actie.regel(onderwerp) is None

    def voor(self, user, onderwerp) -> dict[str, bool]:
        """Every action of the table: may this user do it on this subject now? (the page's buttons)"""
        rollen = user_roles(user)
        return {
            naam: bool(rollen & a.rollen) and a.regel(onderwerp) is None for naam, a in self._acties.items()
        }
