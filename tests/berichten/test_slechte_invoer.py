"""Every file, however broken or hostile, ends in the berichtenbox with a Dutch reason and out of
the inbox: a re-delivery gets 9056, a DTD or entity is refused, a file of 100 MB is never read
whole (0001 to its sender), a bug in the software puts the file aside instead of in a loop."""

import pytest
from django.core.management import call_command
from lxml import etree

from berichten import demo
from berichten.models import Bericht, Levering, Richting, Status
from berichten.services import ontvangen as ontvangen_module
from berichten.services.ontvangen import bestand_verwerken, inbox_verwerken

from .conftest import assert_valid
from .helpers import in_inbox, opzetten, voorbeeld

pytestmark = pytest.mark.django_db


def _retourcodes(bericht):
    retour = bericht.antwoorden.get()
    doc = assert_valid(retour)
    header = doc.find("{*}Header/{*}RetourCodes")
    return [el.text for el in header]


def test_byte_gelijke_herlevering_krijgt_9056(berichtenmap):
    opzetten(voorbeeld("WMO305"))
    in_inbox(berichtenmap, "a.xml", voorbeeld("WMO305"))
    inbox_verwerken()
    leveringen = Levering.objects.count()
    in_inbox(berichtenmap, "a.xml", voorbeeld("WMO305"))  # the same file, delivered again
    assert inbox_verwerken() == 1
    eerste, tweede = Bericht.objects.filter(richting=Richting.IN).order_by("pk")
    assert eerste.status == Status.VERWERKT
    assert tweede.status == Status.AFGEWEZEN and tweede.retourcodes == ["9056"]
    assert "al eerder ontvangen" in tweede.fouten[0]["tekst"]
    assert _retourcodes(tweede) == ["9056"]
    assert Levering.objects.count() == leveringen  # nothing applied twice
    assert not list((berichtenmap / "in").glob("*.xml"))
    assert (berichtenmap / "in" / "fout" / "a.xml.fout.txt").exists()


def test_herlevering_met_andere_bytes_krijgt_9056(berichtenmap):
    opzetten(voorbeeld("WMO305"))
    assert bestand_verwerken(bestandsnaam="a.xml", inhoud=voorbeeld("WMO305")).status == Status.VERWERKT
    anders = voorbeeld("WMO305").replace(b"<?xml", b"<!-- opnieuw -->\n<?xml", 0) + b"\n<!-- opnieuw -->"
    bericht = bestand_verwerken(bestandsnaam="b.xml", inhoud=anders)
    assert bericht.status == Status.AFGEWEZEN and "9056" in bericht.retourcodes


@pytest.mark.parametrize(
    "inhoud",
    [
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;&l;&l;">'
        b'<!ENTITY l3 "&l2;&l2;&l2;&l2;&l2;&l2;&l2;">]><a>&l3;</a>',
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "x">]><a>&onbekend;</a>',
        b"<a>&onbekend;</a>",
        b'<!DOCTYPE a SYSTEM "http://example.invalid/x.dtd"><a/>',
        b"\xff\xfe niet eens tekst",
        b"",
    ],
    ids=[
        "entiteitenbom",
        "onbekende-entiteit-met-dtd",
        "onbekende-entiteit",
        "externe-dtd",
        "binair",
        "leeg",
    ],
)
def test_vijandig_bestand_opzij_met_reden(berichtenmap, inhoud):
    in_inbox(berichtenmap, "x.xml", inhoud)
    assert inbox_verwerken() == 1
    bericht = Bericht.objects.get()
    assert bericht.status == Status.ONLEESBAAR and bericht.fouten[0]["tekst"]
    assert not (berichtenmap / "in" / "x.xml").exists()
    assert (berichtenmap / "in" / "fout" / "x.xml").exists()
    assert inbox_verwerken() == 0  # never again


def test_bestand_van_100_mb_wordt_niet_gelezen_maar_krijgt_0001(berichtenmap):
    opzetten(voorbeeld("WMO305"))
    pad = in_inbox(berichtenmap, "groot.xml", voorbeeld("WMO305").replace(b"</wmo305:Bericht>", b""))
    with open(pad, "r+b") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    assert inbox_verwerken() == 1
    bericht = Bericht.objects.get(richting=Richting.IN)
    assert bericht.status == Status.ONLEESBAAR and "100 MB" in bericht.fouten[0]["tekst"]
    assert len(bytes(bericht.inhoud)) <= 64 * 1024
    assert _retourcodes(bericht) == ["0001"]
    assert (berichtenmap / "in" / "fout" / "groot.xml").exists()


def test_fout_in_de_software_zet_het_bestand_opzij_en_de_rest_gaat_door(berichtenmap, monkeypatch):
    opzetten(voorbeeld("WMO305"))

    def kapot(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setitem(ontvangen_module.__dict__, "regie", type("R", (), {"start_verwerken": kapot}))
    in_inbox(berichtenmap, "a.xml", voorbeeld("WMO305"))
    in_inbox(berichtenmap, "b.xml", b"<nee")
    inbox_verwerken()
    assert sorted(b.fouten[0]["regel"] for b in Bericht.objects.filter(richting=Richting.IN)) == [
        "AT01",
        "AT07",
    ]
    assert not list((berichtenmap / "in").glob("*.xml"))
    assert "fout in de software" in (berichtenmap / "in" / "fout" / "a.xml.fout.txt").read_text()


def test_demo_aanbieder_nieuwste_eerst_en_reden_in_woorden(
    toekennen, huishoudelijke_hulp, thuiszorg, berichtenmap, capsys
):
    oud = toekennen(huishoudelijke_hulp, thuiszorg)
    nieuw = toekennen(huishoudelijke_hulp, thuiszorg)
    call_command("berichten_demo_aanbieder", max=1, verzoeken=0)
    assert Levering.objects.get().toewijzing.casus == nieuw
    assert not Levering.objects.filter(toewijzing__casus=oud).exists()
    for _ in range(2):
        toekennen(huishoudelijke_hulp, thuiszorg)
    call_command("berichten_demo_aanbieder", max=4, verzoeken=0)  # four started: the fourth stops
    assert "reden 'Levering volgens plan beeindigd'" in capsys.readouterr().out
    stop = Bericht.objects.filter(berichttype="WMO307").first()
    assert stop is None or etree.fromstring(bytes(stop.inhoud)).findtext(".//{*}RedenBeeindiging") == "19"
    assert demo.VOLGENS_PLAN["wmo"] == "19"
