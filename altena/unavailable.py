"""A Dutch "probeer het opnieuw" page (503) when PostgreSQL is briefly unreachable.

A database restart or failover makes requests in flight fail with OperationalError/InterfaceError,
wherever they are raised (a view, the session or the user lookup in a middleware). Django turns each
into a 500 and sends ``got_request_exception`` first; the receiver marks the request, and the
outermost middleware swaps the 500 for this 503 with Retry-After. The page is rendered without a
request context: no menu, no database, no personal data. ``CONN_HEALTH_CHECKS`` makes the next
request open a fresh connection, so the application recovers by itself once the database is back.
"""

import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

UNAVAILABLE = (OperationalError, InterfaceError)


def _mark_unavailable(sender, request=None, **kwargs):
    exc = sys.exc_info()[1]
    if request is not None and isinstance(exc, UNAVAILABLE):
        request.altena_database_unavailable = True


got_request_exception.connect(_mark_unavailable, dispatch_uid="altena.unavailable")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "altena_database_unavailable", False):
            response = HttpResponse(render_to_string("503.html"), status=503)
            response["Retry-After"] = "5"
        return response
