"""Project-wide views: home (role redirect) and the health check. The privacy officer's log: privacy.py."""

from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

from . import health
from .access import start_url
from .models import Heartbeat
from .verwerkingen import GEEN_PERSOONSGEGEVENS


def home(request):
    return redirect(start_url(request.user))


home.verwerking = GEEN_PERSOONSGEGEVENS


class GeenRolView(TemplateView):
    verwerking = GEEN_PERSOONSGEGEVENS
    template_name = "altena/geen_rol.html"


@method_decorator(login_not_required, name="dispatch")
class HealthView(View):
    """Database and Redis reachability and the last beat, as JSON. No login, no personal data."""

    verwerking = GEEN_PERSOONSGEGEVENS

    def get(self, request):
        from django.conf import settings

        result = {"database": "ok", "redis": "ok", "beat": None}
        status = 200
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception:  # noqa: BLE001 - any failure means unreachable
            result["database"] = "onbereikbaar"
            status = 503
        try:
            import redis

            redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2).ping()
        except Exception:  # noqa: BLE001
            result["redis"] = "onbereikbaar"
            status = 503
        beat_ok = False
        if result["database"] == "ok":
            beat = Heartbeat.objects.filter(naam="beat").first()
            result["beat"] = beat.laatst.isoformat() if beat else None
            stale_after = timedelta(seconds=settings.HEALTH_BEAT_STALE_SECONDS)
            beat_ok = beat is not None and timezone.now() - beat.laatst <= stale_after
        extra = health.run()
        result.update(extra)
        # "niet ingesteld" is a configuration (e.g. a test run), not an outage.
        niet_ok = [naam for naam, waarde in extra.items() if waarde not in ("ok", "niet ingesteld")]
        if status != 200:
            result["status"] = "storing"
        elif niet_ok:
            result["status"] = "verminderd"
            result["melding"] = f"Niet beschikbaar: {', '.join(niet_ok)}; de rest werkt."
        elif not beat_ok:
            # Pages still work without beat; only reminders wait. Degraded, not down: a load balancer
            # keeps sending traffic (200), monitoring sees the status.
            result["status"] = "verminderd"
            result["melding"] = "Celery beat ontbreekt of is te lang stil: herinneringen wachten."
        else:
            result["status"] = "ok"
        return JsonResponse(result, status=status)
