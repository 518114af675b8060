"""Bad input of every kind (never a crash, never half-applied, the right retourcode, the file
kept) and exactly-once processing (twice, two workers at once, a crash halfway)."""

import threading

import pytest
from django.db import OperationalError, connection

from berichten.models import Bericht, Levering, Richting, Status
from berichten.services import regie
from berichten.services.ontvangen import bestand_verwerken, inbox_verwerken

from .conftest import assert_valid
from .helpers import in_inbox, opzetten, voorbeeld


def start() -> bytes:
    return voorbeeld("WMO305")


def ontvangen(map, naam, inhoud):
    in_inbox(map, naam, inhoud)
    inbox_verwerken()
    return Bericht.objects.filter(richting=Richting.IN).order_by("pk").last()


def retour(bericht):
    r = Bericht.objects.get(antwoord_op=bericht)
    assert_valid(r)
    return r


@pytest.mark.django_db
class TestSlechteBestanden:
    def test_geen_xml(self, berichtenmap):
        in_inbox(berichtenmap, "kapot.xml", b"dit is <geen xml")
        in_inbox(berichtenmap, "zz-goed.xml", start())
        opzetten(start())
        inbox_verwerken()
        kapot = Bericht.objects.get(bestandsnaam="kapot.xml")
        assert kapot.status == Status.ONLEESBAAR and kapot.fouten[0]["regel"] == "AT01"
        assert "geen geldige XML" in kapot.fouten[0]["tekst"]
        assert bytes(kapot.inhoud) == b"dit is <geen xml"
        assert (berichtenmap / "in" / "fout" / "kapot.xml").exists()
        assert (berichtenmap / "in" / "fout" / "kapot.xml.fout.txt").exists()
        # The bad file did not block the good one behind it.
        assert Bericht.objects.get(bestandsnaam="zz-goed.xml").status == Status.VERWERKT

    def test_ongeldig_tegen_xsd(self, berichtenmap):
        opzetten(start())
        slecht = start().replace(b"<wmo305:Begindatum>2025-04-03", b"<wmo305:Begindatum>morgen")
        bericht = ontvangen(berichtenmap, "xsd.xml", slecht)
        assert bericht.status == Status.AFGEWEZEN
        assert bericht.retourcodes == ["0001"] and bericht.fouten[0]["regel"] == "AT05"
        assert "XSD" in bericht.fouten[0]["tekst"]
        assert retour(bericht).berichttype == "WMO306"
        assert not Levering.objects.exists()

    def test_onbekende_client(self, berichtenmap):
        opzetten(start())
        slecht = start().replace(b"<wmo305:Bsn>999900006", b"<wmo305:Bsn>111222333")
        bericht = ontvangen(berichtenmap, "client.xml", slecht)
        assert bericht.status == Status.AFGEWEZEN and bericht.retourcodes == ["9019"]
        assert "9019" in retour(bericht).xml

    def test_onbekende_toewijzing_en_niets_half(self, berichtenmap):
        opzetten(start())
        slecht = start().replace(b"<wmo305:ToewijzingNummer>300202", b"<wmo305:ToewijzingNummer>999999")
        bericht = ontvangen(berichtenmap, "toewijzing.xml", slecht)
        assert bericht.status == Status.AFGEWEZEN and bericht.retourcodes == ["9019"]
        # The other (valid) start product was not applied either: all or nothing.
        assert not Levering.objects.exists()
        xml = retour(bericht).xml
        assert "9019" in xml and "0233" in xml

    def test_dubbel_bericht_zelfde_identificatie(self, berichtenmap):
        opzetten(start())
        ontvangen(berichtenmap, "eerste.xml", start())
        tweede = ontvangen(berichtenmap, "tweede.xml", start().replace(b"\t", b"  "))
        assert tweede.status == Status.AFGEWEZEN and "9056" in tweede.retourcodes
        assert Levering.objects.count() == 2

    def test_zelfde_start_opnieuw_is_tr074(self, berichtenmap):
        opzetten(start())
        ontvangen(berichtenmap, "eerste.xml", start())
        nieuw = start().replace(b"<iwmo:Identificatie>123456789013", b"<iwmo:Identificatie>ANDER")
        tweede = ontvangen(berichtenmap, "tweede.xml", nieuw)
        assert tweede.retourcodes == ["9074"]

    def test_niet_gecontracteerde_agb(self, berichtenmap):
        opzetten(start())
        slecht = start().replace(b"<wmo305:Afzender>65656055", b"<wmo305:Afzender>12345678")
        bericht = ontvangen(berichtenmap, "agb.xml", slecht)
        assert bericht.status == Status.AFGEWEZEN
        assert bericht.fouten[0]["regel"] == "AT02" and "12345678" in bericht.fouten[0]["tekst"]
        assert retour(bericht).ontvanger == "12345678"

    def test_verkeerde_gemeente(self, berichtenmap):
        opzetten(start())
        slecht = start().replace(b"<wmo305:Ontvanger>0363", b"<wmo305:Ontvanger>9999")
        bericht = ontvangen(berichtenmap, "gemeente.xml", slecht)
        assert "S300" in bericht.retourcodes


@pytest.mark.django_db
class TestPreciesEenKeer:
    def test_inbox_twee_keer_en_bestand_opnieuw(self, berichtenmap):
        opzetten(start())
        in_inbox(berichtenmap, "start.xml", start())
        inbox_verwerken()
        inbox_verwerken()
        in_inbox(berichtenmap, "start-kopie.xml", start())  # the same file delivered again
        inbox_verwerken()
        eerste, kopie = Bericht.objects.filter(richting=Richting.IN).order_by("pk")
        assert eerste.status == Status.VERWERKT and kopie.retourcodes == ["9056"]  # answered, not applied
        assert Levering.objects.count() == 2
        assert Bericht.objects.filter(berichttype="WMO306").count() == 2
        assert not list((berichtenmap / "in").glob("*.xml"))

    def test_crash_halverwege(self, berichtenmap, monkeypatch):
        opzetten(start())
        in_inbox(berichtenmap, "start.xml", start())
        echt = regie.start_verwerken

        def crash(bericht, g, oordeel):
            echt(bericht, g, oordeel)
            raise OperationalError("stroom uit")  # the database went away halfway

        monkeypatch.setattr(regie, "start_verwerken", crash)
        inbox_verwerken()
        assert not Bericht.objects.exists() and not Levering.objects.exists()
        assert (berichtenmap / "in" / "start.xml").exists()
        monkeypatch.setattr(regie, "start_verwerken", echt)
        inbox_verwerken()
        assert Levering.objects.count() == 2
        assert Bericht.objects.filter(berichttype="WMO306").count() == 1


@pytest.mark.django_db(transaction=True)
def test_twee_workers_tegelijk(berichtenmap):
    opzetten(start())
    barrier = threading.Barrier(2)
    fouten = []

    def worker():
        try:
            barrier.wait()
            bestand_verwerken(bestandsnaam="start.xml", inhoud=start())
        except Exception as exc:  # pragma: no cover - reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not fouten
    assert Bericht.objects.filter(richting=Richting.IN).count() == 1
    assert Levering.objects.count() == 2
    assert Bericht.objects.filter(berichttype="WMO306").count() == 1


@pytest.mark.django_db
def test_reden_20_is_geen_einde(berichtenmap):
    stop = voorbeeld("JW307")
    opzetten(stop, met_levering=True)

    def variant(ident: bytes, reden: bytes) -> bytes:
        return stop.replace(b"Identificatie>123456789012", b"Identificatie>" + ident).replace(
            b"<jw307:RedenBeeindiging>31<", b"<jw307:RedenBeeindiging>" + reden + b"<"
        )

    tijdelijk = ontvangen(berichtenmap, "tijdelijk.xml", variant(b"STOP00000001", b"20"))
    assert tijdelijk.status == Status.VERWERKT, tijdelijk.fouten
    assert all(lev.tijdelijk_gestopt for lev in Levering.objects.all())
    definitief = ontvangen(berichtenmap, "definitief.xml", variant(b"STOP00000002", b"31"))
    assert definitief.status == Status.VERWERKT, definitief.fouten
    assert not any(lev.tijdelijk_gestopt for lev in Levering.objects.all())
    nogmaals = ontvangen(berichtenmap, "nogmaals.xml", variant(b"STOP00000003", b"31"))
    assert "9415" in nogmaals.retourcodes
