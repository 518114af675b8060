"""The project's own structural copy of the schemas (berichten/schemas): made by its script, free of the
publisher's texts, complete for the run time, and (where the publication lies beside the project)
exactly what the script makes of it, judging every published example as the publication does."""

import importlib.util
from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree

from berichten import schema
from tests.oracle import ISTANDAARDEN, oracle

KOPIE = Path(settings.BASE_DIR) / "berichten" / "schemas"
SCRIPT = Path(settings.BASE_DIR) / "scripts" / "schemas_kopieren.py"
BERICHTEN = ("301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320")


def script():
    spec = importlib.util.spec_from_file_location("schemas_kopieren", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_kopie_heeft_een_bronnotitie():
    notitie = (KOPIE / "BRON.md").read_text(encoding="utf-8")
    assert "3.2" in notitie and "Zorginstituut" in notitie and "EUPL" in notitie
    assert "schemas_kopieren.py" in notitie


def test_alleen_structuur_geen_toelichting():
    bestanden = list(KOPIE.rglob("*.xsd")) + list(KOPIE.rglob("*.wsdl"))
    assert len(bestanden) > 30
    for bestand in bestanden:
        tekst = bestand.read_text(encoding="utf-8")
        assert "annotation>" not in tekst and "documentation>" not in tekst and "<!--" not in tekst, bestand


@pytest.mark.parametrize("nummer", BERICHTEN)
@pytest.mark.parametrize("standaard", ["WMO", "JW"])
def test_elk_berichttype_heeft_een_schema_in_de_kopie(standaard, nummer):
    assert schema.schema_voor(f"{standaard}{nummer}", map=KOPIE) is not None


def test_envelop_schema_compileert():
    xsd = KOPIE / "ggk" / "ggk0310_21" / "ggkberichten" / "ggk0310_msg.xsd"
    etree.XMLSchema(etree.parse(str(xsd)))
    assert (KOPIE / "ggk" / "ggk0310_21" / "ggkberichten" / "ggk0310_OntvangAsynchroon.wsdl").is_file()


def test_script_maakt_dezelfde_kopie(tmp_path):
    """Run on the publication, the script gives byte for byte the committed copy (but the date)."""
    bron = oracle(ISTANDAARDEN)
    script().kopieer(bron, tmp_path / "kopie")
    gemaakt = {p.relative_to(tmp_path / "kopie") for p in (tmp_path / "kopie").rglob("*") if p.is_file()}
    aanwezig = {p.relative_to(KOPIE) for p in KOPIE.rglob("*") if p.is_file()}
    assert gemaakt == aanwezig
    for pad in gemaakt - {Path("BRON.md")}:
        assert (tmp_path / "kopie" / pad).read_bytes() == (KOPIE / pad).read_bytes(), pad


def test_script_weigert_een_map_zonder_publicatie(tmp_path):
    with pytest.raises(SystemExit, match="indeling van de publicatie"):
        script().kopieer(tmp_path, tmp_path / "kopie")


def voorbeelden():
    if not ISTANDAARDEN.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared/istandaarden ontbreekt"))]
    return sorted(ISTANDAARDEN.glob("*/voorbeelden/*.xml"))


@pytest.mark.parametrize("voorbeeld", voorbeelden(), ids=lambda p: getattr(p, "stem", "geen"))
def test_kopie_oordeelt_als_de_publicatie(voorbeeld):
    """Each published example, and the same example broken, is judged alike by both."""
    berichttype = voorbeeld.stem
    doc = etree.parse(str(voorbeeld))
    origineel = schema.schema_voor(berichttype, map=ISTANDAARDEN)
    kopie = schema.schema_voor(berichttype, map=KOPIE)
    assert origineel.validate(doc) and kopie.validate(doc)
    kapot = etree.fromstring(etree.tostring(doc))
    datum = kapot.find(".//{*}Header/{*}BerichtIdentificatie/{*}Dagtekening")
    datum.text = "gisteren"
    assert not origineel.validate(kapot) and not kopie.validate(kapot)


def test_envelop_voorbeelden_valideren_met_de_kopie():
    xsd = etree.XMLSchema(etree.parse(str(KOPIE / "ggk" / "ggk0310_21" / "ggkberichten" / "ggk0310_msg.xsd")))
    map = oracle(ISTANDAARDEN / "ggk")
    voorbeelden = [
        *map.glob("ggk0310_21/ggkberichten/*.xml"),
        *map.glob("voorbeeldberichten/*gecorrigeerd.xml"),
        *map.glob("voorbeeldberichten/*Heenbericht*.xml"),
    ]
    assert len(voorbeelden) == 4
    for pad in voorbeelden:
        assert xsd.validate(etree.parse(str(pad))), (pad, xsd.error_log)
