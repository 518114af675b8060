"""Celery tasks of the signalen app: thin, without arguments, idempotent (safe with acks_late and a
retry: the sweeps and the digest are exactly-once by database constraints, not by the task)."""

from celery import shared_task

from . import services


@shared_task(name="signalen.tasks.sweep", ignore_result=True, acks_late=True)
def sweep():
    """Make every due signal that does not exist yet (all rules)."""
    return services.sweep_alle()


@shared_task(name="signalen.tasks.dagoverzichten", ignore_result=True, acks_late=True)
def dagoverzichten():
    """Send today's digest to whoever wants one and has not had it yet today."""
    return services.dagoverzichten_versturen()
