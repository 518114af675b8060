"""The provider's answers close the loop through backoffice services: a 305 starts the voorziening
(and the case goes in zorg), a definitive 307 ends it with the reason in words and one signal to
the regisseur (one per end, whoever reports it first), a temporary stop (reden 20) ends nothing,
and a 315 of an aanbieder without contract is a consultant's task answered with a 319 (WJ759 3)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from backoffice.models import EindeMelder, Voorziening, VoorzieningMutatie
from backoffice.services import voorziening_gestopt
from berichten import demo
from berichten.models import Bericht, Levering, Richting, Status, Verzoek
from berichten.services.mutaties import mutaties_verwerken
from berichten.services.ontvangen import bestand_verwerken
from berichten.services.verzoeken import verzoek_afwijzen, verzoek_goedkeuren
from intake.workflow import Fase
from signalen.models import Signaal, SignaalSoort
from signalen.services import standaardregels_aanmaken, sweep_alle
from tests.factories.backoffice import ZorgaanbiederFactory

from .conftest import assert_valid

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regels(db):
    standaardregels_aanmaken()


@pytest.fixture
def later(toekennen, huishoudelijke_hulp, thuiszorg, consultant):
    """A besluit whose voorziening starts in two weeks: the case stays in fase besluit."""
    start = timezone.localdate() + timedelta(days=14)
    casus = toekennen(huishoudelijke_hulp, thuiszorg, startdatum=start, einddatum=start + timedelta(days=180))
    casus.regisseur = consultant
    casus.save(update_fields=["regisseur"])
    assert casus.fase == Fase.BESLUIT
    return casus


def _ontvang(inhoud: bytes) -> Bericht:
    bericht = bestand_verwerken(bestandsnaam="b.xml", inhoud=inhoud)
    assert bericht.status == Status.VERWERKT, bericht.fouten
    return bericht


def _gestart(casus) -> Levering:
    _ontvang(demo.startbericht(casus.toewijzingen.get(), "1959"))
    return Levering.objects.get(toewijzing__casus=casus)


def test_305_start_de_voorziening_en_zet_de_casus_in_zorg(later):
    levering = _gestart(later)
    later.refresh_from_db()
    voorziening = later.voorzieningen.get()
    assert later.fase == Fase.IN_ZORG
    assert voorziening.gestart_op == levering.begindatum
    assert later.gebeurtenissen.filter(tekst__startswith="Zorg gestart").exists()


def test_definitieve_307_beeindigt_voorziening_met_reden_en_een_signaal(later, consultant):
    levering = _gestart(later)
    _ontvang(demo.stopbericht(levering, "1959"))  # reden 19: volgens plan
    voorziening = later.voorzieningen.get()
    # The stop date (today), within the voorziening's period (it starts in two weeks).
    eind = max(levering.begindatum, timezone.localdate(), voorziening.startdatum)
    assert voorziening.beeindigd_op == eind
    assert "volgens plan" in voorziening.beeindigingsreden.lower()
    assert voorziening.einde_gemeld_door == EindeMelder.AANBIEDER
    assert not Voorziening.objects.lopend().filter(pk=voorziening.pk).exists()  # raad report, stapeling
    # The outbox makes the 301 that ends the toewijzing.
    assert VoorzieningMutatie.objects.filter(voorziening=voorziening, verwerkt_op__isnull=True).exists()
    mutaties_verwerken()
    assert later.toewijzingen.get().einddatum == eind
    assert_valid(Bericht.objects.filter(berichttype="WMO301").order_by("pk").last())
    sweep_alle()
    sweep_alle()
    (signaal,) = Signaal.objects.filter(regel=SignaalSoort.ZORG_GESTOPT)
    assert signaal.ontvanger == consultant  # the regisseur
    assert signaal.tekst.startswith("Zorg gestopt: Levering volgens plan")
    # The BRP reports the death afterwards: the voorziening had ended, no second signal.
    assert not voorziening_gestopt(
        voorziening=voorziening, op=eind, reden="Overleden", melder=EindeMelder.BRP
    )
    sweep_alle()
    assert Signaal.objects.filter(regel=SignaalSoort.ZORG_GESTOPT).count() == 1


def test_brp_eerst_dan_307_geeft_een_signaal(later):
    levering = _gestart(later)
    voorziening = later.voorzieningen.get()
    assert voorziening_gestopt(
        voorziening=voorziening, op=timezone.localdate(), reden="Overleden (BRP)", melder=EindeMelder.BRP
    )
    sweep_alle()
    _ontvang(demo.stopbericht(levering, "1959", reden="02"))
    sweep_alle()
    (signaal,) = Signaal.objects.filter(regel=SignaalSoort.ZORG_GESTOPT)
    assert "Overleden (BRP)" in signaal.tekst
    voorziening.refresh_from_db()
    assert voorziening.einde_gemeld_door == EindeMelder.BRP


def test_tijdelijke_stop_reden_20_beeindigt_niets(later):
    levering = _gestart(later)
    _ontvang(demo.stopbericht(levering, "1959", reden="20"))
    voorziening = later.voorzieningen.get()
    assert voorziening.beeindigd_op is None and voorziening.einde_gemeld_door == ""
    levering.refresh_from_db()
    assert levering.tijdelijk_gestopt
    sweep_alle()
    assert not Signaal.objects.filter(regel=SignaalSoort.ZORG_GESTOPT).exists()


@pytest.fixture
def ongecontracteerd(db):
    """An aanbieder on the sociale kaart of Westerkwartier only: no contract with Altena."""
    return ZorgaanbiederFactory(naam="Zorg Elders", agb_code="75888888", gemeente="Westerkwartier")


def test_315_zonder_contract_wordt_taak_en_afwijzing_geeft_319_reden_3(
    later, ongecontracteerd, consultant, client_for
):
    bericht = _ontvang(demo.verzoek_om_toewijzing(later, ongecontracteerd, "1959", "02", ""))
    verzoek = Verzoek.objects.get(bericht=bericht)
    assert verzoek.zonder_contract and verzoek.aanbieder_agb == "75888888" and verzoek.casus == later
    in_onderzoek = Bericht.objects.get(richting=Richting.UIT, berichttype="WMO319", antwoord_op=bericht)
    assert in_onderzoek.ontvanger == "75888888"
    sweep_alle()  # the task reaches the behandelaar like any verzoek
    assert Signaal.objects.filter(
        regel=SignaalSoort.VERZOEK_ONTVANGEN, tekst__contains="geen contract"
    ).exists()
    c = client_for(consultant)
    html = c.get(reverse("berichten:verzoek", args=[verzoek.pk])).content.decode()
    assert "Geen contract" in html and "75888888" in html
    with pytest.raises(ValidationError):
        verzoek_goedkeuren(verzoek=verzoek, door=consultant)
    response = c.post(
        reverse("berichten:verzoek", args=[verzoek.pk]),
        {"beslissing": "afwijzen", "reden": "3", "toelichting": ""},
    )
    assert response.status_code == 302
    antwoord = Bericht.objects.filter(berichttype="WMO319").order_by("pk").last()
    doc = assert_valid(antwoord)
    assert [el.text for el in doc.iter("{*}VerzoekAntwoord")] == ["1"]
    assert [el.text for el in doc.iter("{*}RedenAfwijzingVerzoek")] == ["3"]
    assert etree.QName(doc).localname == "Bericht" and antwoord.ontvanger == "75888888"
    verzoek.refresh_from_db()
    assert verzoek.uitkomst == Verzoek.Uitkomst.AFGEWEZEN
    with pytest.raises(ValidationError):
        verzoek_afwijzen(verzoek=verzoek, reden="3", door=consultant)
