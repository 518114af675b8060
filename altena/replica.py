"""Reads for reports from a PostgreSQL streaming replica, and a query count for the benchmark.

With ``REPORTING_DATABASE_URL`` set, requests under ``REPORTING_PATH_PREFIXES`` (the rapportage app)
read every model from the ``reporting`` database; writes always go to ``default``. Code outside a
request can do the same with ``with reading_for_reports(): ...``. Without the setting nothing changes.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

_for_reports: ContextVar[bool] = ContextVar("altena_reading_for_reports", default=False)


@contextmanager
def reading_for_reports():
    token = _for_reports.set(True)
    try:
        yield
    finally:
        _for_reports.reset(token)


class ReportingRouter:
    def db_for_read(self, model, **hints):
        if settings.REPORTING_DB and _for_reports.get():
            return settings.REPORTING_DB
        return None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"  # a replica follows the primary; it is never migrated itself


class ReportingReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.REPORTING_DB and request.path.startswith(tuple(settings.REPORTING_PATH_PREFIXES)):
            with reading_for_reports():
                return self.get_response(request)
        return self.get_response(request)


class QueryCountMiddleware:
    """X-Query-Count: the SQL statements this request ran (only with QUERY_COUNT_HEADER on)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.QUERY_COUNT_HEADER:
            return self.get_response(request)
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count)
        return response
