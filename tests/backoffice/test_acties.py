"""One action table for "what may happen now": the case page shows a button exactly when the
service behind it would accept, and the step page says why not instead of showing a form.

The walk below takes cases through every fase the real way (services) and, at each stop, compares
every button on the page with the action table and with the step page behind it. A button whose
service refuses makes this test fail."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from backoffice import services
from backoffice.acties import ACTIES, Stand
from intake.fouten import ActieNietToegestaan
from intake.models import Casus
from tests.backoffice.test_proces import claim, voorziening

pytestmark = pytest.mark.django_db

# The page each action's button goes to (claimen is a POST form on the case page itself).
STAP_URL = {
    "toewijzen": "backoffice:toewijzen",
    "onderzoek_starten": "backoffice:onderzoek_starten",
    "onderzoek": "backoffice:onderzoek",
    "plan": "backoffice:plan",
    "aanvraag": "backoffice:aanvraag",
    "voorschot": "backoffice:voorschot",
    "besluit": "backoffice:besluit",
    "zorg_starten": "backoffice:zorg_starten",
    "afschalen": "backoffice:afschalen",
    "afsluiten": "backoffice:afsluiten",
}


def knoppen(html: str, nummer: str) -> set[str]:
    """The actions whose button or link the case page shows."""
    getoond = {naam for naam, url in STAP_URL.items() if f'href="{reverse(url, args=[nummer])}"' in html}
    if f'action="{reverse("backoffice:claimen", args=[nummer])}"' in html:
        getoond.add("claimen")
    return getoond


def controleer(client, user, casus):
    casus = Casus.objects.get(pk=casus.pk)
    html = client.get(reverse("backoffice:casus", args=[casus.nummer])).content.decode()
    getoond = knoppen(html, casus.nummer)
    mag = {naam for naam, ja in ACTIES.voor(user, Stand(casus)).items() if ja and naam != "bezwaar"}
    assert getoond == mag, casus.get_fase_display()
    for naam, url in STAP_URL.items():
        if naam == "toewijzen" and naam not in mag:
            continue  # a teamleider-only page: a consultant gets 403 there, tested elsewhere
        stap = client.get(reverse(url, args=[casus.nummer]))
        if stap.status_code == 403:
            continue
        niet_nu = 'data-testid="niet-nu"' in stap.content.decode()
        assert niet_nu == (naam not in mag), (naam, casus.get_fase_display())
        if naam in mag:  # the service agrees with the button: its check passes on this state
            assert ACTIES.reden_niet(Stand(casus), naam) is None
    return getoond


def test_knoppen_en_services_zeggen_hetzelfde_door_de_hele_keten(
    client_for, vandaag, opschalen, consultant, begeleiding, zorgaanbieder
):
    c = client_for(consultant)
    casus = opschalen("wmo")
    assert "claimen" in controleer(c, consultant, casus)
    casus = claim(casus, consultant)
    assert {"onderzoek_starten", "plan", "aanvraag"} <= controleer(c, consultant, casus)
    services.onderzoek_starten(casus=casus, door=consultant)
    assert "onderzoek" in controleer(c, consultant, casus)
    services.aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag, omschrijving="Begeleiding", door=consultant
    )
    getoond = controleer(c, consultant, casus)
    assert "besluit" in getoond and "aanvraag" not in getoond
    services.besluit_nemen(
        casus=Casus.objects.get(pk=casus.pk),
        soort="toekenning",
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        motivering="Nodig na onderzoek.",
        grondslag="Wmo 2015 art. 2.3.5",
        door=consultant,
        voorzieningen=[
            voorziening(begeleiding, zorgaanbieder, vandaag + timedelta(days=3), vandaag + timedelta(days=90))
        ],
    )
    getoond = controleer(c, consultant, casus)
    assert "besluit" not in getoond and "zorg_starten" not in getoond  # care has not started yet
    services.maatwerk_afsluiten(casus=Casus.objects.get(pk=casus.pk), reden="doel bereikt", door=consultant)
    assert controleer(c, consultant, casus) == set()


def test_teamleider_ziet_toewijzen(client_for, vandaag, opschalen, teamleider):
    casus = opschalen("jeugdwet")
    assert "toewijzen" in controleer(client_for(teamleider), teamleider, casus)


def test_besluitpagina_in_verkeerde_fase_zegt_eerst_de_aanvraag(client_for, vandaag, opschalen, consultant):
    casus = claim(opschalen("wmo"), consultant)
    response = client_for(consultant).get(reverse("backoffice:besluit", args=[casus.nummer]))
    html = response.content.decode()
    assert response.status_code == 200 and "Leg eerst de aanvraag vast" in html
    assert 'name="motivering"' not in html  # no form to fill in and be refused after
    post = client_for(consultant).post(
        reverse("backoffice:besluit", args=[casus.nummer]), {"versie": casus.versie}
    )
    assert post.status_code == 302
    assert not casus.besluiten.exists()


def test_service_weigert_met_de_reden_van_de_tabel(vandaag, opschalen, consultant):
    casus = opschalen("wmo")  # no behandelaar yet
    verwacht = ACTIES.reden_niet(Stand(casus), "aanvraag")
    with pytest.raises(ActieNietToegestaan) as fout:
        services.aanvraag_ontvangen(casus=casus, ontvangen_op=vandaag, omschrijving="x", door=consultant)
    assert fout.value.messages == [verwacht] and "geen behandelaar" in verwacht


def test_elke_actie_heeft_een_regel_en_rollen():
    for naam, actie in ACTIES.items():
        assert callable(actie.regel) and actie.rollen, naam
        assert re.fullmatch(r"[a-z_]+", naam)
