"""Every rule: the signal appears at its threshold, not a moment before, for the right recipient."""

from datetime import date, timedelta

import pytest

from intake.models import CasusGebeurtenis, Verwijzing
from intake.workflow import Fase
from signalen.models import Doel, SignaalRegel, SignaalSoort
from tests.factories.backoffice import BesluitFactory, BezwaarFactory, TermijnFactory, VoorzieningFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory
from tests.factories.netwerk import PartnerFactory

from .conftest import op, signalen

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(team, consultant):
    return CasusFactory(maatwerk=True, fase=Fase.ONDERZOEK, team=team, behandelaar=consultant)


def termijn(casus, uiterste, soort="wmo_onderzoek", **velden):
    return TermijnFactory(
        casus=casus, soort=soort, startdatum=uiterste - timedelta(weeks=6), uiterste_datum=uiterste, **velden
    )


# --- legal term approaching (5 working days, Algemene termijnenwet) ------------------------------


def test_termijn_nadert_telt_werkdagen_over_pasen(sweep, casus, consultant):
    # Deadline Monday 13 April 2026. Five working days back: Fri 10, Thu 9, Wed 8, Tue 7 and, past
    # Tweede Paasdag (6 April) and Goede Vrijdag (3 April), Thursday 2 April.
    t = termijn(casus, date(2026, 4, 13))
    assert sweep(op(2026, 4, 1, 23, 59))[SignaalSoort.TERMIJN_NADERT] == 0
    assert sweep(op(2026, 4, 2, 0, 1))[SignaalSoort.TERMIJN_NADERT] == 1
    (s,) = signalen(SignaalSoort.TERMIJN_NADERT)
    assert (s.doel, s.ontvanger, s.team, s.onderwerp) == (Doel.PERSOON, consultant, None, f"termijn:{t.pk}")
    assert s.peildatum == date(2026, 4, 13)
    assert "verloopt op 13-04-2026" in s.tekst and s.tekst.startswith("Wmo: onderzoek afronden")
    assert CasusGebeurtenis.objects.filter(casus=casus, soort="signaal", gegevens__signaal=s.pk).exists()


def test_termijn_nadert_volgt_de_drempel_uit_het_beheer(sweep, casus):
    SignaalRegel.objects.filter(code=SignaalSoort.TERMIJN_NADERT).update(drempel=1)
    termijn(casus, date(2026, 4, 13))
    assert sweep(op(2026, 4, 9, 12))[SignaalSoort.TERMIJN_NADERT] == 0  # Thursday: Fri 10 and Mon 13 remain
    assert sweep(op(2026, 4, 10, 0, 0))[SignaalSoort.TERMIJN_NADERT] == 1


def test_zonder_behandelaar_gaat_het_signaal_naar_het_team(sweep, team):
    casus = CasusFactory(maatwerk=True, team=team)
    termijn(casus, date(2026, 4, 13))
    sweep(op(2026, 4, 2, 9))
    (s,) = signalen(SignaalSoort.TERMIJN_NADERT)
    assert (s.ontvanger, s.team, s.doel) == (None, team, Doel.PERSOON)
    assert "nog geen behandelaar" in s.tekst


@pytest.mark.parametrize(
    "velden",
    [
        {"afgerond_op": date(2026, 4, 1)},
        {"opgeschort_sinds": date(2026, 3, 30)},
        {"soort": "wmo_plan"},  # the inhabitant's term, not the municipality's
    ],
    ids=["afgerond", "opgeschort", "persoonlijk-plan"],
)
def test_geen_signaal_voor_een_termijn_die_niet_loopt(sweep, casus, velden):
    termijn(casus, date(2026, 4, 13), **velden)
    made = sweep(op(2026, 4, 10, 9))
    assert made[SignaalSoort.TERMIJN_NADERT] == 0


def test_geen_signaal_op_een_afgesloten_casus(sweep, casus):
    termijn(casus, date(2026, 4, 13))
    casus.fase = Fase.AFGESLOTEN
    casus.save()
    assert sweep(op(2026, 4, 10, 9))[SignaalSoort.TERMIJN_NADERT] == 0


# --- legal term exceeded: escalation, weekly again ------------------------------------------------


def test_termijn_verstreken_escaleert_en_herhaalt_wekelijks(sweep, casus, team):
    termijn(casus, date(2026, 4, 13))
    assert sweep(op(2026, 4, 13, 23, 59))[SignaalSoort.TERMIJN_VERSTREKEN] == 0
    assert sweep(op(2026, 4, 14, 0, 0))[SignaalSoort.TERMIJN_VERSTREKEN] == 1
    (s,) = signalen(SignaalSoort.TERMIJN_VERSTREKEN)
    assert (s.doel, s.team, s.ontvanger, s.herhaling) == (Doel.TEAMLEIDER, team, None, 0)
    assert "13-04-2026 is overschreden" in s.tekst
    assert sweep(op(2026, 4, 20, 23, 59))[SignaalSoort.TERMIJN_VERSTREKEN] == 0
    assert sweep(op(2026, 4, 21, 0, 0))[SignaalSoort.TERMIJN_VERSTREKEN] == 1
    assert [s.herhaling for s in signalen(SignaalSoort.TERMIJN_VERSTREKEN)] == [0, 1]
    assert "Nog steeds, na 8 dagen" in signalen(SignaalSoort.TERMIJN_VERSTREKEN)[1].tekst


def test_na_een_week_stilstand_alleen_de_actuele_herhaling(sweep, casus):
    termijn(casus, date(2026, 4, 13))
    sweep(op(2026, 5, 6, 9))  # the first sweep in weeks: repetition 3, no backlog of 0, 1 and 2
    assert [s.herhaling for s in signalen(SignaalSoort.TERMIJN_VERSTREKEN)] == [3]


def test_nieuwe_uiterste_datum_na_verdaging_is_een_nieuw_signaal(sweep, casus):
    t = termijn(casus, date(2026, 4, 13))
    sweep(op(2026, 4, 2, 9))
    t.uiterste_datum = date(2026, 5, 11)
    t.save()
    sweep(op(2026, 5, 4, 9))
    assert [s.peildatum for s in signalen(SignaalSoort.TERMIJN_NADERT)] == [
        date(2026, 4, 13),
        date(2026, 5, 11),
    ]


# --- melding unassigned ---------------------------------------------------------------------------


def test_melding_zonder_behandelaar_na_meer_dan_drie_werkdagen(sweep, team):
    # Melding Monday 2 March; Tue, Wed, Thu are three working days; on Friday it is more than three.
    casus = CasusFactory(maatwerk=True, team=team, meldingsdatum=date(2026, 3, 2))
    assert sweep(op(2026, 3, 5, 23, 59))[SignaalSoort.MELDING_NIET_TOEGEWEZEN] == 0
    assert sweep(op(2026, 3, 6, 0, 0))[SignaalSoort.MELDING_NIET_TOEGEWEZEN] == 1
    (s,) = signalen(SignaalSoort.MELDING_NIET_TOEGEWEZEN)
    assert (s.casus, s.team, s.doel, s.peildatum) == (casus, team, Doel.TEAMLEIDER, date(2026, 3, 2))


def test_melding_over_het_weekend(sweep, team):
    # Melding Thursday 5 March: Fri 6, Mon 9, Tue 10 are three working days; Wednesday 11 signals.
    CasusFactory(maatwerk=True, team=team, meldingsdatum=date(2026, 3, 5))
    assert sweep(op(2026, 3, 10, 23, 59))[SignaalSoort.MELDING_NIET_TOEGEWEZEN] == 0
    assert sweep(op(2026, 3, 11, 0, 0))[SignaalSoort.MELDING_NIET_TOEGEWEZEN] == 1


def test_toegewezen_melding_geeft_geen_signaal(sweep, team, consultant):
    CasusFactory(maatwerk=True, team=team, meldingsdatum=date(2026, 3, 2), behandelaar=consultant)
    assert sweep(op(2026, 3, 20, 9))[SignaalSoort.MELDING_NIET_TOEGEWEZEN] == 0


# --- crisis not picked up -------------------------------------------------------------------------


def test_crisis_niet_opgepakt_na_vier_uur(sweep, team):
    casus = CasusFactory(team=team, crisis=True, aangemaakt=op(2026, 3, 10, 9, 0))
    assert sweep(op(2026, 3, 10, 12, 59))[SignaalSoort.CRISIS_NIET_OPGEPAKT] == 0
    assert sweep(op(2026, 3, 10, 13, 0))[SignaalSoort.CRISIS_NIET_OPGEPAKT] == 1
    (s,) = signalen(SignaalSoort.CRISIS_NIET_OPGEPAKT)
    assert (s.casus, s.team) == (casus, team)
    assert "10-03-2026 09:00" in s.tekst


def test_opgepakte_crisis_geeft_geen_signaal(sweep, team, consultant):
    CasusFactory(team=team, crisis=True, aangemaakt=op(2026, 3, 10, 9), fase=Fase.VERWEZEN)
    CasusFactory(maatwerk=True, team=team, crisis=True, aangemaakt=op(2026, 3, 10, 9), behandelaar=consultant)
    assert sweep(op(2026, 3, 11, 9))[SignaalSoort.CRISIS_NIET_OPGEPAKT] == 0


# --- referral without feedback: opschalen? -------------------------------------------------------


def verwijzing(casus, verstuurd_op, **velden):
    return Verwijzing.objects.create(
        casus=casus, partner=PartnerFactory(), verstuurd_op=verstuurd_op, **velden
    )


def test_verwijzing_zonder_terugkoppeling_na_zes_weken_naar_de_regisseur(sweep, team, consultant, teamleider):
    casus = CasusFactory(team=team, fase=Fase.VERWEZEN, regisseur=teamleider, behandelaar=consultant)
    v = verwijzing(casus, op(2026, 3, 2, 16, 30))
    assert sweep(op(2026, 4, 12, 23, 59))[SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING] == 0
    assert sweep(op(2026, 4, 13, 0, 0))[SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING] == 1
    (s,) = signalen(SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING)
    assert (s.ontvanger, s.onderwerp, s.peildatum) == (teamleider, f"verwijzing:{v.pk}", date(2026, 3, 2))
    assert s.tekst.endswith("Opschalen naar maatwerk?") and v.partner.naam in s.tekst


def test_verwijzing_zonder_casusregisseur_naar_huishouden_behandelaar_verwijzer_team(
    sweep, team, consultant, teamleider, frontoffice
):
    huishouden = HuishoudenFactory(regisseur=teamleider)
    met_huishouden = CasusFactory(
        team=team, fase=Fase.VERWEZEN, huishouden=huishouden, behandelaar=consultant
    )
    alleen_behandelaar = CasusFactory(team=team, fase=Fase.VERWEZEN, behandelaar=consultant)
    aan_de_voordeur = CasusFactory(team=team, fase=Fase.VERWEZEN)
    niemand = CasusFactory(team=team, fase=Fase.VERWEZEN)
    verwijzing(met_huishouden, op(2026, 3, 2, 10), door=frontoffice)
    verwijzing(alleen_behandelaar, op(2026, 3, 2, 10), door=frontoffice)
    verwijzing(aan_de_voordeur, op(2026, 3, 2, 10), door=frontoffice)
    verwijzing(niemand, op(2026, 3, 2, 10))
    sweep(op(2026, 4, 13, 9))
    ontvangers = {
        s.casus_id: s.ontvanger or s.team for s in signalen(SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING)
    }
    assert ontvangers == {
        met_huishouden.pk: teamleider,
        alleen_behandelaar.pk: consultant,
        aan_de_voordeur.pk: frontoffice,
        niemand.pk: team,
    }


def test_verwijzing_met_terugkoppeling_geeft_geen_signaal(sweep, team, consultant):
    casus = CasusFactory(team=team, fase=Fase.VERWEZEN, behandelaar=consultant)
    verwijzing(casus, op(2026, 3, 2, 10), status="geaccepteerd", terugkoppeling_datum=date(2026, 3, 9))
    assert sweep(op(2026, 4, 20, 9))[SignaalSoort.VERWIJZING_ZONDER_TERUGKOPPELING] == 0


# --- voorziening ending: afschalen? --------------------------------------------------------------


def test_voorziening_eindigt_binnen_acht_weken(sweep, casus, consultant):
    v = VoorzieningFactory(
        besluit=BesluitFactory(casus=casus), startdatum=date(2025, 7, 1), einddatum=date(2026, 6, 30)
    )
    assert sweep(op(2026, 5, 4, 23, 59))[SignaalSoort.VOORZIENING_EINDIGT] == 0
    assert sweep(op(2026, 5, 5, 0, 0))[SignaalSoort.VOORZIENING_EINDIGT] == 1  # 30 June - 8 weeks
    (s,) = signalen(SignaalSoort.VOORZIENING_EINDIGT)
    assert (s.ontvanger, s.onderwerp, s.peildatum) == (consultant, f"voorziening:{v.pk}", date(2026, 6, 30))
    assert "afschalen naar het voorliggend veld" in s.tekst


def test_beeindigde_voorziening_geeft_geen_signaal(sweep, casus):
    VoorzieningFactory(
        besluit=BesluitFactory(casus=casus),
        startdatum=date(2025, 7, 1),
        einddatum=date(2026, 6, 30),
        beeindigd_op=date(2026, 5, 1),
    )
    assert sweep(op(2026, 5, 20, 9))[SignaalSoort.VOORZIENING_EINDIGT] == 0


# --- bezwaar: decision term approaching or exceeded, to behandelaar and teamleider ----------------


@pytest.fixture
def bezwaartermijn(casus):
    besluit = BesluitFactory(casus=casus, besluitdatum=date(2026, 3, 2), verzonden_op=date(2026, 3, 2))
    bezwaar = BezwaarFactory(
        besluit=besluit, casus=casus, ontvangen_op=date(2026, 3, 20), einde_bezwaartermijn=date(2026, 4, 13)
    )
    return termijn(casus, date(2026, 6, 15), soort="bezwaar_beslissing", bezwaar=bezwaar)


def test_bezwaar_nadert_naar_behandelaar_en_teamleider(sweep, bezwaartermijn, consultant, team):
    # Ten working days back from Monday 15 June: Monday 1 June (the weekend before does not count).
    assert sweep(op(2026, 5, 31, 23, 59))[SignaalSoort.BEZWAAR_NADERT] == 0
    assert sweep(op(2026, 6, 1, 0, 0))[SignaalSoort.BEZWAAR_NADERT] == 2
    ontvangers = {(s.doel, s.ontvanger, s.team) for s in signalen(SignaalSoort.BEZWAAR_NADERT)}
    assert ontvangers == {(Doel.PERSOON, consultant, None), (Doel.TEAMLEIDER, None, team)}
    assert signalen(SignaalSoort.TERMIJN_NADERT) == []  # a bezwaar term has its own rule


def test_bezwaar_verstreken_naar_behandelaar_en_teamleider(sweep, bezwaartermijn):
    assert sweep(op(2026, 6, 15, 23, 59))[SignaalSoort.BEZWAAR_VERSTREKEN] == 0
    assert sweep(op(2026, 6, 16, 0, 0))[SignaalSoort.BEZWAAR_VERSTREKEN] == 2
    assert sweep(op(2026, 6, 23, 0, 0))[SignaalSoort.BEZWAAR_VERSTREKEN] == 2
    assert signalen(SignaalSoort.TERMIJN_VERSTREKEN) == []


def test_beslist_bezwaar_geeft_geen_signaal(sweep, bezwaartermijn):
    bezwaartermijn.bezwaar.uitkomst = "ongegrond"
    bezwaartermijn.bezwaar.save()
    assert sweep(op(2026, 6, 20, 9))[SignaalSoort.BEZWAAR_VERSTREKEN] == 0


def test_bezwaar_loopt_ook_op_een_afgesloten_casus(sweep, bezwaartermijn, casus):
    casus.fase = Fase.AFGESLOTEN
    casus.save()
    assert sweep(op(2026, 6, 16, 9))[SignaalSoort.BEZWAAR_VERSTREKEN] == 2


def test_inactieve_regel_maakt_niets(sweep, casus):
    SignaalRegel.objects.filter(code=SignaalSoort.TERMIJN_NADERT).update(actief=False)
    termijn(casus, date(2026, 4, 13))
    assert SignaalSoort.TERMIJN_NADERT not in sweep(op(2026, 4, 10, 9))
