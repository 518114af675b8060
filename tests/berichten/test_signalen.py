"""The berichtenverkeer signals (rules in the signalen app over berichten's tables): a verzoek
arrives, a retour reports errors, a toewijzing has no start four weeks after its ingangsdatum."""

from datetime import timedelta

import pytest
from django.utils import timezone

from berichten.models import Bericht, Levering, Status
from berichten.services.ontvangen import inbox_verwerken
from signalen.models import Signaal, SignaalSoort
from signalen.services import standaardregels_aanmaken, sweep_alle

from .helpers import in_inbox, opzetten, voorbeeld

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regels(db):
    standaardregels_aanmaken()  # a transactional test elsewhere may have flushed them


def signalen(regel):
    return list(Signaal.objects.filter(regel=regel))


def test_verzoek_geeft_signaal_aan_behandelaar(berichtenmap, team, consultant):
    opzetten(voorbeeld("WMO315"), team=team, behandelaar=consultant)
    in_inbox(berichtenmap, "vot.xml", voorbeeld("WMO315"))
    inbox_verwerken()
    sweep_alle()
    sweep_alle()
    (signaal,) = signalen(SignaalSoort.VERZOEK_ONTVANGEN)
    assert signaal.ontvanger == consultant and "Verzoek om toewijzing" in signaal.tekst


def test_retour_met_fouten_geeft_signaal(toekennen, huishoudelijke_hulp, thuiszorg, consultant):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    Bericht.objects.filter(berichttype="WMO301").update(status=Status.RETOUR_FOUTEN, retourcodes=["9332"])
    sweep_alle()
    (signaal,) = signalen(SignaalSoort.RETOUR_MET_FOUTEN)
    assert signaal.casus == casus and "9332" in signaal.tekst


def test_geen_startbericht_na_vier_weken(toekennen, huishoudelijke_hulp, thuiszorg, time_machine):
    toekennen(huishoudelijke_hulp, thuiszorg)
    time_machine.move_to(timezone.now() + timedelta(weeks=4) - timedelta(days=1))
    sweep_alle()
    assert not signalen(SignaalSoort.GEEN_STARTBERICHT)
    time_machine.move_to(timezone.now() + timedelta(days=1))
    sweep_alle()
    (signaal,) = signalen(SignaalSoort.GEEN_STARTBERICHT)
    assert "nog geen startbericht (305)" in signaal.tekst


def test_met_startbericht_geen_signaal(toekennen, huishoudelijke_hulp, thuiszorg, time_machine):
    toekennen(huishoudelijke_hulp, thuiszorg)
    from berichten.models import Toewijzing

    t = Toewijzing.objects.get()
    Levering.objects.create(toewijzing=t, begindatum=t.ingangsdatum)
    time_machine.move_to(timezone.now() + timedelta(weeks=6))
    sweep_alle()
    assert not signalen(SignaalSoort.GEEN_STARTBERICHT)
