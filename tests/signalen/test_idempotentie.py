"""Exactly once: twice in a row, two at once, after a crash halfway, and by the database itself."""

import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction

from signalen import sweeps
from signalen.models import Signaal, SignaalRegel, SignaalSoort
from signalen.services import standaardregels_aanmaken, sweep_alle
from tests.factories.signalen import SignaalFactory

from .conftest import op, per_regel, scenario

DAG = date(2026, 4, 21)
MOMENT = op(2026, 4, 21, 9, 0)


@pytest.mark.django_db
def test_tweemaal_vegen_maakt_elk_signaal_eenmaal(sweep, team, consultant):
    verwacht = scenario(team=team, consultant=consultant, dag=DAG)
    eerste = sweep(MOMENT)
    assert eerste == verwacht
    assert sweep(MOMENT) == dict.fromkeys(verwacht, 0)
    assert sweep(op(2026, 4, 21, 17, 0)) == dict.fromkeys(verwacht, 0)
    assert per_regel() == verwacht
    # Every signal is on the timeline once, too.
    from intake.models import CasusGebeurtenis

    assert CasusGebeurtenis.objects.filter(soort="signaal").count() == sum(verwacht.values())


@pytest.mark.django_db
def test_crash_halverwege_de_sweep_wordt_door_de_volgende_ingehaald(sweep, team, consultant, monkeypatch):
    verwacht = scenario(team=team, consultant=consultant, dag=DAG)

    def kapot(regel, peil):
        raise RuntimeError("worker gestopt")

    monkeypatch.setitem(sweeps.SWEEPS, SignaalSoort.MELDING_NIET_TOEGEWEZEN, kapot)
    with pytest.raises(RuntimeError):
        sweep(MOMENT)
    # The rules before and after the broken one did their work; the broken one made nothing.
    assert per_regel() == {k: v for k, v in verwacht.items() if k != SignaalSoort.MELDING_NIET_TOEGEWEZEN}
    monkeypatch.undo()
    assert sweep(op(2026, 4, 21, 9, 5)) == {
        k: int(k == SignaalSoort.MELDING_NIET_TOEGEWEZEN) for k in verwacht
    }
    assert per_regel() == verwacht


@pytest.mark.django_db
def test_gestopt_midden_in_een_regel_laat_niets_half_achter(sweep, team, consultant):
    verwacht = scenario(team=team, consultant=consultant, dag=DAG)
    regel = SignaalRegel.objects.get(code=SignaalSoort.BEZWAAR_VERSTREKEN)

    class Gestopt(Exception):
        pass

    with pytest.raises(Gestopt), transaction.atomic():  # the worker dies before the commit
        assert sweeps.sweep_regel(regel, sweeps.Peil.op(MOMENT)) == 2
        raise Gestopt
    assert not Signaal.objects.exists()
    assert sweep(MOMENT) == verwacht


@pytest.mark.django_db
def test_de_database_weigert_een_dubbel_signaal(team, consultant):
    s = SignaalFactory(ontvanger=consultant)
    with pytest.raises(IntegrityError), transaction.atomic():
        Signaal.objects.create(
            regel=s.regel,
            casus=s.casus,
            doel=s.doel,
            onderwerp=s.onderwerp,
            peildatum=s.peildatum,
            herhaling=s.herhaling,
            ontvanger=consultant,
            tekst="dubbel",
            aangemaakt=s.aangemaakt,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        SignaalFactory(ontvanger=consultant, team=team)  # exactly one recipient


def _twee_tegelijk(verwacht):
    """Run sweep_alle in two threads that start together; returns (made per thread, errors)."""
    start = threading.Barrier(2)
    gemaakt, fouten = [], []

    def run():
        try:
            start.wait()
            gemaakt.append(sweep_alle(nu=MOMENT))
        except Exception as exc:  # noqa: BLE001 - reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return gemaakt, fouten


@pytest.mark.django_db(transaction=True)
def test_twee_sweeps_tegelijk_maken_elk_signaal_eenmaal(team, consultant):
    standaardregels_aanmaken()
    verwacht = scenario(team=team, consultant=consultant, dag=DAG)
    gemaakt, fouten = _twee_tegelijk(verwacht)
    assert fouten == []
    assert {k: sum(g[k] for g in gemaakt) for k in verwacht} == verwacht
    assert per_regel() == verwacht


@pytest.mark.django_db(transaction=True)
def test_ook_zonder_advisory_lock_beslist_de_unieke_sleutel(team, consultant, monkeypatch):
    """Without the lock both sweeps race on the same rows: ON CONFLICT on the unique constraint still
    lets each signal in once. (A deadlock between the two is allowed to fail one sweep: the other
    made the rows, and the next beat finds nothing missing.)"""
    standaardregels_aanmaken()
    monkeypatch.setattr(sweeps, "LOCK_SQL", "SELECT %s")
    verwacht = scenario(team=team, consultant=consultant, dag=DAG)
    gemaakt, fouten = _twee_tegelijk(verwacht)
    assert all("deadlock" in str(f) for f in fouten), fouten
    assert per_regel() == verwacht
    assert sum(sweep_alle(nu=MOMENT).values()) == 0
