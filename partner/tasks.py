"""Celery tasks of the partner portal: thin, idempotent (the summary is claimed once a day)."""

from celery import shared_task

from . import meldingen


@shared_task(name="partner.tasks.dagoverzichten", ignore_result=True, acks_late=True)
def dagoverzichten():
    """Send today's summary of open referrals to each partner worker who has any."""
    return meldingen.dagoverzichten_versturen()
