"""Celery tasks of the berichtenverkeer: thin, without arguments, idempotent (exactly once is the
database's job: the checksum row lock for received files, the status for sent ones, the mutation
rows for the 301s)."""

from celery import shared_task

from .services.mutaties import mutaties_verwerken as _mutaties_verwerken
from .services.poll import verwerken as _verwerken


@shared_task(name="berichten.tasks.verwerken", ignore_result=True, acks_late=True)
def verwerken():
    """Turn pending mutations into 301s, send the outbox, read the inbox."""
    return _verwerken()


@shared_task(name="berichten.tasks.mutaties_verwerken", ignore_result=True, acks_late=True)
def mutaties_verwerken():
    """The outbox of the backoffice: pending voorziening mutations become toewijzingen and 301s."""
    return _mutaties_verwerken()
