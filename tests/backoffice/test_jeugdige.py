"""Jeugdwet art. 1.1: a Jeugdwet voorziening only for a jeugdige. From 18 on its start date only with a
recorded ground for verlengde jeugdhulp, from 23 never; the form says so at the field, the demo makes
no such case, and a teamleider's report lists the ones that exist."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from altena.models import Verwerking
from backoffice import services
from backoffice.models import Besluit, Voorziening
from backoffice.selectors import jeugdhulp_voor_volwassenen
from intake.models import Casus
from tests.factories.backoffice import (
    BesluitFactory,
    ProductFactory,
    VoorzieningFactory,
    ZorgaanbiederFactory,
)
from tests.factories.intake import CasusFactory, InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jeugdhulp(db):
    return ProductFactory(wet="jeugdwet", naam="Ambulante jeugdhulp", categorie="45", productcode="45A01")


@pytest.fixture
def jeugdaanbieder(db):
    return ZorgaanbiederFactory(soort="zorgaanbieder_jeugd", istandaarden_categorieen=["45"])


@pytest.fixture
def jeugdzaak(vandaag, opschalen, consultant):
    """jeugdzaak(geboortedatum): a Jeugdwet case in fase aanvraag, claimed by the consultant."""

    def make(geboortedatum):
        casus = opschalen("jeugdwet", inwoner=InwonerFactory(geboortedatum=geboortedatum))
        casus = services.casus_claimen(casus=casus, door=consultant)
        services.aanvraag_ontvangen(casus=casus, ontvangen_op=vandaag, omschrijving="Hulp", door=consultant)
        casus.refresh_from_db()
        return casus

    return make


def _nemen(casus, consultant, product, aanbieder, start, **extra):
    return services.besluit_nemen(
        casus=casus,
        soort="toekenning",
        besluitdatum=date(2026, 3, 2),
        verzonden_op=date(2026, 3, 2),
        motivering="Nodig.",
        grondslag="Jeugdwet art. 2.3",
        door=consultant,
        voorzieningen=[
            {
                "product": product,
                "aanbieder": aanbieder,
                "leveringsvorm": "natura",
                "volume": 3,
                "eenheid": "uur",
                "frequentie": "week",
                "startdatum": start,
                "einddatum": start + timedelta(days=180),
                **extra,
            }
        ],
    )


def test_jeugdige_onder_18_zonder_grond(jeugdzaak, consultant, jeugdhulp, jeugdaanbieder):
    # 17 on the start date (18 the day after)
    casus = jeugdzaak(date(2008, 3, 10))
    _nemen(casus, consultant, jeugdhulp, jeugdaanbieder, date(2026, 3, 9))
    assert Voorziening.objects.get().verlengde_jeugdhulp == ""


def test_18_jaar_op_de_startdatum_vraagt_een_grond(jeugdzaak, consultant, jeugdhulp, jeugdaanbieder):
    casus = jeugdzaak(date(2008, 3, 9))  # 18 exactly on the start date
    with pytest.raises(ValidationError) as fout:
        _nemen(casus, consultant, jeugdhulp, jeugdaanbieder, date(2026, 3, 9))
    assert "18 jaar" in str(fout.value) and "voortzetting, hervatting" in str(fout.value)
    assert not Besluit.objects.exists()
    casus.refresh_from_db()
    _nemen(casus, consultant, jeugdhulp, jeugdaanbieder, date(2026, 3, 9), verlengde_jeugdhulp="voortzetting")
    assert Voorziening.objects.get().verlengde_jeugdhulp == "voortzetting"


def test_vanaf_23_nooit_ook_niet_met_grond(jeugdzaak, consultant, jeugdhulp, jeugdaanbieder):
    casus = jeugdzaak(date(2003, 3, 9))  # 23 on the start date
    with pytest.raises(ValidationError) as fout:
        _nemen(
            casus, consultant, jeugdhulp, jeugdaanbieder, date(2026, 3, 9), verlengde_jeugdhulp="justitieel"
        )
    assert "vanaf 23 jaar niet meer" in str(fout.value)
    assert not Voorziening.objects.exists()


def test_onbekende_grond_en_grond_buiten_de_jeugdwet(begeleiding):
    fouten = services.voorziening_fouten("jeugdwet", {"verlengde_jeugdhulp": "zomaar"})
    assert fouten["verlengde_jeugdhulp"] == "Kies een van de gronden voor verlengde jeugdhulp."
    fouten = services.voorziening_fouten("wmo", {"verlengde_jeugdhulp": "voortzetting"})
    assert "alleen bij de Jeugdwet" in fouten["verlengde_jeugdhulp"]


def _besluit_data(casus, product, aanbieder, **extra):
    return {
        "versie": casus.versie,
        "soort": "toekenning",
        "besluitdatum": "2026-03-02",
        "verzonden_op": "2026-03-02",
        "grondslag": "Jeugdwet art. 2.3",
        "motivering": "Nodig.",
        "vz-TOTAL_FORMS": 1,
        "vz-INITIAL_FORMS": 0,
        "vz-MIN_NUM_FORMS": 0,
        "vz-MAX_NUM_FORMS": 1000,
        "vz-0-product": product.pk,
        "vz-0-leveringsvorm": "natura",
        "vz-0-aanbieder": aanbieder.pk,
        "vz-0-volume": "3",
        "vz-0-eenheid": "uur",
        "vz-0-frequentie": "week",
        "vz-0-startdatum": "2026-03-09",
        "vz-0-einddatum": "2026-09-01",
        **extra,
    }


def test_formulier_meldt_de_leeftijd_bij_het_veld(
    jeugdzaak, client_for, consultant, jeugdhulp, jeugdaanbieder
):
    casus = jeugdzaak(date(2006, 1, 1))  # 20 on the start date
    url = reverse("backoffice:besluit", kwargs={"nummer": casus.nummer})
    pagina = client_for(consultant).get(url).content.decode()
    assert "Grond voor verlengde jeugdhulp" in pagina
    response = client_for(consultant).post(url, _besluit_data(casus, jeugdhulp, jeugdaanbieder))
    assert response.status_code == 200
    fouten = response.context["formset"].forms[0].errors
    assert "De inwoner is op de startdatum 20 jaar." in fouten["verlengde_jeugdhulp"][0]
    assert 'value="2026-09-01"' in response.content.decode()  # input kept
    assert not Besluit.objects.exists()
    response = client_for(consultant).post(
        url, _besluit_data(casus, jeugdhulp, jeugdaanbieder, **{"vz-0-verlengde_jeugdhulp": "hervatting"})
    )
    assert response.status_code == 302
    assert Voorziening.objects.get().verlengde_jeugdhulp == "hervatting"


def test_wmo_besluit_vraagt_geen_grond(vandaag, client_for, consultant, opschalen):
    casus = services.casus_claimen(casus=opschalen("wmo"), door=consultant)
    url = reverse("backoffice:besluit", kwargs={"nummer": casus.nummer})
    assert "verlengde jeugdhulp" not in client_for(consultant).get(url).content.decode()


def _bestaand(team, geboortedatum, start, grond=""):
    casus = CasusFactory(
        maatwerk=True, wet="jeugdwet", team=team, inwoner=InwonerFactory(geboortedatum=geboortedatum)
    )
    product = ProductFactory(wet="jeugdwet", categorie="45")
    return VoorzieningFactory(
        besluit=BesluitFactory(casus=casus), product=product, startdatum=start, verlengde_jeugdhulp=grond
    )


def test_rapport_somt_de_bestaande_op(vandaag, team, client_for, teamleider, consultant):
    te_oud = _bestaand(team, date(1990, 1, 1), date(2025, 6, 1))
    zonder_grond = _bestaand(team, date(2006, 1, 1), date(2025, 6, 1))
    _bestaand(team, date(2006, 1, 1), date(2025, 6, 1), grond="voortzetting")  # carried by art. 1.1
    _bestaand(team, date(2010, 1, 1), date(2025, 6, 1))  # a jeugdige
    VoorzieningFactory(casus__inwoner__geboortedatum=date(1950, 1, 1))  # Wmo: not this report
    rijen = jeugdhulp_voor_volwassenen(Casus.objects.all())
    assert {r["voorziening"] for r in rijen} == {te_oud, zonder_grond}
    assert {r["leeftijd"] for r in rijen} == {35, 19}

    url = reverse("backoffice:jeugdhulp_volwassenen")
    assert client_for(consultant).get(url).status_code == 403
    response = client_for(teamleider).get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert te_oud.casus.nummer in html and zonder_grond.casus.nummer in html
    assert "geen vastgelegd" in html
    assert te_oud.casus.inwoner.bsn not in html
    assert Verwerking.objects.filter(actor=teamleider, inwoner_id=te_oud.casus.inwoner_id).exists()


def test_rapport_buiten_het_team_leeg(vandaag, client_for, teamleider):
    from tests.factories.netwerk import TeamFactory

    _bestaand(TeamFactory(naam="Ander team"), date(1990, 1, 1), date(2025, 6, 1))
    html = client_for(teamleider).get(reverse("backoffice:jeugdhulp_volwassenen")).content.decode()
    assert 'data-testid="jeugdhulp-volwassenen-leeg"' in html
