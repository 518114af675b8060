"""The project's code lists agree with the outside oracle (../shared/istandaarden); the code
tables are in the database; the omvang mapping."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from berichten import codelijsten
from berichten.models import Code
from berichten.omvang import omvang
from netwerk.istandaarden import IStandaardCategorie
from tests.oracle import oracle

from .conftest import SHARED


def tabel(pad: Path) -> dict[str, str]:
    """The code table of a published Markdown list: rows "| code | betekenis |"."""
    codes = {}
    for regel in pad.read_text(encoding="utf-8").splitlines():
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        if len(cellen) >= 2 and re.fullmatch(r"[0-9A-Z]{1,4}", cellen[0]) and cellen[0] not in ("ID", "Code"):
            codes.setdefault(cellen[0], cellen[1])
    return codes


@pytest.mark.parametrize(
    "lijst,bestand",
    [
        ("WMO020", "wmo/codelijsten/WMO020_Productcategorie.md"),
        ("WJ756", "jw/codelijsten/WJ756_Eenheid.md"),
        ("WMO757", "wmo/codelijsten/WMO757_Frequentie.md"),
        ("WMO588", "wmo/codelijsten/WMO588_Reden_beeindiging.md"),
        ("JZ588", "jw/codelijsten/JZ588_Reden_beeindiging.md"),
        ("COD327", "jw/codelijsten/COD327_Code_verwijzer.md"),
        ("WJ759", "jw/codelijsten/WJ759_Reden_afwijzing_verzoek.md"),
        ("WJ001", "jw/codelijsten/WJ001_Retourcode.md"),
    ],
)
def test_codelijst_volgt_publicatie(lijst, bestand):
    gepubliceerd = tabel(oracle(SHARED) / bestand)
    eigen = codelijsten.CODELIJSTEN[lijst]
    assert set(eigen) - {"0200", "0233", "0001"} <= set(gepubliceerd), set(eigen) - set(gepubliceerd)
    if lijst != "WJ001":
        assert set(eigen) == set(gepubliceerd)


def test_jeugdcategorieen_tot_en_met_55():
    gepubliceerd = tabel(oracle(SHARED) / "jw" / "codelijsten" / "JZ020_Productcategorie")
    huidige = {c for c in gepubliceerd if int(c) >= 40}
    assert huidige == set(codelijsten.JZ020) == {c.value for c in IStandaardCategorie if int(c.value) >= 40}
    assert "54" in huidige


@pytest.mark.django_db
def test_codetabellen_geladen_door_migratie():
    from importlib import import_module

    from django.apps import apps

    Code.objects.all().delete()  # loaded by migration; load again the way the migration does
    import_module("berichten.migrations.0002_codelijsten_en_nummers").codes_laden(apps, None)
    assert Code.objects.filter(lijst="JZ020", code="54").exists()
    assert Code.objects.get(lijst="WJ759", code="7").betekenis == "Zorginhoudelijke afkeur"
    assert Code.objects.filter(lijst="WJ001", code="0200").exists()


@pytest.mark.parametrize(
    "invoer,verwacht",
    [
        (("3", "uur", "week", "01"), (3, "04", "2")),
        (("1.5", "uur", "week", "02"), (90, "01", "2")),
        (("2", "dag", "week", "07"), (4, "16", "2")),  # a day of dagbesteding: two dagdelen
        (("7", "dag", "week", "15"), (7, "14", "2")),  # a day of beschermd wonen: an etmaal
        (("8", "uur", "4weken", "02"), (2, "04", "2")),  # per 4 weken: a quarter per week
        (("1", "stuk", "totaal", "11"), (1, "82", "6")),
        (("250", "euro", "totaal", "13"), (250, "83", "6")),
    ],
)
def test_omvang(invoer, verwacht):
    volume, eenheid, frequentie, categorie = invoer
    assert omvang(Decimal(volume), eenheid, frequentie, categorie) == verwacht
