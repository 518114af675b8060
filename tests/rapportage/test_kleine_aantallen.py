"""Issue 21, medium finding: Teamleider and Beleid could ask the raad report for any van–tot period;
downloading the tables for periods one day apart and subtracting gave 172 exact counts of 1 to 4
that the pages show as "<5". Now only fixed, completed periods exist (docs/rapportage.md).

The attack is replayed over every period a user can ask for: each query of the form that is
accepted is a fixed period (kwartaal, halfjaar, jaar) that is over; two accepted periods of the same
kind never overlap; the previous-period column is the previous fixed period, itself a period a user
can ask for; a period still running (whose counts change from day to day) is refused."""

import datetime
import itertools

import pytest
import time_machine

from rapportage.periode import MAANDEN, PeriodeForm

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date(2026, 12, 8)
JAREN = range(2024, 2027)


def _alle_vragen():
    """Every combination of the form's fields a user can send, including the old van–tot attack:
    each day of two years as start, lengths of one day up to a quarter."""
    for soort, jaar, nummer in itertools.product(
        ["kwartaal", "halfjaar", "jaar", "vrij", "maand", ""], JAREN, [None, 1, 2, 3, 4, 5]
    ):
        yield {"soort": soort, "jaar": jaar, **({"nummer": nummer} if nummer else {})}
    begin = datetime.date(2025, 1, 1)
    for dag in range(0, 730, 7):
        for lengte in (1, 2, 30, 91):
            van = begin + datetime.timedelta(days=dag)
            tot = van + datetime.timedelta(days=lengte - 1)
            for soort in ("vrij", "kwartaal", ""):
                yield {"soort": soort, "van": van.isoformat(), "tot": tot.isoformat()}


def _geaccepteerd():
    perioden = set()
    for vraag in _alle_vragen():
        form = PeriodeForm(vraag, vandaag=VANDAAG)
        if form.is_valid():
            perioden.add(form.cleaned_data["periode"])
    return perioden


def test_every_accepted_period_is_fixed_and_over():
    perioden = _geaccepteerd()
    assert perioden  # the fixed periods of 2024, 2025 and the past ones of 2026
    for p in perioden:
        assert p.soort in MAANDEN
        assert p.tot < VANDAAG
        assert p.van.day == 1 and (p.van.month - 1) % MAANDEN[p.soort] == 0
        assert (p.tot + datetime.timedelta(days=1)).day == 1


def test_no_two_accepted_periods_of_one_kind_overlap_and_the_previous_one_is_fixed_too():
    perioden = _geaccepteerd()
    for a, b in itertools.combinations(perioden, 2):
        if a.soort == b.soort:
            assert a.tot < b.van or b.tot < a.van, (a, b)
    for p in perioden:
        vorige = p.vorige()
        assert vorige.soort == p.soort and vorige.tot + datetime.timedelta(days=1) == p.van


def test_the_one_day_apart_attack_is_refused_at_the_field(client_for, raad_teamleider):
    with time_machine.travel("2026-12-08 12:00 +0100", tick=False):
        for van, tot in (("2026-01-01", "2026-03-31"), ("2026-01-02", "2026-03-31")):
            vraag = f"?soort=vrij&van={van}&tot={tot}"
            response = client_for(raad_teamleider).get("/rapportage/raad/csv/besluiten/" + vraag)
            assert response.status_code == 302  # back to the page, which names the error; no file
            pagina = client_for(raad_teamleider).get("/rapportage/raad/" + vraag)
            assert pagina.status_code == 400 and pagina.context["rapport"] is None


def test_the_running_quarter_is_refused():
    form = PeriodeForm({"soort": "kwartaal", "jaar": 2026, "nummer": 4}, vandaag=VANDAAG)
    assert not form.is_valid()
    assert "nog niet voorbij" in " ".join(form.errors["nummer"])
    assert PeriodeForm({"soort": "kwartaal", "jaar": 2026, "nummer": 3}, vandaag=VANDAAG).is_valid()
