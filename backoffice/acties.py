"""What may happen now on a maatwerk case: backoffice's action table (``altena.acties``), beside
the transition table.

The case page asks ``ACTIES.voor(user, stand)`` which buttons to show; every service asks
``ACTIES.vereist(Stand(locked), naam)`` after taking the lock, before it writes. The rules of the
actions that are transitions (aanvraag, besluit, zorg, afschalen, afsluiten, the start of the
onderzoek) read intake's transition table.

A ``Stand`` is the part of a case's state the rules read. The case page builds it from the dossier
it already loaded (``stand_uit_dossier``), so showing the buttons costs no extra query.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.functional import cached_property

from altena.access import Rol
from altena.acties import Actie, ActieTabel
from intake.fouten import ActieNietToegestaan
from intake.models import Casus, Wet
from intake.workflow import MAATWERK_FASEN, TRANSITIONS, Fase

from .models import Aanvraag, Onderzoek, Voorziening

BEHANDELAARS = frozenset({Rol.CONSULTANT, Rol.TEAMLEIDER})


def _kan_naar(s: Stand, naar: str) -> bool:
    return (s.casus.fase, naar) in TRANSITIONS


class Stand:
    """What the rules read: the case and four facts about its records.

    Facts not given are asked from the database on first use (one small query each), so a
    service pays only for what the rule of its action reads."""

    def __init__(self, casus: Casus, *, op: date | None = None, **feiten: bool):
        self.casus = casus
        self.op = op or timezone.localdate()
        self.__dict__.update(feiten)

    @cached_property
    def onderzoek_open(self) -> bool:
        return Onderzoek.objects.filter(casus=self.casus, afgerond_op__isnull=True).exists()

    @cached_property
    def voorschot_open(self) -> bool:
        return Aanvraag.objects.filter(
            casus=self.casus, voorschot_gevraagd=True, voorschot_verleend_op__isnull=True
        ).exists()

    @cached_property
    def zorg_begonnen(self) -> bool:
        """A running voorziening whose start date has come."""
        return Voorziening.objects.lopend(self.op).filter(casus=self.casus, startdatum__lte=self.op).exists()


def stand_uit_dossier(casus: Casus, dossier: dict, op: date | None = None) -> Stand:
    """The same state from the lists the case page already loaded (no query)."""
    op = op or timezone.localdate()
    return Stand(
        casus,
        op=op,
        onderzoek_open=any(o.afgerond_op is None for o in dossier["onderzoeken"]),
        voorschot_open=any(
            a.voorschot_gevraagd and not a.voorschot_verleend_op for a in dossier["aanvragen"]
        ),
        zorg_begonnen=any(
            v.beeindigd_op is None and v.einddatum >= op and v.startdatum <= op
            for v in dossier["voorzieningen"]
        ),
    )


def _fase(s: Stand) -> str:
    return s.casus.get_fase_display().lower()


def _behandelaar(s: Stand) -> str | None:
    if s.casus.behandelaar_id is None:
        return (
            f"Casus {s.casus.nummer} heeft nog geen behandelaar. Neem de casus eerst in behandeling "
            "(of laat de teamleider hem toewijzen)."
        )
    return None


def _claimen(s: Stand) -> str | None:
    if s.casus.fase not in MAATWERK_FASEN:
        return f"Casus {s.casus.nummer} is geen open maatwerkcasus en kan niet worden geclaimd."
    if s.casus.behandelaar_id is not None:
        return "Deze casus heeft al een behandelaar."
    return None


def _toewijzen(s: Stand) -> str | None:
    if s.casus.fase not in MAATWERK_FASEN:
        return "Alleen een open maatwerkcasus kan worden toegewezen."
    return None


def _onderzoek_starten(s: Stand) -> str | None:
    if s.onderzoek_open:
        return "Er loopt al een onderzoek op deze casus."
    c = s.casus
    # Jeugdwet and Participatiewet may hold the onderzoek after the aanvraag (no transition then).
    if not (
        _kan_naar(s, Fase.ONDERZOEK)
        or (c.fase == Fase.AANVRAAG and c.wet in (Wet.JEUGDWET, Wet.PARTICIPATIEWET))
    ):
        return f"Een onderzoek start na de melding; deze casus staat in fase '{_fase(s)}'."
    return _behandelaar(s)


def _onderzoek(s: Stand) -> str | None:
    if not s.casus.is_open:
        return "Deze casus is gesloten; het onderzoek kan niet meer worden bijgewerkt."
    return None if s.onderzoek_open else "Er loopt geen onderzoek op deze casus."


def _plan(s: Stand) -> str | None:
    if s.casus.wet != Wet.WMO:
        return "Een persoonlijk plan hoort bij een Wmo-melding."
    if s.casus.fase not in (Fase.MELDING, Fase.ONDERZOEK):
        return "Een persoonlijk plan wordt ingeleverd tussen melding en aanvraag."
    return None


def _aanvraag(s: Stand) -> str | None:
    if not _kan_naar(s, Fase.AANVRAAG):
        return (
            f"Een aanvraag volgt op een melding of onderzoek (of herindicatie in zorg); nu fase '{_fase(s)}'."
        )
    return _behandelaar(s)


def _voorschot(s: Stand) -> str | None:
    return None if s.voorschot_open else "Er staat geen voorschot open."


def _besluit(s: Stand) -> str | None:
    if not _kan_naar(s, Fase.BESLUIT):
        return (
            "Leg eerst de aanvraag vast: een besluit volgt op een ontvangen aanvraag "
            f"(deze casus staat in fase '{_fase(s)}')."
        )
    return _behandelaar(s)


def _zorg_starten(s: Stand) -> str | None:
    if not _kan_naar(s, Fase.IN_ZORG):
        return f"Zorg start na een besluit; deze casus staat in fase '{_fase(s)}'."
    if not s.zorg_begonnen:
        return "Er is nog geen toegekende voorziening gestart."
    return None


def _afschalen(s: Stand) -> str | None:
    if s.casus.fase not in MAATWERK_FASEN or not _kan_naar(s, Fase.VERWEZEN):
        return f"Afschalen kan vanuit onderzoek, besluit of zorg; deze casus staat in fase '{_fase(s)}'."
    return None


def _afsluiten(s: Stand) -> str | None:
    return None if _kan_naar(s, Fase.AFGESLOTEN) else "Deze casus is al gesloten."


def _bezwaar(s: Stand) -> str | None:
    if s.casus.fase not in (Fase.BESLUIT, Fase.IN_ZORG, Fase.AFGESLOTEN, Fase.VERWEZEN):
        return "Bezwaar is er tegen een besluit; deze casus heeft nog geen besluit."
    return None


ACTIES = ActieTabel(
    {
        "claimen": Actie("In behandeling nemen", _claimen, frozenset({Rol.CONSULTANT})),
        "toewijzen": Actie("Toewijzen", _toewijzen, frozenset({Rol.TEAMLEIDER})),
        "onderzoek_starten": Actie("Onderzoek starten", _onderzoek_starten, BEHANDELAARS),
        "onderzoek": Actie("Onderzoek vastleggen", _onderzoek, BEHANDELAARS),
        "plan": Actie("Persoonlijk plan ontvangen", _plan, BEHANDELAARS),
        "aanvraag": Actie("Aanvraag ontvangen", _aanvraag, BEHANDELAARS),
        "voorschot": Actie("Voorschot verlenen", _voorschot, BEHANDELAARS),
        "besluit": Actie("Besluit nemen", _besluit, BEHANDELAARS),
        "zorg_starten": Actie("Zorg gestart", _zorg_starten, BEHANDELAARS),
        "afschalen": Actie("Afschalen", _afschalen, BEHANDELAARS),
        "afsluiten": Actie("Afsluiten", _afsluiten, BEHANDELAARS),
        "bezwaar": Actie("Bezwaar registreren", _bezwaar, BEHANDELAARS),
    },
    weigering=lambda stand, naam, reden: ActieNietToegestaan(stand.casus, naam, reden),
)
