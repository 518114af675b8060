"""The front door's action table: a button on the case page means its service accepts."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from intake.acties import ACTIES
from intake.fouten import ActieNietToegestaan
from intake.models import Casus
from intake.services import OvergangNietToegestaan, casus_afhandelen, casus_opschalen, verwijzing_maken
from intake.workflow import Fase
from tests.factories.intake import CasusFactory
from tests.factories.netwerk import PartnerFactory

pytestmark = pytest.mark.django_db

KNOP_URL = {
    "afhandelen": "intake:afhandelen",
    "verwijzen": "intake:verwijzen",
    "opschalen": "intake:opschalen",
    "afsluiten": "intake:afsluiten",
    "bewerken": "intake:casus_bewerken",
}


@pytest.mark.parametrize("fase", [Fase.AANGEMELD, Fase.VERWEZEN, Fase.AFGEHANDELD, Fase.AFGESLOTEN])
def test_knoppen_volgen_de_tabel_en_de_stap_weigert_met_dezelfde_reden(client_for, frontoffice, kern, fase):
    casus = CasusFactory(kern=kern, fase=fase, toestemming_delen=True, toestemming_scope="welzijn")
    client = client_for(frontoffice)
    html = client.get(reverse("intake:casus", args=[casus.nummer])).content.decode()
    mag = ACTIES.voor(frontoffice, casus)
    for naam, url in KNOP_URL.items():
        href = f'href="{reverse(url, args=[casus.nummer])}"'
        assert (href in html) == mag[naam], (naam, fase)
        if not mag[naam] and naam != "bewerken":
            response = client.get(reverse(url, args=[casus.nummer]), follow=True)
            assert escape(ACTIES.reden_niet(casus, naam)) in response.content.decode(), (naam, fase)


def test_services_weigeren_met_de_reden_van_de_tabel(frontoffice, kern):
    casus = CasusFactory(kern=kern, fase=Fase.AFGEHANDELD, toestemming_delen=True)
    for aanroep, naam in [
        (lambda: casus_afhandelen(casus=casus, door=frontoffice, notitie="x"), "afhandelen"),
        (lambda: casus_opschalen(casus=casus, wet="wmo", reden="x", door=frontoffice), "opschalen"),
        (lambda: verwijzing_maken(casus=casus, partner=PartnerFactory(), door=frontoffice), "verwijzen"),
    ]:
        with pytest.raises(ActieNietToegestaan) as fout:
            aanroep()
        assert isinstance(fout.value, OvergangNietToegestaan)
        assert fout.value.messages == [ACTIES.reden_niet(casus, naam)]
    assert Casus.objects.get(pk=casus.pk).versie == casus.versie


def test_elke_actie_heeft_rollen():
    assert all(a.rollen for a in ACTIES.values())
