"""The cut-off dates of the sweeps equal a brute-force count of Atw working days, for every day."""

from datetime import date, timedelta

import pytest

from backoffice.termijnen import Feestdagen
from signalen.werkdagen import is_werkdag, werkdag_na, werkdag_terug, werkdagen_tussen

FEESTDAGEN = Feestdagen(
    {date(2026, 1, 2): "Vrijdag na Nieuwjaarsdag", date(2026, 5, 15): "Vrijdag na Hemelvaart"}
)
DAGEN = [date(2025, 12, 15) + timedelta(days=i) for i in range(0, 200, 3)]


def test_feestdagen_van_de_algemene_termijnenwet_zijn_geen_werkdag():
    for vrij in (date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 5), date(2026, 5, 14), date(2026, 5, 15)):
        assert not is_werkdag(vrij, FEESTDAGEN), vrij
    assert is_werkdag(date(2026, 4, 7), FEESTDAGEN)
    assert not is_werkdag(date(2026, 3, 29), FEESTDAGEN)  # a Sunday


@pytest.mark.parametrize("n", [0, 1, 3, 5, 10])
def test_deadline_binnen_n_werkdagen_precies_als_de_telling(n):
    for t in DAGEN:
        grens = werkdag_na(t, n + 1, FEESTDAGEN)
        for y in (t + timedelta(days=i) for i in range(0, 30)):
            assert (y < grens) == (werkdagen_tussen(t, y, FEESTDAGEN) <= n), (t, y, n)


@pytest.mark.parametrize("n", [0, 1, 3, 5])
def test_gebeurtenis_meer_dan_n_werkdagen_geleden_precies_als_de_telling(n):
    for t in DAGEN:
        grens = werkdag_terug(t, n + 1, FEESTDAGEN)
        for m in (t - timedelta(days=i) for i in range(0, 30)):
            assert (m < grens) == (werkdagen_tussen(m, t, FEESTDAGEN) > n), (m, t, n)


def test_n_moet_positief_zijn():
    with pytest.raises(ValueError):
        werkdag_na(date(2026, 1, 1), 0, FEESTDAGEN)
    with pytest.raises(ValueError):
        werkdag_terug(date(2026, 1, 1), 0, FEESTDAGEN)
