"""The network leg's rules: a referral not accepted after N working days (Atw), a decline, exactly
once."""

import pytest

from intake.models import Verwijzing
from signalen.models import Signaal, SignaalRegel, SignaalSoort
from tests.factories.intake import CasusFactory, InwonerFactory, VerwijzingFactory
from tests.signalen.conftest import op

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(sweep, kern, team, frontoffice, welzijn):
    def make(verstuurd):
        casus = CasusFactory(
            inwoner=InwonerFactory(kern=kern), team=team, verwezen=True, met_toestemming=True
        )
        return VerwijzingFactory(casus=casus, partner=welzijn, door=frontoffice, verstuurd_op=verstuurd)

    return make


def niet_geaccepteerd():
    return Signaal.objects.filter(regel=SignaalSoort.VERWIJZING_NIET_GEACCEPTEERD)


@pytest.mark.parametrize(
    "verstuurd,nog_niet,wel",
    [
        # Monday 13 April 2026: five working days are Tue..Mon; on Tuesday 21 it is more than five.
        (op(2026, 4, 13, 10), op(2026, 4, 20, 23, 59), op(2026, 4, 21, 0, 5)),
        # Wednesday 22 April: Koningsdag (Monday 27 April) does not count.
        (op(2026, 4, 22, 16), op(2026, 4, 30, 18), op(2026, 5, 1, 8)),
    ],
)
def test_unaccepted_after_n_working_days_signals_the_referrer_once(
    sweep, referral, frontoffice, verstuurd, nog_niet, wel
):
    assert SignaalRegel.objects.get(code=SignaalSoort.VERWIJZING_NIET_GEACCEPTEERD).drempel == 5
    v = referral(verstuurd)
    sweep(nog_niet)
    assert not niet_geaccepteerd().exists()
    sweep(wel)
    sweep(wel)
    signaal = niet_geaccepteerd().get()
    assert (signaal.ontvanger, signaal.casus) == (frontoffice, v.casus)
    assert "nog niet geaccepteerd" in signaal.tekst


def test_the_threshold_is_configurable_and_an_accepted_referral_is_quiet(sweep, referral):
    SignaalRegel.objects.filter(code=SignaalSoort.VERWIJZING_NIET_GEACCEPTEERD).update(drempel=1)
    stil = referral(op(2026, 4, 13, 10))
    Verwijzing.objects.filter(pk=stil.pk).update(status="geaccepteerd", geaccepteerd_op=op(2026, 4, 13, 12))
    luid = referral(op(2026, 4, 13, 10))
    sweep(op(2026, 4, 15, 9))
    assert [s.casus_id for s in niet_geaccepteerd()] == [luid.casus_id]


def test_a_decline_recorded_by_the_referrer_themselves_makes_no_signal(sweep, referral, frontoffice):
    v = referral(op(2026, 4, 13, 10))
    Verwijzing.objects.filter(pk=v.pk).update(
        status="afgewezen",
        afgerond_op=op(2026, 4, 14, 10),
        terugkoppeling_door=frontoffice,
        terugkoppeling_tekst="Vol",
    )
    sweep(op(2026, 4, 14, 12))
    assert not Signaal.objects.filter(regel=SignaalSoort.VERWIJZING_AFGEWEZEN).exists()
