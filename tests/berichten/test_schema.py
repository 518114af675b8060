"""The schemas come from the folder BERICHTEN_XSD_MAP names (by default the project's own structural
copy in berichten/schemas, in the publication's layout); the Wmo retours it lacks are derived in
memory. Without that folder, sent messages are marked as not checked and received files stay in the
inbox, with a Dutch message that names the setting: never a crash."""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from lxml import etree

from berichten import schema
from berichten.models import Bericht, Richting, Status
from berichten.services.ontvangen import bestand_verwerken, inbox_verwerken
from tests.oracle import oracle

from .conftest import (
    EIGEN_KOPIE,
    SHARED,
    WMO_RETOURCODES,
    assert_valid,
    oracle_wmo_retour,
    oracle_wmo_retour_tekst,
)
from .helpers import in_inbox, opzetten, voorbeeld


def test_standaard_de_eigen_kopie():
    # settings evaluated at start-up: the project's own copy, whatever lies beside the project
    from altena.settings import base

    if os.environ.get("BERICHTEN_XSD_MAP"):
        pytest.skip("BERICHTEN_XSD_MAP is set in the environment")

    assert Path(base.BERICHTEN_XSD_MAP) == Path(settings.BASE_DIR) / "berichten" / "schemas"
    assert schema.xsd_map() == Path(settings.BASE_DIR) / "berichten" / "schemas"
    assert "shared" not in Path(base.BERICHTEN_XSD_MAP).parts


@pytest.mark.parametrize("nummer", sorted(WMO_RETOURCODES))
def test_wmo_retour_afgeleid_als_de_onafhankelijke_afleiding(nummer):
    ouder = (oracle(SHARED) / "jw" / "xsd" / f"JW{nummer}.xsd").read_bytes()
    afgeleid = schema.wmo_retour_afleiden(ouder, nummer)
    assert afgeleid == oracle_wmo_retour_tekst(nummer)
    tekst = afgeleid.decode()
    assert "ijw" not in tekst and f"http://www.istandaarden.nl/iwmo/3_2/wmo{nummer}/schema" in tekst
    assert schema.schema_voor(f"WMO{nummer}") is not None


@pytest.mark.django_db
def test_afgeleid_schema_keurt_als_de_onafhankelijke(berichtenmap):
    """A WMO306 the project writes is valid for both; a wrong BerichtCode fails both."""
    opzetten(voorbeeld("WMO305"))
    in_inbox(berichtenmap, "start.xml", voorbeeld("WMO305"))
    inbox_verwerken()
    retour = Bericht.objects.get(berichttype="WMO306")
    doc = assert_valid(retour)
    assert schema.schemafouten("WMO306", etree.ElementTree(doc)) == []
    code = doc.find(".//{*}BerichtCode")
    code.text = "439"  # the iJw code
    assert not oracle_wmo_retour("306").validate(doc)
    assert schema.schemafouten("WMO306", etree.ElementTree(doc))


def test_per_map_gecached():
    schema._schema.cache_clear()
    eerste = schema.schema_voor("WMO302")
    assert schema.schema_voor("WMO302") is eerste
    assert schema._schema.cache_info().misses == 1


def test_geen_schema_voor_onbekend_type():
    assert schema.schemafouten("WMO325", etree.ElementTree(etree.Element("x"))) == [
        "Geen XSD voor WMO325 gevonden."
    ]


@pytest.mark.parametrize("waarde", [None, "", "ontbreekt"])
def test_melding_noemt_de_instelling(waarde, tmp_path):
    with override_settings(BERICHTEN_XSD_MAP=str(tmp_path / waarde) if waarde else waarde):
        melding = schema.configuratiefout()
        with pytest.raises(schema.SchemaOntbreekt):
            schema.schema_voor("WMO301")
    assert "BERICHTEN_XSD_MAP" in melding and "niet verwerkt" in melding
    if waarde:
        assert str(tmp_path / waarde) in melding


@pytest.mark.django_db
class TestGeconfigureerd:
    @override_settings(BERICHTEN_XSD_MAP=str(EIGEN_KOPIE))
    def test_verstuurd_bericht_gecontroleerd(self, toekennen, huishoudelijke_hulp, thuiszorg):
        casus = toekennen(huishoudelijke_hulp, thuiszorg)
        bericht = Bericht.objects.get(casus=casus, berichttype="WMO301")
        assert bericht.schema_gecontroleerd and bericht.status == Status.VERSTUURD
        assert_valid(bericht)

    @override_settings(BERICHTEN_XSD_MAP=str(EIGEN_KOPIE))
    def test_ontvangen_bestand_verwerkt(self, berichtenmap, client_for, consultant, capsys):
        opzetten(voorbeeld("WMO305"))
        in_inbox(berichtenmap, "start.xml", voorbeeld("WMO305"))
        call_command("berichten_verwerken")
        uit = capsys.readouterr()
        assert "1 ontvangen" in uit.out and "BERICHTEN_XSD_MAP" not in uit.err
        assert Bericht.objects.get(bestandsnaam="start.xml").status == Status.VERWERKT
        assert not (berichtenmap / "in" / "start.xml").exists()
        pagina = client_for(consultant).get(reverse("berichten:box"))
        assert b'data-testid="schemamelding"' not in pagina.content


@pytest.mark.django_db
class TestNietGeconfigureerd:
    @override_settings(BERICHTEN_XSD_MAP=None)
    def test_verstuurd_maar_niet_gecontroleerd(self, berichtenmap, toekennen, huishoudelijke_hulp,
                                               thuiszorg, client_for, consultant):  # fmt: skip
        casus = toekennen(huishoudelijke_hulp, thuiszorg)
        bericht = Bericht.objects.get(casus=casus, berichttype="WMO301")
        assert not bericht.schema_gecontroleerd
        assert bericht.status == Status.VERSTUURD
        assert (berichtenmap / "uit" / bericht.bestandsnaam).exists()
        assert_valid(bericht)  # the writer is right; it just was not checked
        box = client_for(consultant).get(reverse("berichten:box"))
        assert box.status_code == 200
        assert "Niet tegen schema gecontroleerd" in box.content.decode()
        detail = client_for(consultant).get(reverse("berichten:bericht", args=[bericht.pk]))
        assert "Niet tegen schema gecontroleerd" in detail.content.decode()

    def test_inbox_blijft_staan(self, berichtenmap, client_for, consultant, caplog):
        opzetten(voorbeeld("WMO305"))
        bestand = in_inbox(berichtenmap, "start.xml", voorbeeld("WMO305"))
        with override_settings(BERICHTEN_XSD_MAP=str(berichtenmap / "geen-xsd")):
            assert inbox_verwerken() == 0
            with pytest.raises(schema.SchemaOntbreekt):
                bestand_verwerken(bestandsnaam="start.xml", inhoud=voorbeeld("WMO305"))
            err = StringIO()
            call_command("berichten_verwerken", stdout=StringIO(), stderr=err)
            pagina = client_for(consultant).get(reverse("berichten:box"))
        assert bestand.exists() and not (berichtenmap / "in" / "fout").exists()
        assert not Bericht.objects.filter(richting=Richting.IN).exists()
        assert "BERICHTEN_XSD_MAP" in err.getvalue() and "niet verwerkt" in err.getvalue()
        assert any("Inbox niet verwerkt" in r.getMessage() for r in caplog.records)
        assert pagina.status_code == 200
        assert "De XSD&#x27;s van iWmo en iJw 3.2 zijn niet gevonden" in pagina.content.decode()
        assert "BERICHTEN_XSD_MAP" in pagina.content.decode()
        # Once configured, the next round processes the file that waited.
        with override_settings(BERICHTEN_XSD_MAP=str(EIGEN_KOPIE)):
            assert inbox_verwerken() == 1
        assert Bericht.objects.get(bestandsnaam="start.xml").status == Status.VERWERKT
        assert not bestand.exists()
