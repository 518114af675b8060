from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from signalen.models import Signaal, SignaalSoort
from signalen.services import standaardregels_aanmaken, sweep_alle

AMS = ZoneInfo("Europe/Amsterdam")


def op(*args) -> datetime:
    """An Amsterdam wall-clock moment: op(2026, 4, 2, 0, 1)."""
    return datetime(*args, tzinfo=AMS)


@pytest.fixture
def regels(db):
    """The default rules (seeded by migration; a transactional test before us may have flushed them)."""
    standaardregels_aanmaken()


BERICHTEN_REGELS = {
    SignaalSoort.VERZOEK_ONTVANGEN,
    SignaalSoort.RETOUR_MET_FOUTEN,
    SignaalSoort.GEEN_STARTBERICHT,
    SignaalSoort.ZORG_GESTOPT,  # tests/berichten/test_kringloop.py
}


@pytest.fixture
def sweep(regels):
    """sweep(moment) -> {rule: made}: run every sweep with the clock frozen at ``moment``."""

    def run(moment: datetime) -> dict[str, int]:
        with time_machine.travel(moment, tick=False):
            gemaakt = sweep_alle()
        # The berichtenverkeer rules have their own tests (tests/berichten/test_signalen.py).
        return {k: v for k, v in gemaakt.items() if v or k not in BERICHTEN_REGELS}

    return run


def signalen(regel=None, **filters):
    qs = Signaal.objects.all()
    if regel:
        qs = qs.filter(regel=regel)
    return list(qs.filter(**filters).order_by("id"))


def scenario(*, team, consultant, dag) -> dict[str, int]:
    """One case per rule (two for bezwaar), every one due on ``dag``; returns the expected signals
    per rule. Used by the idempotence, DST and Celery tests."""
    from datetime import timedelta

    from backoffice.selectors import atw_feestdagen
    from intake.models import CasusGebeurtenis, Verwijzing
    from intake.workflow import Fase
    from signalen.models import SignaalSoort
    from signalen.werkdagen import werkdag_na
    from tests.factories.backoffice import BesluitFactory, BezwaarFactory, TermijnFactory, VoorzieningFactory
    from tests.factories.intake import CasusFactory
    from tests.factories.netwerk import PartnerFactory

    def maatwerk(**velden):
        velden.setdefault("behandelaar", consultant)
        velden.setdefault("fase", Fase.ONDERZOEK)
        return CasusFactory(maatwerk=True, team=team, **velden)

    def termijn(casus, uiterste, **velden):
        return TermijnFactory(
            casus=casus, startdatum=uiterste - timedelta(weeks=6), uiterste_datum=uiterste, **velden
        )

    def bezwaar(casus, uiterste):
        besluit = BesluitFactory(
            casus=casus, besluitdatum=dag - timedelta(days=90), verzonden_op=dag - timedelta(days=90)
        )
        b = BezwaarFactory(
            besluit=besluit,
            casus=casus,
            ontvangen_op=dag - timedelta(days=60),
            einde_bezwaartermijn=dag - timedelta(days=48),
        )
        termijn(casus, uiterste, soort="bezwaar_beslissing", bezwaar=b)

    termijn(maatwerk(), werkdag_na(dag, 3, atw_feestdagen()), soort="wmo_onderzoek")
    termijn(maatwerk(), dag - timedelta(days=1), soort="wmo_beschikking")
    maatwerk(fase=Fase.MELDING, behandelaar=None, meldingsdatum=dag - timedelta(days=10))
    CasusFactory(team=team, crisis=True, aangemaakt=op(dag.year, dag.month, dag.day, 12) - timedelta(days=1))
    verwezen = CasusFactory(team=team, fase=Fase.VERWEZEN, behandelaar=consultant)
    Verwijzing.objects.create(
        casus=verwezen,
        partner=PartnerFactory(),
        verstuurd_op=op(dag.year, dag.month, dag.day, 10) - timedelta(days=50),
    )
    # The network leg: a partner declined; a partner asks opschaling after accepting (one signal to
    # the referring person, one to the teamleiders) and its acceptance is a partner answer.
    gisteren = op(dag.year, dag.month, dag.day, 10) - timedelta(days=1)
    Verwijzing.objects.create(
        casus=CasusFactory(team=team, fase=Fase.VERWEZEN, behandelaar=consultant),
        partner=PartnerFactory(),
        verstuurd_op=gisteren - timedelta(days=3),
        status=Verwijzing.Status.AFGEWEZEN,
        afgerond_op=gisteren,
        terugkoppeling_tekst="Geen plek.",
    )
    opschaling = Verwijzing.objects.create(
        casus=CasusFactory(team=team, fase=Fase.VERWEZEN, behandelaar=consultant),
        partner=PartnerFactory(),
        verstuurd_op=gisteren - timedelta(days=3),
        status=Verwijzing.Status.GEACCEPTEERD,
        geaccepteerd_op=gisteren - timedelta(days=2),
        opschaling_gevraagd_op=gisteren,
        opschaling_reden="De schulden zijn te groot voor ons.",
    )
    CasusGebeurtenis.objects.create(
        casus=opschaling.casus,
        soort="terugkoppeling",
        tijdstip=gisteren - timedelta(days=2),
        tekst="Partner: verwijzing geaccepteerd.",
        gegevens={"verwijzing": opschaling.pk, "bron": "partner", "actie": "geaccepteerd"},
    )
    in_zorg = maatwerk(fase=Fase.IN_ZORG)
    VoorzieningFactory(
        besluit=BesluitFactory(casus=in_zorg),
        startdatum=dag - timedelta(days=300),
        einddatum=dag + timedelta(days=20),
    )
    bezwaar(maatwerk(fase=Fase.IN_ZORG), werkdag_na(dag, 3, atw_feestdagen()))
    bezwaar(maatwerk(fase=Fase.IN_ZORG), dag - timedelta(days=2))
    return {
        SignaalSoort.TERMIJN_NADERT: 1,
        SignaalSoort.TERMIJN_VERSTREKEN: 1,
        SignaalSoort.MELDING_NIET_TOEGEWEZEN: 1,
        SignaalSoort.CRISIS_NIET_OPGEPAKT: 1,
        SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING: 1,
        SignaalSoort.VOORZIENING_EINDIGT: 1,
        SignaalSoort.BEZWAAR_NADERT: 2,
        SignaalSoort.BEZWAAR_VERSTREKEN: 2,
        SignaalSoort.VERWIJZING_NIET_GEACCEPTEERD: 1,
        SignaalSoort.VERWIJZING_AFGEWEZEN: 1,
        SignaalSoort.PARTNER_OPSCHALING: 2,
        SignaalSoort.PARTNER_TERUGKOPPELING: 1,
    }


def per_regel() -> dict[str, int]:
    from django.db.models import Count

    return dict(Signaal.objects.values_list("regel").annotate(n=Count("id")).values_list("regel", "n"))
