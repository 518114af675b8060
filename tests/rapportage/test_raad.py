"""The raad report against the hand-built data set of conftest.py (answers counted by hand)."""

import datetime

import pytest

from rapportage import raad_stand
from rapportage.onderdrukking import herleidbare_cellen
from rapportage.periode import Periode, periode_van
from rapportage.raad import rapport

pytestmark = pytest.mark.django_db

Q1 = "?gemeente=Altena&soort=kwartaal&jaar=2026&nummer=1"


def rij(tabel, label):
    i = tabel.rijen.index(label)
    return tabel.waarden[i]


def test_instroom_per_kern_and_former_municipality(q1):
    t = rapport(periode_van("kwartaal", 2026, 1), "Altena")["tabellen"]
    assert t["hulpvragen"].rijen == ["Veen", "Sleeuwijk", "Almkerk"]  # Aalburg, Werkendam, Woudrichem
    assert rij(t["hulpvragen"], "Veen") == [7]
    assert rij(t["hulpvragen"], "Sleeuwijk") == [2]
    assert rij(t["hulpvragen"], "Almkerk") == [0]
    # Wmo, Jeugdwet, Participatiewet
    assert rij(t["meldingen"], "Veen") == [5, 0, 0]
    assert rij(t["meldingen"], "Almkerk") == [1, 0, 0]
    assert rij(t["meldingen"], "Sleeuwijk") == [0, 1, 0]
    aalburg = next(g for g in t["meldingen"].groepen if g.label == "Aalburg")
    assert [c.waarde for c in aalburg.cellen] == [5, 0, 0]
    assert [c.waarde for c in t["meldingen"].kolomtotalen] == [6, 1, 0]
    assert rij(t["aanvragen"], "Veen") == [5, 0, 0]
    assert t["aanvragen"].totaal.waarde == 5
    # opgeschaald, of which from the door, afgeschaald
    assert rij(t["schaling"], "Veen") == [5, 5, 0]
    assert rij(t["schaling"], "Sleeuwijk") == [1, 0, 1]
    assert rij(t["schaling"], "Almkerk") == [1, 1, 0]


def test_besluiten_and_lead_times(q1):
    r = rapport(periode_van("kwartaal", 2026, 1), "Altena")
    # toegekend, deels, afgewezen, buiten behandeling
    assert rij(r["tabellen"]["besluiten"], "Wmo 2015") == [4, 0, 1, 0]
    assert rij(r["tabellen"]["besluiten"], "Jeugdwet") == [0, 0, 0, 0]
    wmo = next(s for s in r["secties"] if s.sleutel == "besluiten").kengetallen[0]
    assert (wmo.basis, wmo.op_tijd_pct, wmo.mediaan, wmo.p90, wmo.wettelijk) == (5, 80.0, 10.0, 22.0, 14)


def test_voorzieningen_stapeling_bezwaren_verwijzingen(q1):
    t = rapport(periode_van("kwartaal", 2026, 1), "Altena")["tabellen"]
    cat = t["voorzieningen_categorie"]
    assert cat.rijen == [
        "Participatiewet (geen categorie)",
        "01 Hulp bij het huishouden",
        "02 Begeleiding",
        "45 Jeugdhulp ambulant",
    ]
    assert cat.waarden == [[1, 0, 0], [0, 0, 1], [4, 4, 0], [2, 0, 0]]  # active, started, ended
    assert t["voorzieningen_vorm"].waarden == [[6, 3, 1], [1, 1, 0]]  # natura, pgb
    assert t["stapeling"].waarden == [[2], [1], [1]]  # one law, two laws, all three
    assert t["bezwaren"].waarden == [[1, 1], [0, 0], [0, 0]]  # received, decided within term
    assert t["bezwaar_uitkomst"].waarden[0] == [1, 0, 0, 0]
    assert t["verwijzingen"].rijen == ["Welzijnsorganisatie", "School"]
    assert t["verwijzingen"].waarden == [[4, 1, 1], [0, 0, 1]]  # accepted, declined, open
    assert t["verwijzingen_opgeschaald"].waarden == [[0], [1]]


def test_previous_period_is_beside_it(q1):
    r = rapport(periode_van("kwartaal", 2026, 1), "Altena")
    assert r["vorige"] == Periode(
        periode_van("kwartaal", 2025, 4).van, periode_van("kwartaal", 2025, 4).tot, "kwartaal"
    )
    vorige = r["tabellen"]["hulpvragen"].vorige
    assert rij(vorige, "Veen") == [1]
    assert r["tabellen"]["voorzieningen_categorie"].vorige.waarden == [
        [1, 0, 0],
        [1, 1, 0],
        [0, 0, 0],
        [2, 0, 0],
    ]


def test_period_boundaries_are_amsterdam_days(q1):
    """A melding at 23:30 on 31 March (21:30 UTC) is Q1; one at 00:30 on 1 April (22:30 UTC on 31
    March) is Q2."""
    q2 = rapport(periode_van("kwartaal", 2026, 2), "Altena")["tabellen"]
    assert rij(q2["hulpvragen"], "Veen") == [1]
    eind_maart = rapport(
        Periode(periode_van("kwartaal", 2026, 1).tot, periode_van("kwartaal", 2026, 1).tot), "Altena"
    )
    assert rij(eind_maart["tabellen"]["hulpvragen"], "Veen") == [1]  # V6 only


def test_a_case_that_moved_counts_where_it_was_at_the_event(q1):
    """M was registered in Veen (January), moved to Almkerk (15 February) and was opgeschaald there
    (20 February): its hulpvraag counts in Veen, its melding in Almkerk."""
    t = rapport(periode_van("kwartaal", 2026, 1), "Altena")["tabellen"]
    assert rij(t["hulpvragen"], "Veen") == [7] and rij(t["hulpvragen"], "Almkerk") == [0]
    assert rij(t["meldingen"], "Almkerk") == [1, 0, 0]


def test_no_table_lets_a_suppressed_cell_be_recovered(q1):
    r = rapport(periode_van("kwartaal", 2026, 1), "Altena")
    for tabel in [*r["tabellen"].values(), *r["vorige_tabellen"].values()]:
        assert herleidbare_cellen(tabel) == [], tabel.sleutel
        for cel in tabel.alle_cellen():
            assert cel.onderdrukt == (cel.waarde < 5) or cel.secundair


def test_page_shows_the_suppressed_figures(client_for, raad_teamleider, q1):
    response = client_for(raad_teamleider).get("/rapportage/raad/" + Q1)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1e kwartaal 2026" in html and "4e kwartaal 2025" in html
    tabel = response.context["rapport"]["tabellen"]["meldingen"]
    veen = tabel.regels()[0]
    assert veen["label"] == "Veen" and [c.tekst for c in veen["cellen"]] == ["5", "<5", "<5"]
    assert 'data-testid="grafiek-besluiten"' in html and "<svg" in html
    assert "<5" not in [c.tekst for c in tabel.kolomtotalen[:1]]  # Wmo total 6 is shown


def test_default_is_the_last_full_quarter(client_for, raad_teamleider, db):
    import time_machine

    with time_machine.travel("2026-05-13 12:00 +0200", tick=False):
        response = client_for(raad_teamleider).get("/rapportage/raad/")
    assert response.context["rapport"]["periode"] == periode_van("kwartaal", 2026, 1)


@pytest.mark.parametrize(
    "query,veld,melding",
    [
        ("soort=vrij&van=2026-03-01&tot=2026-03-02", "soort", "geldige keuze"),
        ("soort=kwartaal&jaar=1890&nummer=1", "jaar", "Kies een jaar"),
        ("soort=kwartaal&jaar=abc", "jaar", "geheel getal"),
        ("soort=kwartaal&jaar=2026&nummer=7", "nummer", "4"),
        ("soort=jaar&jaar=2099", "jaar", "Kies een jaar"),
        ("soort=maand&jaar=2026", "soort", "geldige keuze"),
    ],
)
def test_bad_period_gets_a_dutch_message_at_the_field(client_for, raad_teamleider, query, veld, melding):
    response = client_for(raad_teamleider).get("/rapportage/raad/?" + query)
    assert response.status_code == 400
    form = response.context["form"]
    assert any(melding in e for e in form.errors[veld]), form.errors
    assert response.context["rapport"] is None
    assert f'data-testid="fout-{veld}"' in response.content.decode()


def test_a_gemeente_the_user_may_not_see_is_404(client_for, raad_teamleider, q1):
    assert client_for(raad_teamleider).get("/rapportage/raad/?gemeente=Westerkwartier").status_code == 404
    assert (
        client_for(raad_teamleider).get("/rapportage/raad/xlsx/?gemeente=Westerkwartier").status_code == 404
    )


@pytest.mark.parametrize("kwartalen", [1, 2])
def test_raad_query_count_is_constant(client_for, raad_teamleider, q1, kwartalen, django_assert_num_queries):
    from tests.factories.intake import CasusFactory
    from tests.rapportage.conftest import moment

    for i in range(kwartalen * 10):
        CasusFactory(kern=q1["veen"], inwoner__kern=q1["veen"], aangemaakt=moment(2026, 2, 1 + i % 20, 9))
    client = client_for(raad_teamleider)
    pad = "stand" if raad_stand.huidige() else "direct"
    # session, user, groups, teams (gemeente), summary stand, kernen, menu badge; per period 9 queries
    # directly, or 4 from the summary tables (day counts, lead times, the stock of the last day,
    # bezwaren)
    with django_assert_num_queries(RAAD_QUERIES[pad]):
        assert client.get("/rapportage/raad/" + Q1).status_code == 200


# +1 since issue 20: django-otp's OTPMiddleware reads the verified device of a two-factor role.
RAAD_QUERIES = {"direct": 26, "stand": 16}


def test_a_move_through_the_service_is_remembered_for_the_report(teamleider, kern):
    """casus_bijwerken keeps the old and new kern; the report places each event where the case was."""
    import time_machine

    from intake.services import casus_bijwerken, casus_overgang
    from intake.workflow import Fase
    from tests.factories.intake import CasusFactory, InwonerFactory
    from tests.factories.netwerk import KernFactory

    veen = KernFactory(naam="Veen", voormalige_gemeente="Aalburg")
    with time_machine.travel("2026-01-10 10:00 +0100", tick=False):
        casus = CasusFactory(inwoner=InwonerFactory(kern=veen), kern=veen)
    with time_machine.travel("2026-02-15 10:00 +0100", tick=False):
        casus = casus_bijwerken(casus=casus, versie=casus.versie, door=teamleider, kern=kern)
    with time_machine.travel("2026-02-20 10:00 +0100", tick=False):
        casus_overgang(
            casus=casus, naar=Fase.MELDING, door=teamleider, wet="wmo", meldingsdatum=d(2026, 2, 20)
        )
    t = rapport(periode_van("kwartaal", 2026, 1), "Altena")["tabellen"]
    assert rij(t["hulpvragen"], "Veen") == [1] and rij(t["hulpvragen"], "Sleeuwijk") == [0]
    assert rij(t["meldingen"], "Sleeuwijk") == [1, 0, 0] and rij(t["meldingen"], "Veen") == [0, 0, 0]


def d(*a):
    return datetime.date(*a)
