"""The beheerder's import and export pages are Dutch (django-import-export ships half-English Dutch)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from altena.importexport import veldlabel
from netwerk.resources import PartnerResource
from tests.factories.netwerk import PartnerFactory

pytestmark = pytest.mark.django_db

PO = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"
ENKELE_REGEL = re.compile(r'^msgid "(.+)"\nmsgstr "(.+)"$', re.M)


def _vertalingen() -> list[tuple[str, str]]:
    paren = ENKELE_REGEL.findall(PO.read_text(encoding="utf-8"))
    return [(e.replace('\\"', '"'), n.replace('\\"', '"')) for e, n in paren]


def _tekst(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_compiled_catalogue_matches_the_po_file_and_wins_over_the_package():
    paren = _vertalingen()
    assert len(paren) > 30
    with translation.override("nl"):
        for engels, nederlands in paren:
            assert translation.gettext(engels) == nederlands, f"django.mo is verouderd voor {engels!r}"


def test_export_page_is_dutch(client_for, beheerder):
    PartnerFactory(agb_code="12345678")
    html = client_for(beheerder).get(reverse("admin:netwerk_partner_export")).content.decode()
    tekst = _tekst(html)
    for nederlands in ("Deze export bevat de volgende velden", "Alles selecteren", "Bestandsformaat"):
        assert nederlands in tekst
    for veld in ("AGB-code (agb_code)", "KvK-nummer (kvk_nummer)", "Werkt in alle kernen (alle_kernen)"):
        assert veld in tekst
    assert "Agb Code" not in tekst and "Alle Kernen" not in tekst
    _geen_engels(tekst)


def test_import_page_is_dutch(client_for, beheerder):
    html = client_for(beheerder).get(reverse("admin:netwerk_partner_import")).content.decode()
    tekst = _tekst(html)
    for nederlands in (
        "Deze import leest de volgende kolommen",
        "Bestand om te importeren",
        "Bestandsformaat",
    ):
        assert nederlands in tekst
    _geen_engels(tekst)


def _geen_engels(tekst: str) -> None:
    engels = [e for e, _ in _vertalingen() if len(e) > 6 and e.strip() in tekst]
    engels += [w for w in ("Model name", "Add link", "Change or view list link") if w in tekst]
    assert not engels, f"Engels op de pagina: {engels}"


def test_field_labels_use_the_dutch_verbose_name_with_the_column():
    assert veldlabel(PartnerResource, "agb_code") == "AGB-code (agb_code)"
    assert veldlabel(PartnerResource, "naam") == "Naam (naam)"
    assert veldlabel(PartnerResource, "istandaarden_categorieen").startswith("iStandaarden")
