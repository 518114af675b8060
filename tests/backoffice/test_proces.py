"""Each maatwerk step per law, with its timeline event and its terms; refused transitions and bad
input give a clear Dutch message and save nothing."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from backoffice import services
from backoffice.models import Aanvraag, Besluit, Onderzoek, Termijn, Voorziening
from intake.fouten import ActieNietToegestaan
from intake.models import Casus, CasusGebeurtenis, Verwijzing, ZrmScore
from intake.workflow import Fase
from tests.factories.backoffice import ProductFactory, ZorgaanbiederFactory
from tests.factories.netwerk import PartnerFactory

pytestmark = pytest.mark.django_db


def lopend(casus):
    return {t.soort: t for t in Termijn.objects.filter(casus=casus, afgerond_op__isnull=True)}


def claim(casus, consultant):
    return services.casus_claimen(casus=casus, door=consultant)


def voorziening(product, aanbieder, start, eind, **extra):
    return {
        "product": product,
        "aanbieder": aanbieder,
        "leveringsvorm": "natura",
        "volume": 3,
        "eenheid": "uur",
        "frequentie": "week",
        "startdatum": start,
        "einddatum": eind,
        **extra,
    }


def test_wmo_melding_start_onderzoek_en_plantermijn(vandaag, opschalen):
    casus = opschalen("wmo")
    termijnen = lopend(casus)
    assert termijnen["wmo_onderzoek"].uiterste_datum == date(2026, 4, 13)
    assert termijnen["wmo_onderzoek"].regel.startswith("6 weken na melding 2-3-2026")
    assert termijnen["wmo_plan"].uiterste_datum == date(2026, 3, 9)


def test_jeugd_melding_start_nog_geen_termijn(vandaag, opschalen):
    assert lopend(opschalen("jeugdwet")) == {}


def test_wmo_van_melding_tot_beschikking(vandaag, opschalen, consultant, begeleiding, zorgaanbieder):
    casus = claim(opschalen("wmo"), consultant)
    onderzoek = services.onderzoek_starten(casus=casus, door=consultant, versie=casus.versie)
    casus.refresh_from_db()
    assert casus.fase == Fase.ONDERZOEK
    services.plan_ontvangen(
        casus=casus, ontvangen_op=vandaag, samenvatting="Eigen plan met dochter.", door=consultant
    )
    assert "wmo_plan" not in lopend(casus)
    services.onderzoek_vastleggen(
        onderzoek=onderzoek,
        door=consultant,
        gesprek_datum=vandaag,
        deelnemers="inwoner, dochter, consulent",
        verslag="Gesprek aan de keukentafel.",
        eigen_mogelijkheden="Kan zelf koken.",
        mantelzorg="Dochter komt twee keer per week.",
        voorliggende_voorzieningen="Dagactiviteit in het dorpshuis is overwogen.",
        zrm_scores=[
            {"domein": "tijdsbesteding", "score": 2, "reden": "Geen dagstructuur."},
            {"domein": "sociaal_netwerk", "score": 3, "reden": "Netwerk is klein."},
        ],
        afronden=True,
    )
    assert ZrmScore.objects.filter(casus=casus, bron="onderzoek").count() == 2
    assert Termijn.objects.get(casus=casus, soort="wmo_onderzoek").afgerond_op == vandaag
    aanvraag = services.aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag, omschrijving="Begeleiding", door=consultant
    )
    beschikking = lopend(casus)["wmo_beschikking"]
    assert beschikking.uiterste_datum == date(2026, 3, 16)
    assert "Wmo 2015 art. 2.3.5" in beschikking.regel
    besluit = services.besluit_nemen(
        casus=casus,
        soort=Besluit.Soort.TOEKENNING,
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="Begeleiding is nodig voor dagstructuur.",
        grondslag="Wmo 2015 art. 2.3.5",
        voorzieningen=[voorziening(begeleiding, zorgaanbieder, vandaag, vandaag + timedelta(days=180))],
        door=consultant,
    )
    casus.refresh_from_db()
    assert besluit.aanvraag == aanvraag
    assert casus.fase == Fase.IN_ZORG  # the voorziening starts today
    assert Termijn.objects.get(casus=casus, soort="wmo_beschikking").afgerond_op == vandaag
    assert Voorziening.objects.get(casus=casus).aanbieder == zorgaanbieder
    soorten = list(CasusGebeurtenis.objects.filter(casus=casus).values_list("soort", flat=True))
    for soort in ("toegewezen", "overgang", "notitie", "besluit", "voorziening"):
        assert soort in soorten


def test_onderzoek_afronden_vraagt_wmo_afwegingen(vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    onderzoek = services.onderzoek_starten(casus=casus, door=consultant)
    with pytest.raises(ValidationError) as fout:
        services.onderzoek_vastleggen(
            onderzoek=onderzoek, door=consultant, gesprek_datum=vandaag, verslag="Kort.", afronden=True
        )
    assert "mantelzorg" in fout.value.message_dict
    onderzoek.refresh_from_db()
    assert onderzoek.afgerond_op is None and onderzoek.verslag == ""


def test_zrm_zonder_reden_slaat_niets_op(vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    onderzoek = services.onderzoek_starten(casus=casus, door=consultant)
    with pytest.raises(ValidationError):
        services.onderzoek_vastleggen(
            onderzoek=onderzoek,
            door=consultant,
            verslag="x",
            zrm_scores=[{"domein": "financien", "score": 2, "reden": ""}],
        )
    assert not ZrmScore.objects.filter(casus=casus).exists()
    onderzoek.refresh_from_db()
    assert onderzoek.verslag == ""


def test_jeugd_aanvraag_onderzoek_besluit(vandaag, opschalen, consultant, zorgaanbieder):
    casus = claim(opschalen("jeugdwet"), consultant)
    services.aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag, omschrijving="Ambulante hulp", door=consultant
    )
    assert lopend(casus)["jeugd_beschikking"].uiterste_datum == date(2026, 4, 28)  # 27 April: Koningsdag
    casus.refresh_from_db()
    onderzoek = services.onderzoek_starten(casus=casus, door=consultant)
    casus.refresh_from_db()
    assert onderzoek.pk and casus.fase == Fase.AANVRAAG
    product = ProductFactory(wet="jeugdwet", naam="Ambulante jeugdhulp", categorie="45", productcode="45A01")
    jeugd = ZorgaanbiederFactory(soort="zorgaanbieder_jeugd", istandaarden_categorieen=["45"])
    services.besluit_nemen(
        casus=casus,
        soort="toekenning",
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="Nodig.",
        grondslag="Jeugdwet art. 2.3",
        door=consultant,
        voorzieningen=[
            voorziening(product, jeugd, vandaag + timedelta(days=7), vandaag + timedelta(days=90))
        ],
    )
    casus.refresh_from_db()
    assert casus.fase == Fase.BESLUIT  # starts next week
    with pytest.raises(ValidationError):
        services.zorg_starten(casus=casus, door=consultant)


def test_participatiewet_met_voorschot(vandaag, opschalen, consultant):
    casus = claim(opschalen("participatiewet"), consultant)
    aanvraag = services.aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag, omschrijving="Bijstand", voorschot_gevraagd=True, door=consultant
    )
    termijnen = lopend(casus)
    assert termijnen["pw_beschikking"].uiterste_datum == date(2026, 4, 27) + timedelta(days=1)
    assert termijnen["pw_voorschot"].uiterste_datum == date(2026, 3, 30)
    services.voorschot_verlenen(aanvraag=aanvraag, verleend_op=vandaag, door=consultant)
    assert "pw_voorschot" not in lopend(casus)
    product = ProductFactory(
        wet="participatiewet", naam="Algemene bijstand", categorie="", productcode="", eenheid="euro"
    )
    services.besluit_nemen(
        casus=casus,
        soort="toekenning",
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="Voldoet.",
        grondslag="Participatiewet art. 11",
        door=consultant,
        voorzieningen=[
            {
                "product": product,
                "aanbieder": None,
                "leveringsvorm": "",
                "volume": 1200,
                "eenheid": "euro",
                "frequentie": "maand",
                "startdatum": vandaag,
                "einddatum": vandaag + timedelta(days=365),
            }
        ],
    )
    assert lopend(casus) == {}


def test_voorschot_alleen_in_participatiewet(vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    with pytest.raises(ValidationError) as fout:
        services.aanvraag_ontvangen(
            casus=casus, ontvangen_op=vandaag, omschrijving="x", voorschot_gevraagd=True, door=consultant
        )
    assert "voorschot_gevraagd" in fout.value.message_dict
    assert not Aanvraag.objects.filter(casus=casus).exists()


def test_besluit_voor_aanvraag_geweigerd(vandaag, opschalen, consultant, begeleiding, zorgaanbieder):
    casus = claim(opschalen("wmo"), consultant)
    with pytest.raises(ActieNietToegestaan) as fout:
        services.besluit_nemen(
            casus=casus,
            soort="toekenning",
            besluitdatum=vandaag,
            verzonden_op=vandaag,
            motivering="m",
            grondslag="g",
            door=consultant,
            voorzieningen=[voorziening(begeleiding, zorgaanbieder, vandaag, vandaag + timedelta(days=10))],
        )
    assert "Leg eerst de aanvraag vast" in fout.value.messages[0]
    assert not Besluit.objects.exists() and not Voorziening.objects.exists()


def test_onderzoek_na_besluit_geweigerd(vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    services.aanvraag_ontvangen(casus=casus, ontvangen_op=vandaag, omschrijving="x", door=consultant)
    with pytest.raises(ActieNietToegestaan):
        services.onderzoek_starten(casus=casus, door=consultant)
    assert not Onderzoek.objects.exists()


def test_stap_zonder_behandelaar_geweigerd(vandaag, opschalen, consultant):
    casus = opschalen("wmo")
    with pytest.raises(ValidationError) as fout:
        services.onderzoek_starten(casus=casus, door=consultant)
    assert "in behandeling" in fout.value.messages[0]


@pytest.fixture
def aanvraag_wmo(vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    services.aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag, omschrijving="Begeleiding", door=consultant
    )
    casus.refresh_from_db()
    return casus


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"motivering": "  "}, "motivering", "zonder motivering"),
        ({"voorzieningen": []}, "soort", "ten minste één voorziening"),
    ],
)
def test_besluit_fout_slaat_niets_op(
    aanvraag_wmo, consultant, begeleiding, zorgaanbieder, vandaag, wijziging, veld, melding
):
    args = dict(
        casus=aanvraag_wmo,
        soort="toekenning",
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="Goed.",
        grondslag="Wmo",
        door=consultant,
        voorzieningen=[voorziening(begeleiding, zorgaanbieder, vandaag, vandaag + timedelta(days=30))],
    )
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(**{**args, **wijziging})
    assert melding in fout.value.message_dict[veld][0]
    assert not Besluit.objects.exists()
    aanvraag_wmo.refresh_from_db()
    assert aanvraag_wmo.fase == Fase.AANVRAAG


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"einddatum": date(2026, 3, 1)}, "De einddatum ligt vóór de startdatum."),
        ({"aanbieder": None}, "Zorg in natura vraagt om een zorgaanbieder."),
    ],
)
def test_voorziening_fout_slaat_niets_op(
    aanvraag_wmo, consultant, begeleiding, zorgaanbieder, vandaag, wijziging, melding
):
    v = {**voorziening(begeleiding, zorgaanbieder, vandaag, vandaag + timedelta(days=30)), **wijziging}
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(
            casus=aanvraag_wmo,
            soort="toekenning",
            besluitdatum=vandaag,
            verzonden_op=vandaag,
            motivering="m",
            grondslag="g",
            door=consultant,
            voorzieningen=[v],
        )
    assert fout.value.messages == [f"Voorziening 1: {melding}"]
    assert not Besluit.objects.exists()


def test_pgb_zonder_aanbieder_mag(aanvraag_wmo, consultant, begeleiding, vandaag):
    v = {**voorziening(begeleiding, None, vandaag, vandaag + timedelta(days=30)), "leveringsvorm": "pgb"}
    services.besluit_nemen(
        casus=aanvraag_wmo,
        soort="toekenning",
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="m",
        grondslag="g",
        door=consultant,
        voorzieningen=[v],
    )
    assert Voorziening.objects.get().leveringsvorm == "pgb"


def test_afwijzing_en_afsluiten(aanvraag_wmo, consultant, vandaag):
    services.besluit_nemen(
        casus=aanvraag_wmo,
        soort="afwijzing",
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="Voorliggende voorziening volstaat.",
        grondslag="Wmo 2015 art. 2.3.5",
        door=consultant,
    )
    casus = services.maatwerk_afsluiten(casus=aanvraag_wmo, reden="afgewezen", door=consultant)
    assert casus.fase == Fase.AFGESLOTEN and casus.afsluitreden == "afgewezen"


@pytest.fixture
def in_zorg(aanvraag_wmo, consultant, begeleiding, zorgaanbieder, vandaag):
    services.besluit_nemen(
        casus=aanvraag_wmo,
        soort="toekenning",
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="m",
        grondslag="g",
        door=consultant,
        voorzieningen=[voorziening(begeleiding, zorgaanbieder, vandaag, vandaag + timedelta(days=180))],
    )
    aanvraag_wmo.refresh_from_db()
    return aanvraag_wmo


def test_voorziening_vroegtijdig_beeindigen(in_zorg, consultant, vandaag):
    v = Voorziening.objects.get(casus=in_zorg)
    with pytest.raises(ValidationError) as fout:
        services.voorziening_beeindigen(
            voorziening=v, beeindigd_op=vandaag - timedelta(days=1), reden="x", door=consultant
        )
    assert "vóór de startdatum" in fout.value.message_dict["beeindigd_op"][0]
    services.voorziening_beeindigen(
        voorziening=v, beeindigd_op=vandaag + timedelta(days=30), reden="Doel bereikt", door=consultant
    )
    v.refresh_from_db()
    assert v.beeindigd_op == vandaag + timedelta(days=30) and v.beeindigingsreden == "Doel bereikt"


def test_afschalen_via_verwijzing(in_zorg, consultant, vandaag):
    welzijn = PartnerFactory(naam="Welzijn Altena")
    services.casus_afschalen(
        casus=in_zorg, partner=welzijn, toelichting="Maatje en dagactiviteit.", door=consultant
    )
    in_zorg.refresh_from_db()
    assert in_zorg.fase == Fase.VERWEZEN
    assert Verwijzing.objects.get(casus=in_zorg).partner == welzijn
    v = Voorziening.objects.get(casus=in_zorg)
    assert v.beeindigd_op == vandaag and "Afgeschaald" in v.beeindigingsreden
    teksten = " ".join(CasusGebeurtenis.objects.filter(casus=in_zorg).values_list("tekst", flat=True))
    assert "Verwijzing naar Welzijn Altena" in teksten and "Beëindigd per" in teksten


def test_afschalen_zonder_toestemming_vraagt_toestemming_en_wijzigt_niets(in_zorg, consultant):
    Casus.objects.filter(pk=in_zorg.pk).update(
        toestemming_delen=False, toestemming_scope="", toestemming_datum=None
    )
    welzijn = PartnerFactory(naam="Welzijn Altena")
    with pytest.raises(ValidationError) as fout:
        services.casus_afschalen(casus=in_zorg, partner=welzijn, toelichting="Maatje.", door=consultant)
    assert "toestemming" in fout.value.message_dict["toestemming_scope"][0]
    in_zorg.refresh_from_db()
    assert in_zorg.fase == Fase.IN_ZORG and not Verwijzing.objects.exists()
    assert Voorziening.objects.get(casus=in_zorg).beeindigd_op is None


def test_afschalen_legt_toestemming_vast_die_de_consulent_vroeg(in_zorg, consultant, vandaag):
    Casus.objects.filter(pk=in_zorg.pk).update(
        toestemming_delen=False, toestemming_scope="", toestemming_datum=None
    )
    welzijn = PartnerFactory(naam="Welzijn Altena")
    services.casus_afschalen(
        casus=in_zorg,
        partner=welzijn,
        toelichting="Maatje.",
        door=consultant,
        toestemming_scope="Delen met Welzijn Altena voor begeleiding na afschaling",
    )
    in_zorg.refresh_from_db()
    assert in_zorg.toestemming_delen and in_zorg.toestemming_datum == vandaag
    assert in_zorg.fase == Fase.VERWEZEN
    assert Verwijzing.objects.get(casus=in_zorg).partner == welzijn


def test_afschalen_naar_zorgaanbieder_geweigerd(in_zorg, consultant, zorgaanbieder):
    with pytest.raises(ValidationError) as fout:
        services.casus_afschalen(casus=in_zorg, partner=zorgaanbieder, toelichting="x", door=consultant)
    assert "voorliggend veld" in fout.value.message_dict["partner"][0]
    assert not Verwijzing.objects.exists()


def test_herindicatie_start_nieuwe_beschikkingstermijn(in_zorg, consultant, vandaag):
    services.aanvraag_ontvangen(
        casus=in_zorg, ontvangen_op=vandaag, omschrijving="Meer uren", door=consultant
    )
    assert Termijn.objects.filter(casus=in_zorg, soort="wmo_beschikking").count() == 2
    assert "wmo_beschikking" in lopend(in_zorg)


# --- terms: opschorting and verdaging as stored inputs -----------------------------------------


def test_opschorten_en_hervatten_herberekent(aanvraag_wmo, consultant):
    termijn = Termijn.objects.get(casus=aanvraag_wmo, soort="wmo_beschikking")
    assert termijn.uiterste_datum == date(2026, 3, 16)
    services.termijn_opschorten(
        termijn=termijn, van=date(2026, 3, 5), reden="Inwoner levert stukken aan", door=consultant
    )
    with pytest.raises(ValidationError):
        services.termijn_opschorten(termijn=termijn, van=date(2026, 3, 6), reden="nogmaals", door=consultant)
    services.termijn_hervatten(termijn=termijn, tot=date(2026, 3, 15), door=consultant)
    termijn.refresh_from_db()
    assert termijn.opgeschort_dagen == 10
    assert termijn.uiterste_datum == date(2026, 3, 26)
    assert "10 dagen opgeschort" in termijn.regel


def test_verdagen_binnen_de_termijn(aanvraag_wmo, consultant):
    termijn = Termijn.objects.get(casus=aanvraag_wmo, soort="wmo_beschikking")
    with pytest.raises(ValidationError) as fout:
        services.termijn_verdagen(
            termijn=termijn,
            nieuwe_datum=date(2026, 4, 1),
            medegedeeld_op=date(2026, 3, 17),
            mededeling="Later",
            door=consultant,
        )
    assert "binnen de termijn" in fout.value.message_dict["medegedeeld_op"][0]
    services.termijn_verdagen(
        termijn=termijn,
        nieuwe_datum=date(2026, 4, 3),
        medegedeeld_op=date(2026, 3, 10),
        mededeling="Advies van de arts is nodig; besluit uiterlijk 3 april.",
        door=consultant,
    )
    termijn.refresh_from_db()
    assert termijn.verdaagd_tot == date(2026, 4, 3)
    assert termijn.uiterste_datum == date(2026, 4, 7)  # Goede Vrijdag, weekend, Tweede Paasdag
    assert "verdaagd tot 3-4-2026" in termijn.regel


def test_feestdag_toevoegen_herberekent_lopende_termijnen(aanvraag_wmo):
    from backoffice.models import Feestdag

    termijn = Termijn.objects.get(casus=aanvraag_wmo, soort="wmo_beschikking")
    Feestdag.objects.create(datum=date(2026, 3, 16), omschrijving="Proefdag", grondslag="test")
    termijn.refresh_from_db()
    assert termijn.uiterste_datum == date(2026, 3, 17)
    assert "Proefdag" in termijn.regel


def test_feestdag_verplaatsen_herberekent_ook_rond_de_oude_datum(aanvraag_wmo):
    """A beheerder corrects a decreed day's date: the terms it moved are moved back."""
    from backoffice.models import Feestdag

    termijn = Termijn.objects.get(casus=aanvraag_wmo, soort="wmo_beschikking")
    feestdag = Feestdag.objects.create(datum=date(2026, 3, 16), omschrijving="Proefdag", grondslag="test")
    termijn.refresh_from_db()
    assert termijn.uiterste_datum == date(2026, 3, 17)
    feestdag.datum = date(2026, 6, 1)
    feestdag.save()
    termijn.refresh_from_db()
    assert termijn.uiterste_datum == date(2026, 3, 16)
    assert "Proefdag" not in termijn.regel
