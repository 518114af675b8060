"""Reactions to the case lifecycle and to the feestdagen data, connected in BackofficeConfig.ready."""

from django.db.models.signals import post_delete, post_save, pre_save

from intake.hooks import casus_fase_gewijzigd

from .models import Feestdag
from .services.termijnen import termijnen_bij_overgang, termijnen_herberekenen_rond


def bij_fase_gewijzigd(sender, *, casus, van, naar, door=None, **kwargs):
    """Start, keep or finish the legal terms when a case changes fase (same transaction)."""
    termijnen_bij_overgang(casus=casus, van=van, naar=naar)


def bij_feestdag_opslaan(sender, instance, raw=False, **kwargs):
    """Remember the date a decreed day had before an edit: the terms it moved must move back."""
    if raw or instance.pk is None:
        return
    instance._vorige_datum = Feestdag.objects.filter(pk=instance.pk).values_list("datum", flat=True).first()


def bij_feestdag_gewijzigd(sender, instance, raw=False, **kwargs):
    """A beheerder added, moved or removed a decreed day: recompute the terms it touches."""
    if raw:
        return
    vorige = getattr(instance, "_vorige_datum", None)
    if vorige is not None and vorige != instance.datum:
        termijnen_herberekenen_rond(vorige)
    termijnen_herberekenen_rond(instance.datum)


def connect():
    casus_fase_gewijzigd.connect(bij_fase_gewijzigd, dispatch_uid="backoffice_termijnen")
    pre_save.connect(bij_feestdag_opslaan, sender=Feestdag, dispatch_uid="backoffice_feestdag_pre_save")
    post_save.connect(bij_feestdag_gewijzigd, sender=Feestdag, dispatch_uid="backoffice_feestdag_save")
    post_delete.connect(bij_feestdag_gewijzigd, sender=Feestdag, dispatch_uid="backoffice_feestdag_delete")
