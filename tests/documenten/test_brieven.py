"""Each kind of letter renders as a PDF that holds what the inwoner needs; the bezwaartermijn
starts at the bekendmaking; a sent letter never changes; a correction names the original."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from backoffice.models import Onderzoek, Verdaging
from backoffice.services import bezwaar_registreren
from documenten.models import Brief, BriefSjabloon
from documenten.services import BriefAlVerzonden, brief_verzenden, sjabloon_opslaan
from tests.factories.backoffice import AanvraagFactory, BezwaarFactory, TermijnFactory

from .conftest import lang, pdf_tekst

pytestmark = pytest.mark.django_db


def verzenden(besluit_of_obj, soort, door, casus=None, op=None, **kw):
    return brief_verzenden(
        casus=casus or besluit_of_obj.casus,
        soort=soort,
        obj=besluit_of_obj,
        verzonden_op=op or timezone.localdate(),
        kanaal="post",
        door=door,
        **kw,
    )


def _gedeeltelijk(besluit):
    besluit.soort = "gedeeltelijke_toekenning"
    besluit.save()
    return besluit


def _afwijzing(besluit):
    besluit.voorzieningen.all().delete()
    besluit.soort = "afwijzing"
    besluit.save()
    return besluit


def _aanvraag_open(besluit):
    return AanvraagFactory(casus=besluit.casus, ontvangen_op=timezone.localdate() - timedelta(days=3))


def _verdaging(besluit):
    termijn = TermijnFactory(casus=besluit.casus, soort="wmo_beschikking")
    return Verdaging.objects.create(
        termijn=termijn,
        medegedeeld_op=timezone.localdate(),
        nieuwe_datum=timezone.localdate() + timedelta(days=28),
        mededeling="Wij wachten op het advies van de GGD.",
    )


def _onderzoek(besluit):
    return Onderzoek.objects.create(
        casus=besluit.casus,
        gestart_op=timezone.localdate() - timedelta(days=20),
        gesprek_datum=timezone.localdate() - timedelta(days=15),
        deelnemers="Mevrouw Verbeek en haar zoon",
        verslag="Mevrouw kan het huishouden niet meer zelf doen.",
    )


def _bezwaar(besluit):
    return BezwaarFactory(
        besluit=besluit,
        uitkomst="ongegrond",
        beslist_op=timezone.localdate(),
        toelichting_beslissing="Het besluit blijft in stand.",
    )


SOORTEN = [
    ("beschikking_toekenning", lambda b: b, True, True),
    ("beschikking_gedeeltelijk", _gedeeltelijk, True, True),
    ("beschikking_afwijzing", _afwijzing, False, True),
    ("buiten_behandeling", _aanvraag_open, False, True),
    ("verdagingsbrief", _verdaging, False, False),
    ("onderzoeksverslag", _onderzoek, False, False),
    ("ontvangstbevestiging", _aanvraag_open, False, False),
    ("beslissing_op_bezwaar", _bezwaar, False, True),
]


@pytest.mark.parametrize(("soort", "maak", "voorzieningen", "termijn"), SOORTEN, ids=[s[0] for s in SOORTEN])
def test_elke_soort_brief_wordt_een_pdf_met_wat_de_inwoner_nodig_heeft(
    besluit_met_voorziening, consultant, soort, maak, voorzieningen, termijn
):
    besluit = besluit_met_voorziening
    obj = maak(besluit)
    brief = verzenden(obj, soort, consultant, casus=besluit.casus)
    tekst = pdf_tekst(brief)
    assert brief.sha256 and len(brief.sha256) == 64
    assert besluit.casus.nummer in tekst
    assert "Johanna Verbeek" in tekst
    assert "J. de Vries" in tekst  # the signatory from the letterhead
    assert besluit.casus.inwoner.bsn not in tekst
    if voorzieningen:
        assert "Hulp bij het huishouden" in tekst
        assert "categorie 01" in tekst
        assert "3 uur per week" in tekst
        assert "5 januari 2026 tot en met 31 december 2026" in tekst
        assert "Thuiszorg De Waard (AGB 75009876)" in tekst
    if termijn:
        assert brief.einde_bezwaartermijn is not None
        assert lang(brief.einde_bezwaartermijn) in tekst
    assert brief.sjabloon_versie.versie == 1
    assert besluit.casus.gebeurtenissen.filter(soort="brief", gegevens__brief=brief.pk).exists()


def test_geen_bsn_tenzij_het_sjabloon_erom_vraagt(besluit_met_voorziening, consultant, gemeente):
    sjabloon = BriefSjabloon.objects.get(gemeente=gemeente, soort="beschikking_toekenning", wet="wmo")
    sjabloon_opslaan(
        sjabloon=sjabloon,
        onderwerp=sjabloon.onderwerp,
        inhoud=sjabloon.inhoud + "<p>Uw BSN: {{ inwoner.bsn }}</p>",
        door=None,
    )
    brief = verzenden(besluit_met_voorziening, "beschikking_toekenning", consultant)
    assert besluit_met_voorziening.casus.inwoner.bsn in pdf_tekst(brief)
    assert brief.sjabloon_versie.versie == 2


def test_pgb_met_bedrag_en_in_natura_bij_de_aanbieder(besluit_met_voorziening, consultant):
    v = besluit_met_voorziening.voorzieningen.get()
    v.leveringsvorm, v.aanbieder, v.eenheid, v.volume, v.frequentie = "pgb", None, "euro", 1250, "maand"
    v.save()
    tekst = pdf_tekst(verzenden(besluit_met_voorziening, "beschikking_toekenning", consultant))
    assert "Persoonsgebonden budget (pgb) van € 1.250,00" in tekst


def test_besluit_dat_iets_mist_kan_niet_worden_verzonden(besluit_met_voorziening, consultant):
    v = besluit_met_voorziening.voorzieningen.get()
    v.leveringsvorm, v.aanbieder = "pgb", None  # a pgb in hours: no amount
    v.save()
    inwoner = besluit_met_voorziening.casus.inwoner
    inwoner.woonplaats = ""
    inwoner.save()
    with pytest.raises(ValidationError) as fout:
        verzenden(besluit_met_voorziening, "beschikking_toekenning", consultant)
    meldingen = " ".join(fout.value.messages)
    assert "een pgb zonder bedrag" in meldingen
    assert "woonplaats ontbreekt" in meldingen
    assert not Brief.objects.exists()


@pytest.mark.parametrize(
    ("verzonden", "einde"),
    [
        (date(2026, 3, 24), date(2026, 5, 6)),  # 5 May (Tuesday) is a feestdag under the Atw
        (date(2026, 3, 21), date(2026, 5, 4)),  # a Saturday: moves to Monday
        (date(2026, 3, 13), date(2026, 4, 24)),  # plain six weeks
    ],
)
def test_bezwaartermijn_loopt_vanaf_de_bekendmaking(
    gemeente, besluit_met_voorziening, consultant, verzonden, einde
):
    besluit = besluit_met_voorziening
    besluit.besluitdatum = date(2026, 3, 2)
    besluit.verzonden_op = date(2026, 3, 2)
    besluit.aanvraag.ontvangen_op = date(2026, 2, 20)
    besluit.aanvraag.save()
    besluit.save()
    with time_machine.travel(date(2026, 3, 25), tick=False):
        brief = verzenden(besluit, "beschikking_toekenning", consultant, op=verzonden)
        besluit.refresh_from_db()
        assert brief.einde_bezwaartermijn == einde
        assert besluit.verzonden_op == verzonden  # the bekendmaking is the besluit's
        assert lang(einde) in pdf_tekst(brief)
        bezwaar = bezwaar_registreren(
            besluit=besluit, ontvangen_op=date(2026, 3, 25), adviescommissie=False, door=consultant
        )
    assert bezwaar.einde_bezwaartermijn == einde  # the backoffice computes the same day


def test_verzenddatum_in_de_toekomst_of_voor_het_besluit_geweigerd(besluit_met_voorziening, consultant):
    with pytest.raises(ValidationError) as fout:
        verzenden(
            besluit_met_voorziening,
            "beschikking_toekenning",
            consultant,
            op=timezone.localdate() + timedelta(1),
        )
    assert "verzonden_op" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        verzenden(besluit_met_voorziening, "beschikking_toekenning", consultant, op=date(2020, 1, 1))
    assert "verzonden_op" in fout.value.message_dict


def test_verzonden_brief_verandert_nooit(besluit_met_voorziening, consultant):
    brief = verzenden(besluit_met_voorziening, "beschikking_toekenning", consultant)
    brief.onderwerp = "Anders"
    with pytest.raises(ValueError, match="kan niet worden gewijzigd"):
        brief.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        Brief.objects.filter(pk=brief.pk).update(onderwerp="Anders")
    with pytest.raises(BriefAlVerzonden):
        verzenden(besluit_met_voorziening, "beschikking_toekenning", consultant)
    assert Brief.objects.count() == 1


def test_correctie_is_een_nieuwe_brief_die_het_origineel_noemt(besluit_met_voorziening, consultant):
    origineel = verzenden(besluit_met_voorziening, "beschikking_toekenning", consultant)
    sha = origineel.sha256
    correctie = verzenden(
        besluit_met_voorziening,
        "beschikking_toekenning",
        consultant,
        vervangt=origineel,
        vrije_tekst="In onze vorige brief stond een verkeerde einddatum.",
    )
    origineel.refresh_from_db()
    assert correctie.vervangt == origineel
    assert origineel.vervangen_door == correctie
    assert origineel.sha256 == sha
    tekst = pdf_tekst(correctie)
    assert "Deze brief vervangt onze brief van" in tekst
    assert "verkeerde einddatum" in tekst
    with pytest.raises(BriefAlVerzonden):  # one correction per letter; correct the correction
        verzenden(besluit_met_voorziening, "beschikking_toekenning", consultant, vervangt=origineel)
