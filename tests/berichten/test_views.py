"""The screens: berichtenbox (overall and per case), a message with its Dutch errors and XML, the
verzoek to approve or reject, the change of a voorziening, and the block on the case page."""

from datetime import timedelta

import pytest
from django.urls import reverse

from altena.models import Verwerking
from berichten.models import Bericht, Richting, Status, Toewijzing, Verzoek
from berichten.services.ontvangen import inbox_verwerken
from tests.factories.intake import CasusFactory
from tests.queries import precies_queries

from .helpers import in_inbox, opzetten, voorbeeld

# Named query budgets: a page's cost must not grow with its rows.
BERICHTENBOX_QUERIES = 8
VERZOEKEN_QUERIES = 8

pytestmark = pytest.mark.django_db


@pytest.fixture
def met_start(berichtenmap, team, consultant):
    casus, aanbieder, _ = opzetten(voorbeeld("WMO305"), team=team, behandelaar=consultant)
    in_inbox(berichtenmap, "start.xml", voorbeeld("WMO305"))
    in_inbox(berichtenmap, "kapot.xml", b"<nee")
    inbox_verwerken()
    return casus


def test_box_toont_status_en_nederlandse_fouten(client_for, consultant, met_start):
    response = client_for(consultant).get(reverse("berichten:box"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "WMO305" in html and "WMO306" in html and "Onleesbaar bestand" in html
    assert "geen geldige XML" in html and "AT01" in html


def test_box_filter_en_per_casus(client_for, consultant, met_start):
    c = client_for(consultant)
    response = c.get(reverse("berichten:box"), {"status": "onleesbaar"})
    assert [b.status for b in response.context["object_list"]] == ["onleesbaar"]
    response = c.get(reverse("berichten:casus", args=[met_start.nummer]))
    assert {b.casus_id for b in response.context["object_list"]} == {met_start.pk}
    assert Verwerking.objects.filter(casus_nummer=met_start.nummer, handeling="lezen").exists()


def test_box_buiten_werkgebied_en_rollen(client_for, role_users, met_start):
    for rol in ("Frontoffice", "Beheerder", "Privacy", "Beleid", "Partner"):
        assert client_for(role_users[rol]).get(reverse("berichten:box")).status_code == 403
    anders = CasusFactory(maatwerk=True)
    c = client_for(role_users["Consultant"])
    assert c.get(reverse("berichten:casus", args=[anders.nummer])).status_code == 404
    vreemd = Bericht.objects.create(
        richting=Richting.UIT, status=Status.VERSTUURD, casus=anders, inhoud=b"<x/>"
    )
    assert c.get(reverse("berichten:bericht", args=[vreemd.pk])).status_code == 404
    assert c.get(reverse("berichten:xml", args=[vreemd.pk])).status_code == 404


def test_bericht_en_xml_download(client_for, consultant, met_start):
    bericht = Bericht.objects.get(berichttype="WMO305")
    c = client_for(consultant)
    response = c.get(reverse("berichten:bericht", args=[bericht.pk]))
    assert response.status_code == 200 and "Verwerkt zonder fouten" in response.content.decode()
    response = c.get(reverse("berichten:xml", args=[bericht.pk]))
    assert response["Content-Type"].startswith("application/xml")
    assert "attachment" in response["Content-Disposition"]
    assert response.content == bytes(bericht.inhoud)
    assert Verwerking.objects.filter(handeling="exporteren", object_type="bericht").exists()


def test_box_constant_aantal_queries(client_for, consultant, met_start):
    c = client_for(consultant)
    c.get(reverse("berichten:box"))
    with precies_queries(BERICHTENBOX_QUERIES):
        een = c.get(reverse("berichten:box"))
    for i in range(30):
        Bericht.objects.create(
            richting=Richting.UIT, status=Status.VERSTUURD, casus=met_start, berichttype="WMO301",
            identificatie=f"T{i}", inhoud=b"<x/>",
        )  # fmt: skip
    with precies_queries(BERICHTENBOX_QUERIES):
        veel = c.get(reverse("berichten:box"))
    assert een.status_code == veel.status_code == 200
    assert len(veel.context["object_list"]) > len(een.context["object_list"])


def test_casuspagina_toont_toewijzing_en_start(client_for, consultant, met_start):
    response = client_for(consultant).get(reverse("backoffice:casus", args=[met_start.nummer]))
    html = response.content.decode()
    assert "300201" in html and "gestart 03-04-2025" in html


def test_verzoek_goedkeuren_en_afwijzen_via_scherm(client_for, consultant, team, berichtenmap):
    opzetten(voorbeeld("JW315"), team=team, behandelaar=consultant)
    in_inbox(berichtenmap, "vot.xml", voorbeeld("JW315"))
    inbox_verwerken()
    verzoek = Verzoek.objects.get()
    c = client_for(consultant)
    url = reverse("berichten:verzoek", args=[verzoek.pk])
    assert "Beoordelen" in c.get(reverse("backoffice:casus", args=[verzoek.casus.nummer])).content.decode()
    response = c.post(url, {"beslissing": "afwijzen", "reden": "", "toelichting": "x"})
    assert response.status_code == 200 and "Kies de reden van afwijzing." in response.content.decode()
    response = c.post(url, {"beslissing": "goedkeuren", "toelichting": "Akkoord"})
    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.uitkomst == "goedgekeurd"
    assert Bericht.objects.filter(berichttype="JW301").exists()  # sent on commit
    response = c.post(url, {"beslissing": "afwijzen", "reden": "7"})
    assert "al beoordeeld" in response.content.decode()


def test_voorziening_verlengen_via_scherm(client_for, consultant, toekennen, huishoudelijke_hulp, thuiszorg):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    voorziening = casus.voorzieningen.get()
    c = client_for(consultant)
    url = reverse("berichten:wijzigen", args=[voorziening.pk])
    assert c.get(url).status_code == 200
    response = c.post(url, {"einddatum": "", "volume": "", "versie": casus.versie})
    assert "Vul een nieuwe einddatum of een nieuw volume in." in response.content.decode()
    nieuw = voorziening.einddatum + timedelta(days=30)
    response = c.post(url, {"einddatum": nieuw.isoformat(), "volume": "", "versie": casus.versie})
    assert response.status_code == 302
    assert Toewijzing.objects.get().einddatum == nieuw
    response = c.post(url, {"einddatum": (nieuw + timedelta(days=1)).isoformat(), "versie": casus.versie})
    assert "intussen gewijzigd" in response.content.decode()


def test_download_naam_van_afzender_is_veilig(client_for, consultant, met_start):
    bericht = Bericht.objects.create(
        richting=Richting.IN, status=Status.ONLEESBAAR, bestandsnaam='a"b\r\nSet-Cookie: x.xml', inhoud=b"<x"
    )
    response = client_for(consultant).get(reverse("berichten:xml", args=[bericht.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="a_b__Set-Cookie__x.xml"'


def test_verzoeken_lijst_constant_en_teamleider(client_for, consultant, teamleider, team, berichtenmap):
    opzetten(voorbeeld("WMO315"), team=team, behandelaar=consultant)
    in_inbox(berichtenmap, "vot.xml", voorbeeld("WMO315"))
    inbox_verwerken()
    c = client_for(teamleider)
    with precies_queries(VERZOEKEN_QUERIES):
        response = c.get(reverse("berichten:verzoeken"))
    assert len(response.context["object_list"]) == 1
    assert c.get(reverse("berichten:box")).status_code == 200
    verzoek = Verzoek.objects.get()
    assert c.get(reverse("berichten:verzoek", args=[verzoek.pk])).status_code == 403  # consultants decide
