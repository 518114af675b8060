"""The moment of a dashboard figure, carried to the list it opens (``?stand=<epoch seconds>``), so the
list shows the cases the figure counted: those that existed at that moment. Hostile or stale input
is ignored (the list is then simply current)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import django_filters
from django import forms
from django.utils import timezone

MAX_OUDERDOM = timedelta(days=1)


def moment_van(waarde) -> datetime | None:
    try:
        moment = datetime.fromtimestamp(int(waarde), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    nu = timezone.now()
    if not (nu - MAX_OUDERDOM <= moment <= nu + timedelta(seconds=5)):
        return None
    return moment


def param_van(moment: datetime) -> int:
    return int(moment.timestamp())


class StandFilter(django_filters.NumberFilter):
    """Only rows that existed at the moment (``veld`` at or before it); ``moment`` is set when it
    applied, for the list's note."""

    def __init__(self, veld: str = "aangemaakt", **kwargs):
        kwargs.setdefault("label", "Stand")
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(**kwargs)
        self.veld = veld
        self.moment = None

    def filter(self, qs, value):
        self.moment = moment_van(value) if value not in (None, "") else None
        if self.moment is None:
            return qs
        return qs.filter(**{f"{self.veld}__lte": self.moment})
