"""Sentences whole: over every letter kind and a product of each law and category, the PDF's text has
no place where a template join runs a word into the next sentence without punctuation (the issue:
"...Hulp bij het huishouden In deze brief...")."""

import re
from datetime import date

import pytest

from backoffice.models import Aanvraag
from documenten.gegevens import als_zin
from documenten.standaardsjablonen import TEKSTEN
from intake.models import Casus
from tests.factories.backoffice import ProductFactory, VoorzieningFactory, ZorgaanbiederFactory

from .conftest import pdf_tekst
from .test_brieven import SOORTEN, verzenden

pytestmark = pytest.mark.django_db

# Words that open a sentence in the letter templates; capitalised right after a lower-case word with
# no punctuation between, they mark two sentences run into one.
ZINSBEGIN = r"(In|Wij|U|Uw|Dit|Dat|De|Het|Op|Dan|Zet|Bij|Daarom|Voor|Waarom|Bent|Met|Als|Hebt|Heeft)"
SAMENGELOPEN = re.compile(rf"\b[a-zà-ÿ]{{2,}}\s+{ZINSBEGIN}\s")

# A heading ends without a stop by nature; the text after it starts a sentence.
KOPPEN = {
    re.sub(r"\s+", " ", kop).strip()
    for _onderwerp, inhoud in TEKSTEN.values()
    for kop in re.findall(r"<h2>(.*?)</h2>", inhoud, re.S)
}


# The voorzieningen table's last cell when there is no provider: a cell, not a sentence.
BLOKEINDEN = KOPPEN | {"Zorg in natura"}


def samengelopen(tekst: str) -> list[str]:
    """The places where a lower-case word runs into a sentence opener, except where a block ends
    (a heading or a table cell) or a heading starts."""
    fout = []
    for m in SAMENGELOPEN.finditer(tekst):
        ervoor, erna = tekst[: m.start(1)].rstrip(), tekst[m.start(1) :]
        if any(ervoor.endswith(blok) for blok in BLOKEINDEN) or any(erna.startswith(k) for k in KOPPEN):
            continue
        fout.append(tekst[max(0, m.start() - 40) : m.end() + 20])
    return fout


PRODUCTEN = [
    ("wmo", "Hulp bij het huishouden", "01", "01A01"),
    ("wmo", "Begeleiding individueel", "02", "02A01"),
    ("jeugdwet", "Ambulante jeugdhulp", "45", "45A01"),
    ("participatiewet", "Beschut werk", "", ""),
]


def test_de_controle_vindt_een_samengelopen_zin():
    assert samengelopen("een aanvraag gedaan: Hulp bij het huishouden In deze brief leest u")
    assert not samengelopen("Hulp bij het huishouden. In deze brief leest u. Ons besluit Wij kennen u")


def test_als_zin():
    assert als_zin("Hulp bij het huishouden") == "Hulp bij het huishouden."
    assert als_zin("Klaar.") == "Klaar."
    assert als_zin("  ") == ""


@pytest.mark.parametrize(("wet", "naam", "categorie", "code"), PRODUCTEN, ids=[p[1] for p in PRODUCTEN])
@pytest.mark.parametrize(("soort", "maak", "_vz", "_t"), SOORTEN, ids=[s[0] for s in SOORTEN])
def test_geen_samengelopen_zinnen(
    besluit_met_voorziening, consultant, wet, naam, categorie, code, soort, maak, _vz, _t
):
    besluit = besluit_met_voorziening
    Aanvraag.objects.filter(pk=besluit.aanvraag_id).update(omschrijving=naam)  # no stop of its own
    besluit.refresh_from_db()
    if wet != "wmo" or categorie != "01":
        Casus.objects.filter(pk=besluit.casus_id).update(wet=wet)
        besluit.refresh_from_db()
        besluit.voorzieningen.all().delete()
        aanbieder = None
        if wet != "participatiewet":
            soort_aanbieder = "zorgaanbieder_jeugd" if wet == "jeugdwet" else "zorgaanbieder_wmo"
            aanbieder = ZorgaanbiederFactory(soort=soort_aanbieder, istandaarden_categorieen=[categorie])
        VoorzieningFactory(
            besluit=besluit,
            product=ProductFactory(wet=wet, naam=naam, categorie=categorie, productcode=code),
            aanbieder=aanbieder,
            startdatum=date(2026, 1, 5),
            einddatum=date(2026, 12, 31),
        )
    brief = verzenden(maak(besluit), soort, consultant, casus=besluit.casus)
    tekst = pdf_tekst(brief)
    assert not samengelopen(tekst)
