"""Project-wide views: home (role redirect), the privacy officer's log, and the health check."""

from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import ListView, TemplateView

from .access import Rol, RoleRequiredMixin, start_url
from .models import Heartbeat, Verwerking


def home(request):
    return redirect(start_url(request.user))


class GeenRolView(TemplateView):
    template_name = "altena/geen_rol.html"


class VerwerkingenLogView(RoleRequiredMixin, ListView):
    """The privacy officer's start page: the verwerkingenlogging, newest first."""

    allowed_roles = (Rol.PRIVACY,)
    model = Verwerking
    paginate_by = 50
    template_name = "altena/verwerkingen.html"

    def get_queryset(self):
        qs = Verwerking.objects.all()
        actor = self.request.GET.get("actor", "").strip()
        casus = self.request.GET.get("casus", "").strip()
        if actor:
            qs = qs.filter(actor_naam__icontains=actor)
        if casus:
            qs = qs.filter(casus_nummer=casus)
        return qs


@method_decorator(login_not_required, name="dispatch")
class HealthView(View):
    """Database and Redis reachability and the last beat, as JSON. No login, no personal data."""

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
        if status != 200:
            result["status"] = "storing"
        elif not beat_ok:
            # Pages still work without beat; only reminders wait. Degraded, not down: a load balancer
            # keeps sending traffic (200), monitoring sees the status.
            result["status"] = "verminderd"
            result["melding"] = "Celery beat ontbreekt of is te lang stil: herinneringen wachten."
        else:
            result["status"] = "ok"
        return JsonResponse(result, status=status)
