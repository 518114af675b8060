"""Forms that tell before, not after, and states that read clearly."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from altena.forms import DatumField
from backoffice import services
from intake.models import Casus
from tests.backoffice.test_proces import claim
from tests.factories.intake import InwonerFactory

pytestmark = pytest.mark.django_db


def test_wmo_onderzoek_markeert_de_verplichte_velden_vooraf(client_for, vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    services.onderzoek_starten(casus=casus, door=consultant)
    html = client_for(consultant).get(reverse("backoffice:onderzoek", args=[casus.nummer])).content.decode()
    for veld in ("eigen_mogelijkheden", "mantelzorg", "voorliggende_voorzieningen"):
        assert f'name="{veld}"' in html
        tag = (
            html.split(f'name="{veld}"')[0].rsplit("<", 1)[1] + html.split(f'name="{veld}"')[1].split(">")[0]
        )
        assert "required" in tag, veld
    assert "art. 2.3.2 lid 4" in html


def test_jeugdwet_onderzoek_vraagt_die_velden_niet(client_for, vandaag, opschalen, consultant):
    casus = claim(opschalen("jeugdwet"), consultant)
    services.onderzoek_starten(casus=casus, door=consultant)
    html = client_for(consultant).get(reverse("backoffice:onderzoek", args=[casus.nummer])).content.decode()
    assert "art. 2.3.2 lid 4" not in html


def test_besluit_biedt_aanbieders_met_hun_categorieen(
    client_for, vandaag, opschalen, consultant, begeleiding, zorgaanbieder
):
    casus = claim(opschalen("wmo"), consultant)
    services.aanvraag_ontvangen(casus=casus, ontvangen_op=vandaag, omschrijving="x", door=consultant)
    html = client_for(consultant).get(reverse("backoffice:besluit", args=[casus.nummer])).content.decode()
    assert 'data-categorie="02"' in html and 'data-categorieen="01 02"' in html
    assert "backoffice/aanbieders.js" in html


def test_plantermijn_zonder_plan_is_niet_ingeleverd_en_nooit_rood(client_for, vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    services.aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag + timedelta(days=0), omschrijving="x", door=consultant
    )
    html = client_for(consultant).get(reverse("backoffice:casus", args=[casus.nummer])).content.decode()
    blok = html.split('data-testid="termijn-wmo_plan"')[1].split("</div>")[0]
    assert "niet ingeleverd" in blok and "afgerond" not in blok and "text-bg-danger" not in blok


def test_tijdlijn_in_dezelfde_volgorde_op_beide_paginas(client_for, vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    c = client_for(consultant)
    teksten = []
    for url in (
        reverse("intake:casus", args=[casus.nummer]),
        reverse("backoffice:casus", args=[casus.nummer]),
    ):
        html = c.get(url).content.decode().split('data-testid="tijdlijn"')[1]
        teksten.append([deel.split("<")[0] for deel in html.split("<strong>")[1:3]])
    assert teksten[0] == teksten[1] == ["Toegewezen", "Fase gewijzigd"]  # newest first on both


def test_de_twee_casuspaginas_verwijzen_naar_elkaar(client_for, vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    c = client_for(consultant)
    intake = c.get(reverse("intake:casus", args=[casus.nummer])).content.decode()
    backoffice = c.get(reverse("backoffice:casus", args=[casus.nummer])).content.decode()
    assert f'href="{reverse("backoffice:casus", args=[casus.nummer])}" data-testid="naar-maatwerk"' in intake
    assert f'href="{reverse("intake:casus", args=[casus.nummer])}" data-testid="naar-voordeur"' in backoffice


def test_datumveld_typt_en_toont_dd_mm_jjjj():
    veld = DatumField()
    assert veld.clean("02-03-2026") == date(2026, 3, 2)
    assert veld.clean("2026-03-02") == date(2026, 3, 2)  # what a browser's date picker or a test may send
    assert 'value="02-03-2026"' in veld.widget.render("d", date(2026, 3, 2))
    assert 'type="text"' in veld.widget.render(
        "d", None
    ) and 'placeholder="dd-mm-jjjj"' in veld.widget.render("d", None)
    with pytest.raises(Exception, match="dd-mm-jjjj"):
        veld.clean("3/2/2026x")


def test_zrm_domeinen_aan_de_voordeur_hebben_een_uitleg(client_for, frontoffice, kern):
    inwoner = InwonerFactory(kern=kern)
    html = client_for(frontoffice).get(f"/intake/inwoner/{inwoner.pk}/hulpvraag/").content.decode()
    assert "Instrumentele ADL (huishoudelijke hulp" in html
    assert not Casus.objects.exists()
