from celery import shared_task
from django.utils import timezone

from .models import Heartbeat


@shared_task(name="altena.tasks.heartbeat", ignore_result=True)
def heartbeat():
    """Record that beat and a worker are alive. Idempotent: it only moves a timestamp."""
    Heartbeat.objects.update_or_create(naam="beat", defaults={"laatst": timezone.now()})
