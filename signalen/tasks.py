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


@shared_task(name="signalen.tasks.brp_controle", ignore_result=True, acks_late=True)
def brp_controle():
    """Re-read every inwoner with an open case or running voorziening from the BRP (nightly)."""
    from . import brp

    if not brp.brp_client.ingesteld():
        return None
    return brp.brp_controle().signalen
