"""Celery tasks of rapportage: thin, without arguments, idempotent (a rerun counts afresh)."""

from celery import shared_task
from django.db import connection

from . import raad_stand, stand
from .models import OpenCasusTelling, RaadTelling, StroomTelling, VerwijzingTelling, VoorzieningRegel


def opruimen(*modellen) -> None:
    """VACUUM ANALYZE the freshly counted tables: fresh statistics for the planner and a visibility
    map for index-only scans. VACUUM cannot run in a transaction, so not inside one (tests)."""
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in modellen:
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


@shared_task(name="rapportage.tasks.dashboard_verversen", ignore_result=True, acks_late=True)
def dashboard_verversen():
    """Count the teamleider dashboard's summary tables anew (see rapportage.stand)."""
    uit = str(stand.verversen())
    opruimen(OpenCasusTelling, StroomTelling, VerwijzingTelling)
    return uit


@shared_task(name="rapportage.tasks.raad_verversen", ignore_result=True, acks_late=True)
def raad_verversen():
    """Count the raad report's summary tables anew (see rapportage.raad_stand)."""
    uit = str(raad_stand.verversen())
    opruimen(RaadTelling, VoorzieningRegel)
    return uit
