"""Celery tasks of the backoffice: thin and idempotent."""

from celery import shared_task

from .bewaartermijnen import bewaartermijnen_toepassen, proefrapport_bijwerken


@shared_task(name="backoffice.tasks.bewaartermijnen", ignore_result=True, acks_late=True)
def bewaartermijnen():
    """Anonymise closed cases past their retention term (rules with ``actief`` on); a rerun finds
    nothing new to do. Then the dry run of every rule for the beheerder's report of the day."""
    resultaat = bewaartermijnen_toepassen()
    proefrapport_bijwerken()
    return resultaat
