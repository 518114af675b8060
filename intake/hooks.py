"""Hooks that let higher apps react to the case lifecycle without intake importing them.

(Named ``hooks`` rather than ``signals`` so it is not confused with the ``signalen`` app, whose
``Signaal`` is a reminder for a person.)

``casus_fase_gewijzigd`` is sent by intake's own transitions (``intake_overgang``: ``casus_afhandelen``,
``verwijzing_maken`` when it moves the case to verwezen, ``casus_opschalen``, ``casus_afsluiten``
and their ``..._vergrendeld`` variants, which backoffice's closing and afschaling call on the case
they locked), inside their transaction, after the case is saved, with ``casus``, ``van``, ``naar``
and ``door``.
Receivers (backoffice: the legal terms) run in the same transaction, so a failing receiver rolls
the transition back. The maatwerk steps that backoffice takes itself (onderzoek, aanvraag,
besluit, zorg) call ``overgang_uitvoeren`` on the case they already locked and handle their own
consequences in their own service; no hook is sent then.

``verwijzing_gemaakt`` is sent inside the transaction of ``verwijzing_maken`` with ``verwijzing``
(e.g. the partner portal mails the partner's workers after commit).
"""

from django.dispatch import Signal

casus_fase_gewijzigd = Signal()
verwijzing_gemaakt = Signal()
