"""The project's own checks of the Zorginstituut's rules (berichten.regels) held against the official
XSLT: every published 305/307/315/317 (Wmo and Jeugdwet) mutated one element at a time; on every
variant that passes the XSD, the two must find the same codes among the rules the project claims.
Codes the stylesheet finds that the project leaves to the GGk are reported apart."""

import collections
import copy

import pytest
from lxml import etree

from berichten import regels
from berichten.services.ontvangen import bestand_verwerken
from berichten.xml.lezen import lezen

from .helpers import opzetten, voorbeeld
from .xslt import vereist_xslt, xslt_fouten

BERICHTEN = ["WMO305", "WMO307", "WMO315", "WMO317", "JW305", "JW307", "JW315", "JW317"]
WAARDEN = ["", "0", "1", "2", "3", "9", "99", "123456782", "123456789", "999900006", "1900-01-01",
           "1890-06-30", "2000-02-29", "2020-01-01", "2023-01-01", "2099-12-31", "A"]  # fmt: skip


def varianten(inhoud: bytes):
    doc = etree.fromstring(inhoud)
    aantal = sum(1 for e in doc.iter() if isinstance(e.tag, str) and len(e) == 0)
    for i in range(aantal):
        for waarde in WAARDEN:
            kopie = copy.deepcopy(doc)
            blad = [e for e in kopie.iter() if isinstance(e.tag, str) and len(e) == 0][i]
            if blad.text == waarde:
                continue
            blad.text = waarde
            yield etree.tostring(kopie, xml_declaration=True, encoding="UTF-8")


@pytest.mark.traag
def test_eigen_regels_en_xslt_zijn_het_eens(settings):
    vereist_xslt()
    from .conftest import SHARED

    settings.BERICHTEN_XSD_MAP = str(SHARED)
    geteld, geldig, oneens, overig, geraakt = 0, 0, [], collections.Counter(), collections.Counter()
    for naam in BERICHTEN:
        for variant in varianten(voorbeeld(naam, gecorrigeerd=False)):
            geteld += 1
            g = lezen(variant)
            if g.schemafouten:
                continue  # the XSD refuses it first (AT05); the rules are not reached
            geldig += 1
            officieel = {f["code"] for f in xslt_fouten(variant)}
            eigen = {f.code for f in regels.controleren(g)}
            if officieel & set(regels.GECLAIMD) != eigen:
                oneens.append((naam, sorted(officieel & set(regels.GECLAIMD)), sorted(eigen)))
            overig.update(officieel - set(regels.GECLAIMD))
            geraakt.update(eigen)
    print(
        f"\n{geteld} varianten, {geldig} geldig tegen de XSD; alleen in de XSLT (aan het GGk): {dict(overig)}"
    )
    print(f"geraakt (eens): {dict(geraakt)}")
    assert geteld > 2000
    assert set(geraakt) == set(regels.GECLAIMD)  # every claimed rule was put to the test
    assert not oneens, oneens[:10]


@pytest.mark.django_db
def test_gebroken_regel_krijgt_0001_op_de_berichtklasse(berichtenmap):
    inhoud = voorbeeld("WMO307")
    opzetten(inhoud, met_levering=True)
    doc = etree.fromstring(inhoud)
    stop = next(doc.iter("{*}StopProduct"))
    stop.find("{*}Einddatum").text = "2000-01-01"  # before its Begindatum: TR018
    bericht = bestand_verwerken(bestandsnaam="x.xml", inhoud=etree.tostring(doc, xml_declaration=True))
    assert "TR018" in [f["regel"] for f in bericht.fouten]
    retour = etree.fromstring(bytes(bericht.antwoorden.get().inhoud))
    codes = [el.text for el in next(retour.iter("{*}StopProduct")).find("{*}RetourCodes")]
    assert codes == ["0001"]
