"""Deadline vectors per law and step (pure arithmetic), and the Atw feestdagen."""

import importlib
from datetime import date

import pytest

from backoffice import termijnen as tw
from backoffice.selectors import atw_feestdagen

S = tw.TermijnSoort
MIGRATIE = importlib.import_module("backoffice.migrations.0002_feestdagen_gelijkgesteld")
DECREET = MIGRATIE.DAGEN


@pytest.fixture(scope="module")
def feestdagen():
    return tw.Feestdagen({d: o for d, o, _ in DECREET})


# (case, soort, start, expected deadline, words the explanation must contain)
VECTOREN = [
    (
        "gewoon: 2 maart + 6 weken",
        S.WMO_ONDERZOEK,
        date(2026, 3, 2),
        date(2026, 4, 13),
        ["6 weken na melding 2-3-2026"],
    ),
    ("op zaterdag", S.WMO_BESCHIKKING, date(2026, 3, 14), date(2026, 3, 30), ["weekend"]),
    (
        "op zondag, de dag van de zomertijd",
        S.WMO_BESCHIKKING,
        date(2026, 3, 15),
        date(2026, 3, 30),
        ["zondag"],
    ),
    ("Nieuwjaarsdag", S.WMO_BESCHIKKING, date(2026, 12, 18), date(2027, 1, 4), ["Nieuwjaarsdag"]),
    (
        "Nieuwjaarsdag en gelijkgestelde 2 januari 2026",
        S.WMO_BESCHIKKING,
        date(2025, 12, 18),
        date(2026, 1, 5),
        ["Nieuwjaarsdag", "gelijkgesteld"],
    ),
    (
        "Goede Vrijdag, Pasen, Tweede Paasdag over de zomertijd",
        S.WMO_BESCHIKKING,
        date(2026, 3, 20),
        date(2026, 4, 7),
        ["Goede Vrijdag", "Tweede Paasdag", "van vr 3-4 naar di 7-4"],
    ),
    ("Tweede Paasdag", S.WMO_ONDERZOEK, date(2027, 2, 15), date(2027, 3, 30), ["Tweede Paasdag"]),
    ("Koningsdag 27 april", S.WMO_BESCHIKKING, date(2027, 4, 13), date(2027, 4, 28), ["Koningsdag"]),
    (
        "Koningsdag op 26 april (27 is zondag)",
        S.WMO_BESCHIKKING,
        date(2025, 4, 12),
        date(2025, 4, 28),
        ["Koningsdag"],
    ),
    ("5 mei in een jaar zonder lustrum", S.WMO_BESCHIKKING, date(2026, 4, 21), date(2026, 5, 6), ["5 mei"]),
    (
        "Hemelvaart en de gelijkgestelde vrijdag erna",
        S.WMO_BESCHIKKING,
        date(2026, 4, 30),
        date(2026, 5, 18),
        ["Hemelvaartsdag", "gelijkgesteld"],
    ),
    ("Tweede Pinksterdag", S.WMO_BESCHIKKING, date(2026, 5, 11), date(2026, 5, 26), ["Tweede Pinksterdag"]),
    (
        "Kerstdagen",
        S.WMO_BESCHIKKING,
        date(2026, 12, 11),
        date(2026, 12, 28),
        ["Eerste Kerstdag", "Tweede Kerstdag"],
    ),
    (
        "gelijkgestelde 27 december 2024",
        S.WMO_BESCHIKKING,
        date(2024, 12, 12),
        date(2024, 12, 30),
        ["Vrijdag na Kerstmis (gelijkgesteld bij besluit)"],
    ),
    (
        "persoonlijk plan 7 dagen, gelijkgestelde 2 januari",
        S.WMO_PLAN,
        date(2025, 12, 26),
        date(2026, 1, 5),
        ["7 dagen na melding"],
    ),
    ("over de wintertijd", S.WMO_ONDERZOEK, date(2026, 10, 19), date(2026, 11, 30), ["6 weken"]),
    (
        "Jeugdwet 8 weken op Koningsdag",
        S.JEUGD_BESCHIKKING,
        date(2026, 3, 2),
        date(2026, 4, 28),
        ["Awb 4:13"],
    ),
    (
        "Participatiewet 8 weken op 5 mei",
        S.PW_BESCHIKKING,
        date(2026, 3, 10),
        date(2026, 5, 6),
        ["Awb 4:13", "5 mei"],
    ),
    (
        "Participatiewet voorschot 4 weken",
        S.PW_VOORSCHOT,
        date(2026, 3, 2),
        date(2026, 3, 30),
        ["Participatiewet art. 52"],
    ),
]


@pytest.mark.parametrize(
    ("naam", "soort", "start", "verwacht", "woorden"), VECTOREN, ids=[v[0] for v in VECTOREN]
)
def test_termijn_vectoren(feestdagen, naam, soort, start, verwacht, woorden):
    uitkomst = tw.bereken_termijn(soort, start, feestdagen=feestdagen)
    assert uitkomst.uiterste_datum == verwacht
    assert uitkomst.uiterste_datum.weekday() < 5
    for woord in woorden:
        assert woord in uitkomst.regel


def test_gewone_termijn_noemt_regel_en_wet(feestdagen):
    uitkomst = tw.bereken_termijn(S.WMO_ONDERZOEK, date(2026, 3, 2), feestdagen=feestdagen)
    assert uitkomst.regel == "6 weken na melding 2-3-2026 (Wmo 2015 art. 2.3.2)"


def test_verschuiving_wordt_uitgelegd(feestdagen):
    uitkomst = tw.bereken_termijn(S.WMO_BESCHIKKING, date(2026, 3, 20), feestdagen=feestdagen)
    assert uitkomst.regel == (
        "2 weken na aanvraag 20-3-2026 (Wmo 2015 art. 2.3.5); verschoven van vr 3-4 naar di 7-4 "
        "(Algemene termijnenwet: Goede Vrijdag, weekend, Tweede Paasdag)"
    )


def test_zonder_besluit_telt_de_vrijdag_na_hemelvaart_als_werkdag():
    uitkomst = tw.bereken_termijn(S.WMO_BESCHIKKING, date(2026, 4, 30), feestdagen=tw.Feestdagen())
    assert uitkomst.uiterste_datum == date(2026, 5, 15)


def test_opschorting_van_tien_dagen(feestdagen):
    uitkomst = tw.bereken_termijn(
        S.WMO_BESCHIKKING, date(2026, 3, 2), feestdagen=feestdagen, opgeschort_dagen=10
    )
    assert uitkomst.uiterste_datum == date(2026, 3, 26)
    assert "10 dagen opgeschort" in uitkomst.regel


def test_opschorting_die_op_een_feestdag_eindigt(feestdagen):
    # 2 weeks after 11 April 2026 is 25 April; 10 days later is 5 May -> Wednesday 6 May.
    uitkomst = tw.bereken_termijn(
        S.WMO_BESCHIKKING, date(2026, 4, 11), feestdagen=feestdagen, opgeschort_dagen=10
    )
    assert uitkomst.uiterste_datum == date(2026, 5, 6)


def test_verdaging_met_atw(feestdagen):
    uitkomst = tw.bereken_termijn(
        S.JEUGD_BESCHIKKING, date(2026, 3, 2), feestdagen=feestdagen, verdaagd_tot=date(2026, 5, 25)
    )
    assert uitkomst.uiterste_datum == date(2026, 5, 26)
    assert "verdaagd tot 25-5-2026 (Awb 4:14)" in uitkomst.regel


def test_negatieve_opschorting_is_een_fout(feestdagen):
    with pytest.raises(ValueError):
        tw.bereken_termijn(S.WMO_BESCHIKKING, date(2026, 3, 2), feestdagen=feestdagen, opgeschort_dagen=-1)


# --- bezwaar ---------------------------------------------------------------------------------


def test_bezwaartermijn_en_beslistermijn_vanaf_einde_bezwaartermijn(feestdagen):
    einde = tw.bereken_einde_bezwaartermijn(date(2026, 3, 2), feestdagen=feestdagen).uiterste_datum
    assert einde == date(2026, 4, 13)
    # Received early (20 March): still counted from the end of the objection period, not from receipt.
    zes = tw.bereken_beslistermijn_bezwaar(
        einde_bezwaartermijn=einde,
        ontvangen_op=date(2026, 3, 20),
        adviescommissie=False,
        feestdagen=feestdagen,
    )
    assert zes.uiterste_datum == date(2026, 5, 26)  # 25 May is Tweede Pinksterdag
    twaalf = tw.bereken_beslistermijn_bezwaar(
        einde_bezwaartermijn=einde,
        ontvangen_op=date(2026, 3, 20),
        adviescommissie=True,
        feestdagen=feestdagen,
    )
    assert twaalf.uiterste_datum == date(2026, 7, 6)
    assert "adviescommissie" in twaalf.regel


def test_bezwaartermijn_eindigend_op_5_mei(feestdagen):
    einde = tw.bereken_einde_bezwaartermijn(date(2026, 3, 24), feestdagen=feestdagen)
    assert einde.uiterste_datum == date(2026, 5, 6)


def test_te_laat_bezwaar(feestdagen):
    einde = date(2026, 4, 13)
    assert tw.bezwaar_te_laat(date(2026, 4, 14), einde)
    assert not tw.bezwaar_te_laat(date(2026, 4, 13), einde)
    uitkomst = tw.bereken_beslistermijn_bezwaar(
        einde_bezwaartermijn=einde,
        ontvangen_op=date(2026, 4, 20),
        adviescommissie=False,
        feestdagen=feestdagen,
    )
    assert uitkomst.uiterste_datum == date(2026, 6, 1)
    assert "te laat" in uitkomst.regel


def test_bezwaar_opschorting_en_verdaging(feestdagen):
    uitkomst = tw.bereken_beslistermijn_bezwaar(
        einde_bezwaartermijn=date(2026, 4, 13),
        ontvangen_op=date(2026, 3, 20),
        adviescommissie=False,
        feestdagen=feestdagen,
        opgeschort_dagen=10,
    )
    assert uitkomst.uiterste_datum == date(2026, 6, 4)  # 25 May + 10 days
    verdaagd = tw.bereken_beslistermijn_bezwaar(
        einde_bezwaartermijn=date(2026, 4, 13),
        ontvangen_op=date(2026, 3, 20),
        adviescommissie=False,
        feestdagen=feestdagen,
        verdaagd_tot=date(2026, 7, 4),
    )
    assert verdaagd.uiterste_datum == date(2026, 7, 6)  # Saturday -> Monday
    assert "Awb 7:10 lid 3" in verdaagd.regel


# --- the feestdagen list -----------------------------------------------------------------------


def test_atw_lijst_verschilt_van_algemene_feestdagen():
    dagen = tw.wettelijke_feestdagen(2026)
    assert date(2026, 5, 5) in dagen  # every year, not only in lustrum years
    assert date(2026, 4, 3) in dagen  # Goede Vrijdag
    assert date(2026, 4, 6) in dagen and date(2026, 5, 14) in dagen and date(2026, 5, 25) in dagen
    assert date(2026, 4, 27) in dagen
    assert date(2026, 5, 15) not in dagen  # decreed, not by law


@pytest.mark.parametrize(("jaar", "koningsdag"), [(2025, date(2025, 4, 26)), (2026, date(2026, 4, 27))])
def test_koningsdag(jaar, koningsdag):
    dagen = tw.wettelijke_feestdagen(jaar)
    assert dagen[koningsdag] == "Koningsdag"
    assert sum(1 for naam in dagen.values() if naam == "Koningsdag") == 1


@pytest.mark.django_db
def test_gelijkgestelde_dagen_uit_de_database():
    from django.apps import apps

    # The data migration seeded them; a transactional test elsewhere may have flushed the table since.
    MIGRATIE.vullen(apps, None)
    feestdagen = atw_feestdagen()
    for datum, _, _ in DECREET:
        assert datum in feestdagen
    assert date(2026, 5, 15) in feestdagen
    assert date(2026, 5, 13) not in feestdagen
