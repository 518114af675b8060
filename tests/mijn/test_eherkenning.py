"""Partners with eHerkenning: matched to their organisation by KvK number (the project's own
backend), the demo identity provider under the demo flag, and local accounts as a switchable
fallback."""

import pytest
from django.test import Client

from altena.models import Verwerking
from partner.eherkenning import PartnerEherkenningBackend
from partner.models import PartnerMedewerker
from tests.factories.intake import VerwijzingFactory
from tests.factories.netwerk import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def welzijn(db):
    return PartnerFactory(naam="Welzijn Demo", kvk_nummer="41012345")


def test_demo_eherkenning_landt_op_de_verwijzingen_van_de_eigen_organisatie(welzijn):
    eigen = VerwijzingFactory(partner=welzijn)
    client = Client()
    start = client.get("/partner/eherkenning/").content.decode()
    assert "Inloggen met eHerkenning (demo)" in start
    response = client.post("/partner/eherkenning/demo/", {"partner": welzijn.pk, "medewerker": "Els"})
    assert response.status_code == 302 and response.url == "/partner/"
    overzicht = client.get("/partner/")
    assert overzicht.status_code == 200
    medewerker = PartnerMedewerker.objects.get(partner=welzijn)
    assert medewerker.gebruiker.groups.filter(name="Partner").exists()
    assert client.get(f"/partner/verwijzing/{eigen.pk}/").status_code == 200
    # the same person again: the same account
    Client().post("/partner/eherkenning/demo/", {"partner": welzijn.pk, "medewerker": "Els"})
    assert PartnerMedewerker.objects.filter(partner=welzijn).count() == 1


def test_demo_zonder_keuze_geeft_fout_bij_het_veld(welzijn):
    response = Client().post("/partner/eherkenning/demo/", {"partner": "", "medewerker": "Els"})
    assert response.status_code == 200 and "Kies een organisatie." in response.content.decode()


def test_backend_koppelt_op_kvk_en_weigert_onbekend(rf, welzijn):
    class Antwoord:
        def get_nameid(self):
            return "pseudoniem-123"

    def attributen(kvk):
        return {
            "urn:etoegang:core:LegalSubjectID": [
                {"NameID": {"NameQualifier": "urn:etoegang:1.9:EntityConcernedID:KvKnr", "value": kvk}}
            ]
        }

    request = rf.get("/partner/eherkenning/saml/acs/")
    request.user = None
    backend = PartnerEherkenningBackend()
    user, _ = backend.get_or_create_user(request, Antwoord(), attributen("41012345"))
    assert user is not None and user.partner_medewerker.partner == welzijn
    geen, _ = backend.get_or_create_user(request, Antwoord(), attributen("99999999"))
    assert geen is None
    assert Verwerking.objects.filter(object_type="eherkenning", resultaat="geweigerd").exists()


def test_lokale_partneraccounts_uit_te_zetten(settings, partner_user):
    partner_user.set_password("een-lang-wachtwoord-1")
    partner_user.save()
    settings.PARTNER_LOKAAL_INLOGGEN = False
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": partner_user.username, "password": "een-lang-wachtwoord-1"}
    )
    assert response.status_code == 200
    assert "loggen in met eHerkenning" in response.content.decode()
    settings.PARTNER_LOKAAL_INLOGGEN = True
    response = client.post(
        "/accounts/login/", {"username": partner_user.username, "password": "een-lang-wachtwoord-1"}
    )
    assert response.status_code == 302
