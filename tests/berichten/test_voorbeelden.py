"""Every published example the gemeente receives (305, 307, 315, 317, 323, and the providers'
retours 302/320) is read and processed, or rejected with a named rule; every retour and answer
the project writes on them validates against the XSD."""

import pytest

from berichten.models import Bericht, Levering, Richting, Status, Verzoek
from berichten.services.ontvangen import inbox_verwerken

from .conftest import assert_valid
from .helpers import in_inbox, opzetten, voorbeeld

pytestmark = pytest.mark.django_db


def ontvang(map, naam):
    inhoud = voorbeeld(naam)
    in_inbox(map, f"{naam}.xml", inhoud)
    inbox_verwerken()
    return Bericht.objects.get(richting=Richting.IN, berichttype=naam)


def retour_van(bericht):
    retour = Bericht.objects.get(antwoord_op=bericht, berichttype__regex=r"(306|308|316|318)$")
    assert retour.status == Status.VERSTUURD
    return retour, assert_valid(retour)


@pytest.mark.parametrize("naam", ["WMO305", "JW305"])
def test_startbericht(berichtenmap, naam):
    casus, _, toewijzingen = opzetten(voorbeeld(naam))
    bericht = ontvang(berichtenmap, naam)
    assert bericht.status == Status.VERWERKT, bericht.fouten
    assert bericht.casus == casus
    assert Levering.objects.filter(toewijzing__in=toewijzingen.values()).count() == len(toewijzingen)
    retour, doc = retour_van(bericht)
    codes = {el.text for el in doc.iter() if str(el.tag).endswith("RetourCode")}
    assert codes == {"0200"}
    assert (berichtenmap / "in" / "verwerkt" / f"{naam}.xml").exists()
    assert (berichtenmap / "uit" / retour.bestandsnaam).exists()


@pytest.mark.parametrize("naam", ["WMO307", "JW307"])
def test_stopbericht(berichtenmap, naam):
    opzetten(voorbeeld(naam), met_levering=True)
    bericht = ontvang(berichtenmap, naam)
    assert bericht.status == Status.VERWERKT, bericht.fouten
    assert not Levering.objects.filter(einddatum__isnull=True).exists()
    assert set(Levering.objects.values_list("reden_beeindiging", flat=True)) <= {"19", "31", "21", "23"}
    retour_van(bericht)


@pytest.mark.parametrize("naam", ["WMO315", "JW315", "WMO317", "JW317"])
def test_verzoeken_worden_taak_met_retour_en_319_in_onderzoek(berichtenmap, naam):
    casus, aanbieder, _ = opzetten(voorbeeld(naam))
    bericht = ontvang(berichtenmap, naam)
    assert bericht.status == Status.VERWERKT, bericht.fouten
    verzoek = Verzoek.objects.get()
    assert (verzoek.casus, verzoek.aanbieder, verzoek.uitkomst) == (casus, aanbieder, "open")
    retour_van(bericht)
    antwoorden = Bericht.objects.filter(berichttype=naam[:-3] + "319")
    assert antwoorden.count() == len(
        {p.get("referentie", verzoek.referentie_aanbieder) for p in verzoek.producten}
    )
    for antwoord in antwoorden:
        assert_valid(antwoord)
        assert "VerzoekAntwoord>2<" in antwoord.xml


@pytest.mark.parametrize("naam", ["WMO323", "JW323"])
def test_declaratie_wordt_afgewezen_met_regel(berichtenmap, naam):
    opzetten(voorbeeld(naam))
    bericht = ontvang(berichtenmap, naam)
    assert bericht.status == Status.AFGEWEZEN
    assert bericht.fouten[0]["regel"] == "AT04"
    assert (berichtenmap / "in" / "fout" / f"{naam}.xml.fout.txt").exists()


@pytest.mark.parametrize("naam,origineel", [("JW302", "JW301"), ("JW320", "JW319")])
def test_retour_van_aanbieder_zet_status_van_verstuurd_bericht(berichtenmap, naam, origineel):
    from lxml import etree

    from netwerk.models import Gemeente
    from tests.factories.backoffice import ZorgaanbiederFactory

    inhoud = voorbeeld(naam)
    kop = {etree.QName(el).localname: (el.text or "").strip() for el in etree.fromstring(inhoud).iter()}
    afzender, ontvanger = kop["Afzender"], kop["Ontvanger"]
    Gemeente.objects.update_or_create(naam="Altena", defaults={"cbs_code": afzender})
    ZorgaanbiederFactory(agb_code=ontvanger, soort="zorgaanbieder_jeugd")
    verstuurd = Bericht.objects.create(
        richting=Richting.UIT,
        berichttype=origineel,
        identificatie=kop["Identificatie"],
        afzender=afzender,
        ontvanger=ontvanger,
        status=Status.VERSTUURD,
        inhoud=b"<x/>",
    )
    bericht = ontvang(berichtenmap, naam)
    assert bericht.status == Status.VERWERKT, bericht.fouten
    verstuurd.refresh_from_db()
    assert verstuurd.status in (Status.RETOUR_FOUTEN, Status.RETOUR_OK)
    if verstuurd.status == Status.RETOUR_FOUTEN:
        assert all(f["tekst"] for f in verstuurd.fouten)
