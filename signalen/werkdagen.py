"""Working days of the Algemene termijnenwet, turned into one cut-off date per sweep.

A working day is a day that is no Saturday, Sunday or Atw feestdag (``backoffice.termijnen``: the
feestdagen by law plus the days gelijkgesteld by decree, which a beheerder keeps in admin).

The sweeps never count working days per row in SQL. Instead, for the sweep's date ``t`` they ask
Python for one boundary date, and the SQL compares a stored date column with it (an index range
scan). Write W(a, b] for the number of working days d with a < d <= b. Then, exactly:

* "deadline ``y`` is at most N working days away" means W(t, y] <= N, which holds if and only if
  y < ``werkdag_na(t, N + 1)`` (the (N+1)-th working day after t is the first day with W >= N+1);
* "event ``m`` is more than N working days ago" means W(m, t] > N, which holds if and only if
  m < ``werkdag_terug(t, N + 1)`` (the (N+1)-th working day counting back from t, t included).

Both hold for every date, also a deadline or event on a weekend or feestdag, and need no calendar
table. The functions walk at most a few weeks of days, so the cost is nil.
"""

from __future__ import annotations

from datetime import date, timedelta

from backoffice.termijnen import Feestdagen, reden_geen_werkdag


def is_werkdag(d: date, feestdagen: Feestdagen) -> bool:
    return reden_geen_werkdag(d, feestdagen) is None


def werkdag_na(t: date, n: int, feestdagen: Feestdagen) -> date:
    """The n-th working day after ``t`` (t itself not counted); n >= 1."""
    if n < 1:
        raise ValueError("n moet minstens 1 zijn")
    d = t
    while n:
        d += timedelta(days=1)
        if is_werkdag(d, feestdagen):
            n -= 1
    return d


def werkdag_terug(t: date, n: int, feestdagen: Feestdagen) -> date:
    """The n-th working day counting back from ``t``, t itself included when it is one; n >= 1."""
    if n < 1:
        raise ValueError("n moet minstens 1 zijn")
    d = t + timedelta(days=1)
    while n:
        d -= timedelta(days=1)
        if is_werkdag(d, feestdagen):
            n -= 1
    return d


def werkdagen_tussen(a: date, b: date, feestdagen: Feestdagen) -> int:
    """W(a, b]: the working days after ``a`` up to and including ``b`` (for tests and texts)."""
    return sum(1 for i in range(1, (b - a).days + 1) if is_werkdag(a + timedelta(days=i), feestdagen))
