"""The shared small checks (altena.validatie) and the panel registry (altena.panelen)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from altena import panelen
from altena.validatie import datum_verplicht, niet_in_de_toekomst, verplicht


def test_verplicht_names_the_field_and_cannot_be_swapped():
    assert verplicht("  tekst ", veld="reden", melding="Vul in.") == "tekst"
    with pytest.raises(ValidationError) as fout:
        verplicht("   ", veld="reden", melding="Geef de reden.")
    assert fout.value.message_dict == {"reden": ["Geef de reden."]}
    with pytest.raises(TypeError):
        verplicht("", "Geef de reden.", "reden")  # positional: the old, swappable order is refused


def test_dates_required_and_not_in_the_future():
    morgen = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        datum_verplicht(None, veld="datum", melding="Vul de datum in.")
    assert fout.value.message_dict == {"datum": ["Vul de datum in."]}
    with pytest.raises(ValidationError) as fout:
        niet_in_de_toekomst(morgen, veld="datum")
    assert fout.value.message_dict == {"datum": ["Deze datum ligt in de toekomst."]}
    with pytest.raises(ValidationError) as fout:  # a form field's own clean: no field name
        niet_in_de_toekomst(morgen, melding="De geboortedatum ligt in de toekomst.")
    assert fout.value.messages == ["De geboortedatum ligt in de toekomst."]
    assert niet_in_de_toekomst(None) is None


def test_panels_render_in_order_and_may_stay_out(monkeypatch, settings, tmp_path):
    (tmp_path / "altena").mkdir()
    (tmp_path / "altena" / "_proefpaneel.html").write_text("<p>{{ x }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    monkeypatch.setattr(panelen, "_PLEKKEN", panelen.defaultdict(dict))
    panelen.registreer("proef.plek", "b", template="altena/_proefpaneel.html", context=lambda r, o: {"x": o})
    panelen.registreer(
        "proef.plek",
        "a",
        template="altena/_proefpaneel.html",
        context=lambda r, o: {"x": "eerst"},
        volgorde=1,
    )
    panelen.registreer("proef.plek", "c", template="altena/_proefpaneel.html", context=lambda r, o: None)
    verzoek = RequestFactory().get("/")
    gerenderd = panelen.weergeven(verzoek, "tweede", "proef.plek", "leeg.plek")
    assert [html.strip() for html in gerenderd["proef_plek"]] == ["<p>eerst</p>", "<p>tweede</p>"]
    assert gerenderd["leeg_plek"] == []


def test_the_case_page_and_household_page_places_are_filled_by_the_higher_apps():
    assert [p.naam for p in panelen.van("backoffice.casus.hoofd")] == ["berichten"]
    assert [p.naam for p in panelen.van("backoffice.casus.zijkant")] == ["documenten"]
    assert [p.naam for p in panelen.van("intake.huishouden")] == ["documenten"]
