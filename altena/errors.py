"""Dutch error pages in the application's own layout (400, 403, 404, 405, 429, 500).

They say what happened and what to do, never a stack trace or personal data. A 403/404 raised
with a Dutch reason (``Http404("Deze casus ...")``) shows that reason; Django's own English texts
("No Casus matches the given query.") are replaced by the general one.
"""

from __future__ import annotations

import logging

from django.http import HttpResponseServerError
from django.template import loader
from django.views.debug import SafeExceptionReporterFilter

from .verwerkingen import GEEN_PERSOONSGEGEVENS

logger = logging.getLogger(__name__)

# Reasons that come from Django itself (English or technical): never shown.
_TECHNICAL = ("No ", "Resolver404", "Http404", "PermissionDenied", "BadRequest", "SuspiciousOperation")


def _reden(exception) -> str:
    if exception is None or not exception.args:
        return ""
    message = exception.args[0]
    if not isinstance(message, str) or message.startswith(_TECHNICAL) or "matches the given query" in message:
        return ""
    return message


def _render(request, template_name: str, status: int, exception=None, **context):
    from django.http import HttpResponse

    context["reden"] = _reden(exception)
    try:
        body = loader.render_to_string(template_name, context, request)
    except Exception:  # noqa: BLE001 - e.g. the database is down: fall back to the bare page
        logger.exception("Foutpagina %s kon niet volledig worden opgebouwd", status)
        body = loader.render_to_string("fout_kaal.html", {"status": status})
    return HttpResponse(body, status=status)


def bad_request(request, exception=None):
    return _render(request, "400.html", 400, exception)


def permission_denied(request, exception=None):
    return _render(request, "403.html", 403, exception)


def page_not_found(request, exception=None):
    return _render(request, "404.html", 404, exception)


def server_error(request):
    try:
        return _render(request, "500.html", 500)
    except Exception:  # noqa: BLE001 - the last resort must never fail
        return HttpResponseServerError("<h1>Er ging iets mis (500)</h1>", content_type="text/html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: Django's bare English page replaced by a Dutch one in the layout. The
    technical reason is logged, never shown."""
    logger.warning("CSRF geweigerd: %s", reason)
    return _render(request, "403_csrf.html", 403)


def method_not_allowed(request, response):
    page = _render(request, "405.html", 405)
    if response.has_header("Allow"):
        page["Allow"] = response["Allow"]
    return page


class ErrorPageMiddleware:
    """Give the bare 405 of a class-based view (a GET on a POST-only URL) the Dutch error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            return method_not_allowed(request, response)
        return response


class AltijdFilteren(SafeExceptionReporterFilter):
    """Hide sensitive POST parameters and settings on the debug page too (Django's default filter
    only works with DEBUG off, so a debug page could show a submitted password)."""

    def is_active(self, request):
        return True


# The error pages show no personal data (issue 10: every view declares its verwerking).
for _handler in (
    bad_request,
    permission_denied,
    page_not_found,
    server_error,
    method_not_allowed,
    csrf_failure,
):
    _handler.verwerking = GEEN_PERSOONSGEGEVENS
