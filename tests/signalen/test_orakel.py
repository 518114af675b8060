"""The set-based SQL against a plain Python oracle that counts Atw working days day by day, on random
cases around Easter, Koningsdag, 5 mei and Hemelvaart 2026 (with the decreed 15 May)."""

import random
from datetime import date, timedelta

import pytest

from backoffice.selectors import atw_feestdagen
from intake.workflow import OPEN_FASEN, Fase
from signalen.models import Doel, Signaal, SignaalRegel, SignaalSoort
from signalen.werkdagen import werkdagen_tussen
from tests.factories.backoffice import BesluitFactory, TermijnFactory, VoorzieningFactory
from tests.factories.intake import CasusFactory

from .conftest import op

pytestmark = pytest.mark.django_db

SOORTEN = ["wmo_onderzoek", "wmo_beschikking", "jeugd_beschikking", "pw_beschikking", "wmo_plan"]
FASEN = [Fase.MELDING, Fase.ONDERZOEK, Fase.AANVRAAG, Fase.IN_ZORG, Fase.AFGESLOTEN]


def orakel(termijnen, voorzieningen, casussen, vandaag, regels, feestdagen):
    """The keys (regel, casus, onderwerp, peildatum, herhaling, doel) due on ``vandaag``."""
    keys = set()
    n = {r.code: r for r in regels}
    for t in termijnen:
        c = t.casus
        if t.soort == "wmo_plan" or c.fase not in OPEN_FASEN or t.afgerond_op or t.opgeschort_sinds:
            continue
        onderwerp = f"termijn:{t.pk}"
        if (
            t.uiterste_datum >= vandaag
            and werkdagen_tussen(vandaag, t.uiterste_datum, feestdagen)
            <= n[SignaalSoort.TERMIJN_NADERT].drempel
            and (c.behandelaar_id or c.team_id)
        ):
            keys.add((SignaalSoort.TERMIJN_NADERT, c.pk, onderwerp, t.uiterste_datum, 0, Doel.PERSOON))
        te_laat = (vandaag - t.uiterste_datum).days - 1 - n[SignaalSoort.TERMIJN_VERSTREKEN].drempel
        if te_laat >= 0 and c.team_id:
            herhaling = te_laat // n[SignaalSoort.TERMIJN_VERSTREKEN].herhalen_na_dagen
            keys.add(
                (
                    SignaalSoort.TERMIJN_VERSTREKEN,
                    c.pk,
                    onderwerp,
                    t.uiterste_datum,
                    herhaling,
                    Doel.TEAMLEIDER,
                )
            )
    for c in casussen:
        if c.fase == Fase.MELDING and not c.behandelaar_id and c.team_id:
            if (
                werkdagen_tussen(c.meldingsdatum, vandaag, feestdagen)
                > n[SignaalSoort.MELDING_NIET_TOEGEWEZEN].drempel
            ):
                keys.add(
                    (
                        SignaalSoort.MELDING_NIET_TOEGEWEZEN,
                        c.pk,
                        "melding",
                        c.meldingsdatum,
                        0,
                        Doel.TEAMLEIDER,
                    )
                )
    for v in voorzieningen:
        c = v.casus
        dagen = (v.einddatum - vandaag).days
        ontvanger = c.behandelaar_id or c.team_id
        if (
            c.fase in OPEN_FASEN
            and 0 <= dagen <= 7 * n[SignaalSoort.VOORZIENING_EINDIGT].drempel
            and ontvanger
        ):
            keys.add(
                (SignaalSoort.VOORZIENING_EINDIGT, c.pk, f"voorziening:{v.pk}", v.einddatum, 0, Doel.PERSOON)
            )
    return keys


def test_sweeps_maken_precies_wat_het_orakel_zegt(sweep, team, consultant):
    rng = random.Random(6)
    basis = date(2026, 4, 20)
    termijnen, voorzieningen, casussen = [], [], []
    for _ in range(60):
        fase = rng.choice(FASEN)
        casus = CasusFactory(
            maatwerk=True,
            fase=fase,
            team=team if rng.random() < 0.9 else None,
            behandelaar=consultant if rng.random() < 0.6 else None,
            meldingsdatum=basis + timedelta(days=rng.randint(-25, 20)),
        )
        casussen.append(casus)
        uiterste = basis + timedelta(days=rng.randint(-30, 40))
        termijnen.append(
            TermijnFactory(
                casus=casus,
                soort=rng.choice(SOORTEN),
                startdatum=uiterste - timedelta(weeks=6),
                uiterste_datum=uiterste,
                opgeschort_sinds=basis if rng.random() < 0.1 else None,
                afgerond_op=basis if rng.random() < 0.1 else None,
            )
        )
        if rng.random() < 0.5:
            eind = basis + timedelta(days=rng.randint(-5, 90))
            voorzieningen.append(
                VoorzieningFactory(
                    besluit=BesluitFactory(casus=casus), startdatum=eind - timedelta(days=200), einddatum=eind
                )
            )
    feestdagen = atw_feestdagen()
    regels = list(SignaalRegel.objects.all())
    verwacht = set()
    for dag in range(0, 40, 3):  # a sweep every third day, including nights over a feestdag
        vandaag = basis + timedelta(days=dag)
        sweep(op(vandaag.year, vandaag.month, vandaag.day, 6, 0))
        verwacht |= orakel(termijnen, voorzieningen, casussen, vandaag, regels, feestdagen)
    gemaakt = set(
        Signaal.objects.filter(
            regel__in=[
                SignaalSoort.TERMIJN_NADERT,
                SignaalSoort.TERMIJN_VERSTREKEN,
                SignaalSoort.MELDING_NIET_TOEGEWEZEN,
                SignaalSoort.VOORZIENING_EINDIGT,
            ]
        ).values_list("regel", "casus_id", "onderwerp", "peildatum", "herhaling", "doel")
    )
    assert len(verwacht) > 50
    assert gemaakt == verwacht
