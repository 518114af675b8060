"""Reactions to the case lifecycle and to the feestdagen data, connected in BackofficeConfig.ready."""

from django.db.models.signals import post_delete, post_save

from intake.signals import casus_fase_gewijzigd

from .models import Feestdag
from .services.termijnen import termijnen_bij_overgang, termijnen_herberekenen_rond


def bij_fase_gewijzigd(sender, *, casus, van, naar, door=None, **kwargs):
    """Start, keep or finish the legal terms when a case changes fase (same transaction)."""
    termijnen_bij_overgang(casus=casus, van=van, naar=naar)


def bij_feestdag_gewijzigd(sender, instance, raw=False, **kwargs):
    """A beheerder added, moved or removed a decreed day: recompute the terms it touches."""
    if raw:
        return
    termijnen_herberekenen_rond(instance.datum)


def connect():
    casus_fase_gewijzigd.connect(bij_fase_gewijzigd, dispatch_uid="backoffice_termijnen")
    post_save.connect(bij_feestdag_gewijzigd, sender=Feestdag, dispatch_uid="backoffice_feestdag_save")
    post_delete.connect(bij_feestdag_gewijzigd, sender=Feestdag, dispatch_uid="backoffice_feestdag_delete")
