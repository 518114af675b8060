"""Exact query budgets: ``with precies_queries(n): ...`` fails when a block runs more or fewer
than ``n`` queries, and prints every statement it ran, numbered, so the extra one is visible at
once (pytest-django's own helper only lists them with ``-v``)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def precies_queries(aantal: int):
    with CaptureQueriesContext(connection) as ctx:
        yield ctx
    if len(ctx.captured_queries) != aantal:
        regels = "\n".join(f"{i:>3}. {q['sql']}" for i, q in enumerate(ctx.captured_queries, start=1))
        pytest.fail(
            f"Querybudget: {len(ctx.captured_queries)} queries uitgevoerd, {aantal} verwacht.\n{regels}",
            pytrace=False,
        )
