"""Signals that let higher apps react to the case lifecycle without intake importing them.

``casus_fase_gewijzigd`` is sent inside the transaction of ``casus_overgang``, after the case is
saved, with ``casus``, ``van``, ``naar`` and ``door``. Receivers (e.g. backoffice, which computes the
legal terms) run in the same transaction, so a failing receiver rolls the transition back.

``verwijzing_gemaakt`` is sent inside the transaction of ``verwijzing_maken`` with ``verwijzing``
(e.g. the partner portal mails the partner's workers after commit).
"""

from django.dispatch import Signal

casus_fase_gewijzigd = Signal()
verwijzing_gemaakt = Signal()
