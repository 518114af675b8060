"""The raad report's summary tables (rapportage.raad_stand): the refreshed figures equal the direct
computation for several periods, the page and the XLSX say how fresh they are."""

import datetime
import io

import pytest
from django.conf import settings
from openpyxl import load_workbook

from rapportage import raad_stand
from rapportage.models import Stand
from rapportage.periode import Periode, periode_van
from rapportage.raad import rapport
from rapportage.tasks import raad_verversen
from tests.factories.intake import CasusFactory
from tests.rapportage.conftest import d, moment
from tests.rapportage.test_raad import Q1

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("q1_gegevens")]

PERIODEN = [
    periode_van("kwartaal", 2026, 1),
    periode_van("kwartaal", 2025, 4),
    periode_van("halfjaar", 2026, 1),
    periode_van("jaar", 2025),
    Periode(d(2026, 2, 1), d(2026, 3, 31)),  # starts mid-quarter: the besluiten and the move of M
    Periode(d(2026, 3, 31), d(2026, 4, 1)),  # the Amsterdam midnight boundary
]


def _alles(r: dict) -> dict:
    """Every published figure: the cells of every table (both periods) and the key figures."""
    uit = {}
    for naam, tabel in r["tabellen"].items():
        uit[naam] = (tabel.rijen, tabel.waarden, tabel.vorige.rijen, tabel.vorige.waarden)
    for sectie in r["secties"]:
        for k in sectie.kengetallen:
            uit[("kengetal", k.label)] = (k.basis, k.op_tijd_pct, k.mediaan, k.p90)
    return uit


@pytest.mark.parametrize("periode", PERIODEN, ids=lambda p: f"{p.van}-{p.tot}")
def test_the_refreshed_summary_equals_the_direct_computation(periode):
    direct = rapport(periode, "Altena")
    assert direct["stand"] is None
    raad_stand.verversen()
    uit_stand = rapport(periode, "Altena")
    assert uit_stand["stand"] is not None
    assert _alles(uit_stand) == _alles(direct)


def test_percentiles_of_the_histogram_equal_percentile_cont(q1_gegevens):
    """More lead times than the hand-built set: the interpolated percentiles stay exact."""
    from tests.factories.backoffice import AanvraagFactory, BesluitFactory

    veen = q1_gegevens["veen"]
    for i, dagen in enumerate([1, 2, 2, 3, 7, 7, 7, 13, 40, 41, 90]):
        casus = CasusFactory(kern=veen, inwoner__kern=veen, wet="jeugdwet")
        aanvraag = AanvraagFactory(casus=casus, wet="jeugdwet", ontvangen_op=d(2026, 1, 2 + i))
        BesluitFactory(
            casus=casus, aanvraag=aanvraag, besluitdatum=d(2026, 1, 2 + i) + datetime.timedelta(days=dagen)
        )
    periode = periode_van("halfjaar", 2026, 1)
    direct = _alles(rapport(periode, "Altena"))
    raad_stand.verversen()
    assert _alles(rapport(periode, "Altena")) == direct
    assert direct[("kengetal", "Jeugdwet")][2:] == (7.0, 41.0)


def test_a_later_change_shows_after_the_next_refresh(q1_gegevens):
    raad_stand.verversen()
    periode = periode_van("kwartaal", 2026, 1)
    voor = rapport(periode, "Altena")["tabellen"]["hulpvragen"].waarden
    assert voor == [[7], [2], [0]]  # Veen, Sleeuwijk, Almkerk
    CasusFactory(
        kern=q1_gegevens["veen"], inwoner__kern=q1_gegevens["veen"], aangemaakt=moment(2026, 2, 3, 9)
    )
    assert rapport(periode, "Altena")["tabellen"]["hulpvragen"].waarden == voor  # the summary, as said
    raad_verversen()
    assert rapport(periode, "Altena")["tabellen"]["hulpvragen"].waarden == [[8], [2], [0]]


def test_page_and_xlsx_say_how_fresh_the_figures_are(client_for, raad_teamleider):
    client = client_for(raad_teamleider)
    assert "Cijfers direct berekend" in client.get("/rapportage/raad/" + Q1).content.decode()
    raad_stand.verversen(nu=moment(2026, 5, 4, 6, 20))
    assert "stand van 4 mei 2026 06:20" in client.get("/rapportage/raad/" + Q1).content.decode()
    wb = load_workbook(io.BytesIO(client.get("/rapportage/raad/xlsx/" + Q1).content))
    rijen = {r[0]: r[1] for r in wb["Toelichting"].iter_rows(values_only=True) if r}
    assert rijen["Stand van de cijfers"].strftime("%d-%m-%Y %H:%M") == "04-05-2026 06:20"
    assert Stand.objects.get(naam="raad").duur >= 0


def test_the_refresh_is_on_the_static_beat_schedule():
    taken = {t["task"] for t in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "rapportage.tasks.raad_verversen" in taken


def test_month_ends_from_the_first_voorziening_up_to_today():
    assert raad_stand.maandeinden(d(2025, 11, 15), d(2026, 2, 27)) == [
        d(2025, 11, 30),
        d(2025, 12, 31),
        d(2026, 1, 31),
    ]
    assert raad_stand.maandeinden(d(2024, 2, 1), d(2024, 2, 29)) == [d(2024, 2, 29)]


def _voorraad(r: dict) -> tuple:
    """The stock figures of the current period: running per category and form, and stapeling."""
    cat, vorm, stap = (
        r["tabellen"][n] for n in ("voorzieningen_categorie", "voorzieningen_vorm", "stapeling")
    )
    return [w[0] for w in cat.waarden], [w[0] for w in vorm.waarden], stap.waarden


def test_stock_figures_on_a_month_end_are_read_from_the_stand_other_dates_are_counted():
    """A quarter ends on a month's last day: its running voorzieningen and stapeling come from
    VoorzieningStand (kept when the rows are gone); a free period ending mid-month counts the rows."""
    from rapportage.models import VoorzieningRegel, VoorzieningStand

    kwartaal = periode_van("kwartaal", 2026, 1)
    vrij = Periode(d(2026, 3, 1), d(2026, 3, 20))
    direct_kwartaal, direct_vrij = _voorraad(rapport(kwartaal, "Altena")), _voorraad(rapport(vrij, "Altena"))
    raad_stand.verversen(nu=moment(2026, 5, 4, 6, 20))
    assert VoorzieningStand.objects.filter(peildatum=d(2026, 3, 31), soort="stapeling").exists()
    assert not VoorzieningStand.objects.filter(peildatum__gt=d(2026, 4, 30)).exists()
    assert _voorraad(rapport(kwartaal, "Altena")) == direct_kwartaal
    assert _voorraad(rapport(vrij, "Altena")) == direct_vrij
    VoorzieningRegel.objects.all().delete()
    assert _voorraad(rapport(kwartaal, "Altena")) == direct_kwartaal  # from the stand
    assert _voorraad(rapport(vrij, "Altena")) != direct_vrij  # counted from the (now empty) rows


@pytest.mark.parametrize(
    "periode",
    [
        Periode(d(2026, 3, 1), d(2026, 3, 31)),
        Periode(d(2026, 3, 10), d(2026, 3, 31)),
        periode_van("kwartaal", 2026, 1),
    ],
    ids=lambda p: f"{p.van}-{p.tot}",
)
def test_started_and_ended_per_day_equal_the_direct_count_also_for_a_row_ended_before_it_started(
    q1_gegevens, periode
):
    """Started and ended voorzieningen are summed per day; a voorziening stopped before its start
    date (ended 5 March, start 20 March) counts exactly where the direct query counts it."""
    from tests.factories.backoffice import VoorzieningFactory

    casus = CasusFactory(kern=q1_gegevens["veen"], inwoner__kern=q1_gegevens["veen"], wet="wmo")
    VoorzieningFactory(
        casus=casus, startdatum=d(2026, 3, 20), einddatum=d(2026, 12, 31), beeindigd_op=d(2026, 3, 5)
    )
    direct = _alles(rapport(periode, "Altena"))
    raad_stand.verversen()
    assert _alles(rapport(periode, "Altena")) == direct
