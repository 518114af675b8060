"""Celery tasks of rapportage: thin, without arguments, idempotent (a rerun counts afresh)."""

from celery import shared_task

from . import stand


@shared_task(name="rapportage.tasks.dashboard_verversen", ignore_result=True, acks_late=True)
def dashboard_verversen():
    """Count the teamleider dashboard's summary tables anew (see rapportage.stand)."""
    return str(stand.verversen())
