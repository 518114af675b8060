"""The hook into the backoffice (a lower layer that must not know berichten): after a besluit or
a change of a voorziening commits, the case's toewijzingen are brought in line and the 301s sent.

A besluit creates its voorzieningen after itself in one transaction, so the work runs on commit,
when they all exist. It is idempotent. When it fails the poll task catches up only on what is
missing altogether: a recent natura voorziening without a toewijzing (``ontbrekende_bijwerken``,
two days back); a failed sync after a change of an existing voorziening is only logged."""

from django.db.models.signals import post_save

from backoffice.models import Besluit, Voorziening

from .services.toewijzingen import na_commit_bijwerken


def bij_besluit(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        na_commit_bijwerken(instance.casus_id)


def bij_voorziening(sender, instance, created, raw=False, **kwargs):
    if not raw:
        na_commit_bijwerken(instance.casus_id)


def connect():
    post_save.connect(bij_besluit, sender=Besluit, dispatch_uid="berichten.bij_besluit")
    post_save.connect(bij_voorziening, sender=Voorziening, dispatch_uid="berichten.bij_voorziening")
