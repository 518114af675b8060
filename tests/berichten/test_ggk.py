"""The StUF-GGk 2.1 envelope: every message the gemeente sends travels in a ggk_Di01 (retours in a
ggk_Du01) that validates against the published ggk0310_msg.xsd; every published example envelope is
read; a received envelope is unwrapped, and one whose functie or addressee does not match its
content is refused with 0001. The oracle is ../shared (skipped where absent)."""

import base64

import pytest
from lxml import etree

from berichten.ggk import EnvelopFout, inpakken, uitpakken
from berichten.models import Bericht, Richting, Status
from berichten.services.ontvangen import inbox_verwerken

from .conftest import SHARED, assert_valid
from .helpers import in_inbox, opzetten, voorbeeld

pytestmark = pytest.mark.django_db

GGK = SHARED / "ggk"
STUF = "{http://www.egem.nl/StUF/StUF0301}"


@pytest.fixture
def ggk_schema():
    pad = GGK / "ggk0310_21" / "ggkberichten" / "ggk0310_msg.xsd"
    if not pad.is_file():
        pytest.skip("../shared/istandaarden/ggk ontbreekt: het orakel voor de GGk-envelop")
    return etree.XMLSchema(etree.parse(str(pad)))


def _verpakt_voorbeeld(naam: str, **anders) -> bytes:
    inhoud = voorbeeld(naam)
    kop = {etree.QName(el).localname: (el.text or "").strip() for el in etree.fromstring(inhoud).iter()}
    velden = {
        "inhoud": inhoud,
        "berichttype": naam,
        "zender": kop["Afzender"],
        "ontvanger": kop["Ontvanger"],
        "identificatie": kop["Identificatie"],
        "bestandsnaam": f"{naam}.xml",
        **anders,
    }
    return inpakken(**velden)


def test_uitgaande_berichten_in_een_geldige_envelop(
    ggk_schema, berichtenmap, toekennen, huishoudelijke_hulp, thuiszorg
):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    bericht = Bericht.objects.get(casus=casus, berichttype="WMO301")
    bestand = berichtenmap / "uit" / bericht.bestandsnaam
    doc = etree.parse(str(bestand))
    assert ggk_schema.validate(doc), ggk_schema.error_log
    root = doc.getroot()
    assert etree.QName(root).localname == "envelopHeenbericht-ggk_Di01"
    assert root.findtext(f".//{STUF}functie") == "WMO301"
    assert root.findtext(f".//{STUF}zender/{STUF}organisatie") == "1959"  # the gemeente
    assert root.findtext(f".//{STUF}referentienummer")
    inhoud = base64.b64decode(root.findtext(".//{*}bericht"))
    assert inhoud == bytes(bericht.inhoud)
    assert_valid(inhoud, "WMO301")


def test_retour_in_du01_met_crossref_naar_de_envelop_van_het_heenbericht(ggk_schema, berichtenmap):
    opzetten(voorbeeld("WMO305"))
    heen = _verpakt_voorbeeld("WMO305", referentienummer="ref-van-de-aanbieder-1")
    in_inbox(berichtenmap, "start.xml", heen)
    inbox_verwerken()
    ontvangen = Bericht.objects.get(richting=Richting.IN)
    assert ontvangen.status == Status.VERWERKT, ontvangen.fouten
    assert ontvangen.envelop_referentie == "ref-van-de-aanbieder-1"
    assert bytes(ontvangen.inhoud) == voorbeeld("WMO305")  # the message itself, unwrapped
    retour = ontvangen.antwoorden.get()
    doc = etree.parse(str(berichtenmap / "uit" / retour.bestandsnaam))
    assert ggk_schema.validate(doc), ggk_schema.error_log
    assert etree.QName(doc.getroot()).localname == "envelopRetourbericht-ggk_Du01"
    assert doc.getroot().findtext(f".//{STUF}crossRefnummer") == "ref-van-de-aanbieder-1"
    assert doc.getroot().findtext(f".//{STUF}functie") == "WMO306"


@pytest.mark.parametrize(
    "pad",
    [
        "voorbeeldberichten/envelopHeenbericht-ggk_Di01_v21.xml",
        "voorbeeldberichten/envelopRetourbericht-ggk_Du01-v21.gecorrigeerd.xml",
        "ggk0310_21/ggkberichten/ggk_Di01.xml",
        "ggk0310_21/ggkberichten/ggk_Du01.xml",
    ],
)
def test_elk_voorbeeld_wordt_gelezen(ggk_schema, pad):
    envelop = uitpakken((GGK / pad).read_bytes())
    assert envelop.functie in ("WMO301", "WMO302") and envelop.referentienummer and envelop.bericht


def test_het_niet_welgevormde_voorbeeld_wordt_netjes_geweigerd(ggk_schema):
    with pytest.raises(EnvelopFout):
        uitpakken((GGK / "voorbeeldberichten" / "envelopRetourbericht-ggk_Du01-v21.xml").read_bytes())


def test_functie_past_niet_bij_inhoud_geeft_0001(ggk_schema, berichtenmap):
    opzetten(voorbeeld("WMO305"))
    envelop = _verpakt_voorbeeld("WMO305").replace(b"<StUF:functie>WMO305<", b"<StUF:functie>WMO307<")
    in_inbox(berichtenmap, "f.xml", envelop)
    inbox_verwerken()
    bericht = Bericht.objects.get(richting=Richting.IN)
    assert bericht.status == Status.AFGEWEZEN and bericht.fouten[0]["regel"] == "AT08"
    assert "functie WMO307" in bericht.fouten[0]["tekst"]
    retour = bericht.antwoorden.get()
    assert [el.text for el in etree.fromstring(bytes(retour.inhoud)).find("{*}Header/{*}RetourCodes")] == [
        "0001"
    ]


def test_geadresseerde_past_niet_bij_inhoud_geeft_0001(ggk_schema, berichtenmap):
    opzetten(voorbeeld("WMO305"))
    in_inbox(berichtenmap, "g.xml", _verpakt_voorbeeld("WMO305", ontvanger="1969"))
    inbox_verwerken()
    bericht = Bericht.objects.get(richting=Richting.IN)
    assert bericht.status == Status.AFGEWEZEN and bericht.fouten[0]["regel"] == "AT08"
    assert not bericht.casus_id


@pytest.mark.parametrize(
    "kapot",
    [
        lambda e: e.replace(b"<StUF:berichtcode>Di01<", b"<StUF:berichtcode>Xx99<"),
        lambda e: e.replace(b'contentType="application/xml">', b'contentType="application/xml">%%%'),
        lambda e: e.replace(b"<GGK:stuurgegevens>", b"<GGK:stuurgegevens><GGK:onbekend/>"),
    ],
    ids=["berichtcode", "geen-base64", "schema"],
)
def test_kapotte_envelop_gaat_opzij_met_reden(ggk_schema, berichtenmap, kapot):
    in_inbox(berichtenmap, "k.xml", kapot(_verpakt_voorbeeld("WMO305")))
    assert inbox_verwerken() == 1
    bericht = Bericht.objects.get(richting=Richting.IN)
    assert bericht.status == Status.ONLEESBAAR and bericht.fouten[0]["regel"] == "AT08"
    assert (berichtenmap / "in" / "fout" / "k.xml").exists()
