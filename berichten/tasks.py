"""Celery task of the berichtenverkeer: thin, without arguments, idempotent (exactly once is the
database's job: the checksum row lock for received files, the status for sent ones)."""

from celery import shared_task

from .services.poll import verwerken as _verwerken


@shared_task(name="berichten.tasks.verwerken", ignore_result=True, acks_late=True)
def verwerken():
    """Send the outbox, read the inbox, and catch up on toewijzingen a failed hook missed."""
    return _verwerken()
