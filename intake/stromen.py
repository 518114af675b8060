"""Definitions shared by the work-queue filters and the teamleider's dashboard (rapportage).

A dashboard number and the queue it links to must always agree, so both use these expressions:
the age classes of open cases, the flows (stromen) of the two legs as timeline events, and the
referrals that wait for feedback.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .models import CasusGebeurtenis, Verwijzing
from .workflow import Fase

# (code, label, from weeks inclusive, to weeks exclusive; None is open-ended)
LEEFTIJDSKLASSEN = [
    ("0-2", "jonger dan 2 weken", 0, 2),
    ("2-6", "2 tot 6 weken", 2, 6),
    ("6-12", "6 tot 12 weken", 6, 12),
    ("12+", "12 weken of ouder", 12, None),
]


def leeftijd_q(code: str, nu: datetime | None = None) -> Q:
    """Cases whose age (since aangemaakt) falls in the class ``code``."""
    nu = nu or timezone.now()
    for key, _label, van, tot in LEEFTIJDSKLASSEN:
        if key == code:
            q = Q(aangemaakt__lte=nu - timedelta(weeks=van))
            if tot is not None:
                q &= Q(aangemaakt__gt=nu - timedelta(weeks=tot))
            return q
    raise ValueError(code)


AFSCHAAL_VAN = (Fase.ONDERZOEK, Fase.BESLUIT, Fase.IN_ZORG)

# The flows of the two legs as timeline transitions (nieuw is the case's aangemaakt).
STROMEN = {
    "afgehandeld": ("Direct afgehandeld", Q(fase_naar=Fase.AFGEHANDELD)),
    "verwezen": ("Verwezen naar voorliggend veld", Q(fase_van=Fase.AANGEMELD, fase_naar=Fase.VERWEZEN)),
    "opgeschaald_deur": ("Opgeschaald vanaf de voordeur", Q(fase_van=Fase.AANGEMELD, fase_naar=Fase.MELDING)),
    "opgeschaald_verwijzing": (
        "Opgeschaald na verwijzing",
        Q(fase_van=Fase.VERWEZEN, fase_naar=Fase.MELDING),
    ),
    "afgeschaald": ("Afgeschaald naar het netwerk", Q(fase_van__in=AFSCHAAL_VAN, fase_naar=Fase.VERWEZEN)),
    "afgesloten": ("Afgesloten", Q(fase_naar=Fase.AFGESLOTEN)),
}
# Flows that combine others, for a list behind a combined figure (the teamleider's steering screen).
SAMENGESTELDE_STROMEN = {
    "opgeschaald": (
        "Opgeschaald naar maatwerk",
        Q(fase_van__in=(Fase.AANGEMELD, Fase.VERWEZEN), fase_naar=Fase.MELDING),
    ),
}
STROOM_KEUZES = [
    ("nieuw", "Nieuwe hulpvraag"),
    *[(k, v[0]) for k, v in STROMEN.items()],
    *[(k, v[0]) for k, v in SAMENGESTELDE_STROMEN.items()],
]


def dag_begin(d: date) -> datetime:
    """Local midnight (Europe/Amsterdam) at the start of a date, as an aware datetime."""
    return timezone.make_aware(datetime.combine(d, time.min))


def stroom_q(stroom: str, van: date, tot: date) -> Q:
    """Cases with this flow between local dates ``van`` and ``tot`` (both inclusive)."""
    begin, einde = dag_begin(van), dag_begin(tot + timedelta(days=1))
    if stroom == "nieuw":
        return Q(aangemaakt__gte=begin, aangemaakt__lt=einde)
    gebeurtenissen = CasusGebeurtenis.objects.filter(
        {**STROMEN, **SAMENGESTELDE_STROMEN}[stroom][1],
        casus=OuterRef("pk"),
        soort=CasusGebeurtenis.Soort.OVERGANG,
        tijdstip__gte=begin,
        tijdstip__lt=einde,
    )
    return Q(Exists(gebeurtenissen))


def wachtende_verwijzingen(weken: int, vandaag: date | None = None):
    """Referrals still 'verstuurd' without feedback, sent on a local date <= today - ``weken`` weeks
    (the signal rule 'verwijzing zonder terugkoppeling' of signalen, same boundary)."""
    vandaag = vandaag or timezone.localdate()
    grens = dag_begin(vandaag - timedelta(weeks=weken) + timedelta(days=1))
    return Verwijzing.objects.filter(
        status=Verwijzing.Status.VERSTUURD, terugkoppeling_datum__isnull=True, verstuurd_op__lt=grens
    )


def wacht_op_terugkoppeling_q(weken: int, vandaag: date | None = None) -> Q:
    return Q(Exists(wachtende_verwijzingen(weken, vandaag).filter(casus=OuterRef("pk"))))


def opgeschaald_na_verwijzing() -> Exists:
    """On a Verwijzing row: the case went from verwezen to a melding after the referral was sent."""
    return Exists(
        CasusGebeurtenis.objects.filter(
            casus=OuterRef("casus_id"),
            soort=CasusGebeurtenis.Soort.OVERGANG,
            fase_van=Fase.VERWEZEN,
            fase_naar=Fase.MELDING,
            tijdstip__gte=OuterRef("verstuurd_op"),
        )
    )


# Outcomes of a referral (on Verwijzing rows annotated with ``opgeschaald``).
VERWIJZING_UITKOMSTEN = {
    "geaccepteerd": (
        "Geaccepteerd",
        Q(status__in=(Verwijzing.Status.GEACCEPTEERD, Verwijzing.Status.AFGEROND)),
    ),
    "afgewezen": ("Afgewezen", Q(status=Verwijzing.Status.AFGEWEZEN)),
    "opgeschaald": ("Daarna opgeschaald", Q(opgeschaald=True)),
    "open": ("Nog geen terugkoppeling", Q(status=Verwijzing.Status.VERSTUURD)),
}


def verwijzing_q(*, soort: str = "", uitkomst: str = "", vanaf: date | None = None) -> Q:
    """Cases with a referral to a partner of this kind, with this outcome, sent from this local date."""
    verwijzingen = Verwijzing.objects.annotate(opgeschaald=opgeschaald_na_verwijzing()).filter(
        casus=OuterRef("pk")
    )
    if soort:
        verwijzingen = verwijzingen.filter(partner__soort=soort)
    if uitkomst:
        verwijzingen = verwijzingen.filter(VERWIJZING_UITKOMSTEN[uitkomst][1])
    if vanaf:
        verwijzingen = verwijzingen.filter(verstuurd_op__gte=dag_begin(vanaf))
    return Q(Exists(verwijzingen))
