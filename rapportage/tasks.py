"""Celery tasks of rapportage: thin, without arguments, idempotent (a rerun counts afresh)."""

from celery import shared_task

from . import raad_stand, stand


@shared_task(name="rapportage.tasks.dashboard_verversen", ignore_result=True, acks_late=True)
def dashboard_verversen():
    """Count the teamleider dashboard's summary tables anew (see rapportage.stand)."""
    return str(stand.verversen())


@shared_task(name="rapportage.tasks.raad_verversen", ignore_result=True, acks_late=True)
def raad_verversen():
    """Count the raad report's summary tables anew (see rapportage.raad_stand)."""
    return str(raad_stand.verversen())
