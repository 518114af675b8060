"""Bezwaar: the Awb 7:10 term from the end of the objection period, late objections, one extension
of at most six weeks, and a gegrond bezwaar leading to a new besluit."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from backoffice import services
from backoffice.models import Besluit, Bezwaar, Termijn
from tests.factories.backoffice import BesluitFactory, VoorzieningFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def besluit(vandaag, team, consultant):
    # Sent on Monday 2 March 2026: objection period ends Monday 13 April.
    return BesluitFactory(
        casus__team=team, casus__behandelaar=consultant, besluitdatum=vandaag, verzonden_op=vandaag
    )


def test_bezwaar_tijdig_met_termijn_vanaf_einde_bezwaartermijn(besluit, consultant):
    bezwaar = services.bezwaar_registreren(
        besluit=besluit,
        ontvangen_op=date(2026, 3, 2),
        adviescommissie=False,
        gronden="Te weinig uren",
        door=consultant,
    )
    assert bezwaar.einde_bezwaartermijn == date(2026, 4, 13) and not bezwaar.te_laat
    termijn = Termijn.objects.get(bezwaar=bezwaar)
    assert termijn.soort == "bezwaar_beslissing"
    assert termijn.uiterste_datum == date(2026, 5, 26)
    assert "einde bezwaartermijn 13-4-2026" in termijn.regel


def test_bezwaar_met_adviescommissie_twaalf_weken(besluit, consultant):
    bezwaar = services.bezwaar_registreren(
        besluit=besluit, ontvangen_op=date(2026, 3, 2), adviescommissie=True, door=consultant
    )
    assert Termijn.objects.get(bezwaar=bezwaar).uiterste_datum == date(2026, 7, 6)


def test_te_laat_bezwaar_wordt_gemarkeerd(besluit, consultant):
    with time_machine.travel(date(2026, 4, 20), tick=False):
        bezwaar = services.bezwaar_registreren(
            besluit=besluit, ontvangen_op=date(2026, 4, 20), adviescommissie=False, door=consultant
        )
    assert bezwaar.te_laat
    assert "Te laat" in besluit.casus.gebeurtenissen.filter(soort="bezwaar").get().tekst


def test_bezwaar_eenmaal_verdagen_met_maximaal_zes_weken(besluit, consultant):
    bezwaar = services.bezwaar_registreren(
        besluit=besluit, ontvangen_op=date(2026, 3, 2), adviescommissie=False, door=consultant
    )
    termijn = Termijn.objects.get(bezwaar=bezwaar)
    with pytest.raises(ValidationError) as fout:
        services.termijn_verdagen(
            termijn=termijn,
            nieuwe_datum=termijn.uiterste_datum + timedelta(weeks=7),
            medegedeeld_op=date(2026, 3, 2),
            mededeling="Later",
            door=consultant,
        )
    assert "ten hoogste zes weken" in fout.value.message_dict["nieuwe_datum"][0]
    services.termijn_verdagen(
        termijn=termijn,
        nieuwe_datum=date(2026, 7, 4),
        medegedeeld_op=date(2026, 3, 2),
        mededeling="Hoorzitting nodig",
        door=consultant,
    )
    termijn.refresh_from_db()
    assert termijn.uiterste_datum == date(2026, 7, 6)
    with pytest.raises(ValidationError) as fout:
        services.termijn_verdagen(
            termijn=termijn,
            nieuwe_datum=date(2026, 7, 20),
            medegedeeld_op=date(2026, 3, 2),
            mededeling="Nog later",
            door=consultant,
        )
    assert "één keer" in fout.value.messages[0]
    services.termijn_verdagen(
        termijn=termijn,
        nieuwe_datum=date(2026, 7, 20),
        medegedeeld_op=date(2026, 3, 2),
        mededeling="Met instemming",
        met_instemming=True,
        door=consultant,
    )
    termijn.refresh_from_db()
    assert termijn.uiterste_datum == date(2026, 7, 20)


def test_bezwaar_opschorting_voor_verzuim(besluit, consultant):
    bezwaar = services.bezwaar_registreren(
        besluit=besluit, ontvangen_op=date(2026, 3, 2), adviescommissie=False, door=consultant
    )
    termijn = Termijn.objects.get(bezwaar=bezwaar)
    services.termijn_opschorten(
        termijn=termijn, van=date(2026, 4, 20), reden="Verzuim: handtekening ontbreekt", door=consultant
    )
    services.termijn_hervatten(termijn=termijn, tot=date(2026, 4, 30), door=consultant)
    termijn.refresh_from_db()
    assert termijn.uiterste_datum == date(2026, 6, 4)


def test_gegrond_bezwaar_leidt_tot_nieuw_besluit(besluit, consultant, vandaag, begeleiding, zorgaanbieder):
    casus = besluit.casus
    casus.fase = "in_zorg"
    casus.save()
    VoorzieningFactory(besluit=besluit, product=begeleiding, aanbieder=zorgaanbieder)
    bezwaar = services.bezwaar_registreren(
        besluit=besluit, ontvangen_op=vandaag, adviescommissie=False, door=consultant
    )
    services.bezwaar_beslissen(
        bezwaar=bezwaar,
        uitkomst="gegrond",
        beslist_op=vandaag,
        toelichting="Meer uren nodig.",
        door=consultant,
    )
    assert Termijn.objects.get(bezwaar=bezwaar).afgerond_op == vandaag
    nieuw = services.besluit_nemen(
        casus=casus,
        soort="toekenning",
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="Na bezwaar: 5 uur.",
        grondslag="Wmo 2015 art. 2.3.5",
        door=consultant,
        na_bezwaar=bezwaar,
        voorzieningen=[
            {
                "product": begeleiding,
                "aanbieder": zorgaanbieder,
                "leveringsvorm": "natura",
                "volume": 5,
                "eenheid": "uur",
                "frequentie": "week",
                "startdatum": vandaag,
                "einddatum": vandaag + timedelta(days=90),
            }
        ],
    )
    assert nieuw.na_bezwaar == bezwaar
    with pytest.raises(ValidationError):
        services.besluit_nemen(
            casus=casus,
            soort="afwijzing",
            besluitdatum=vandaag,
            verzonden_op=vandaag,
            motivering="x",
            grondslag="x",
            door=consultant,
            na_bezwaar=bezwaar,
        )
    assert Besluit.objects.filter(casus=casus).count() == 2


def test_ongegrond_bezwaar_geeft_geen_nieuw_besluit(besluit, consultant, vandaag):
    bezwaar = services.bezwaar_registreren(
        besluit=besluit, ontvangen_op=vandaag, adviescommissie=False, door=consultant
    )
    services.bezwaar_beslissen(
        bezwaar=bezwaar, uitkomst="ongegrond", beslist_op=vandaag, toelichting="Zorgvuldig.", door=consultant
    )
    with pytest.raises(ValidationError):
        services.bezwaar_beslissen(
            bezwaar=bezwaar, uitkomst="gegrond", beslist_op=vandaag, toelichting="x", door=consultant
        )
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(
            casus=besluit.casus,
            soort="afwijzing",
            besluitdatum=vandaag,
            verzonden_op=vandaag,
            motivering="x",
            grondslag="x",
            door=consultant,
            na_bezwaar=bezwaar,
        )
    assert "gegrond bezwaar" in fout.value.messages[0]
    assert Bezwaar.objects.get().uitkomst == "ongegrond"
