"""Hooks that let higher apps react to the case lifecycle without intake importing them.

(Named ``hooks`` rather than ``signals`` so it is not confused with the ``signalen`` app, whose
``Signaal`` is a reminder for a person.)

``casus_fase_gewijzigd`` is sent only for the transitions that intake itself starts (opschalen,
verwijzen, afhandelen, afsluiten, heropenen): the services of ``intake.services`` send it inside
their transaction, after the case is saved, with ``casus``, ``van``, ``naar`` and ``door``.
Receivers (backoffice: the legal terms) run in the same transaction, so a failing receiver rolls
the transition back. A higher app that moves a case itself (backoffice's onderzoek, aanvraag,
besluit, zorg) calls ``overgang_uitvoeren`` on the case it already locked and handles its own
consequences in its own service; no hook is sent then.
"""

from django.dispatch import Signal

casus_fase_gewijzigd = Signal()
