"""Mijn Toegang through the test client: DigiD (demo) login, the inwoner's own session, cases with
the legal clock, letters, a melding, an upload, the answer to a request for information, and who
looked at the dossier. Another inwoner gets the same 404 as a number that does not exist."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from altena.models import Verwerking
from documenten.services import brief_verzenden
from intake.models import Casus, Kanaal
from mijn import sessie
from mijn.logboek import INWONER_ZELF
from mijn.models import InformatieAntwoord, Portaalinstelling
from tests.factories.documenten import PDF_BYTES
from tests.factories.intake import InwonerFactory
from tests.factories.netwerk import KernFactory

from .conftest import inwoner_client

pytestmark = pytest.mark.django_db


def test_startpagina_biedt_digid_demo(client):
    response = client.get("/mijn/")
    assert response.status_code == 200
    assert "Inloggen met DigiD (demo)" in response.content.decode()


def test_demo_idp_leidt_via_de_mock_terug_en_logt_in(client, inwoner_a):
    response = client.get("/mijn/digid-demo/login/")
    assert response.status_code == 302 and response.url.startswith("/mijn/demo-idp/digid/inloggen/")
    keuze = client.get(response.url)
    assert keuze.status_code == 200 and "Met burgerservicenummer (demo)" in keuze.content.decode()
    bsn_url = keuze.context["password_login_url"]
    fout = client.post(bsn_url, {"auth_bsn": "123"})
    assert fout.status_code == 200 and "Vul een geldig burgerservicenummer in." in fout.content.decode()
    terug = client.post(bsn_url, {"auth_bsn": inwoner_a.bsn})
    assert terug.status_code == 302 and "/mijn/digid-demo/acs/" in terug.url
    binnen = client.get(terug.url)
    assert binnen.status_code == 302 and binnen.url == "/mijn/overzicht/"
    assert "Anna" in client.get("/mijn/overzicht/").content.decode()
    assert Verwerking.objects.filter(actor_naam=INWONER_ZELF, inwoner_id=inwoner_a.pk).exists()


def test_onbekend_bsn_geeft_duidelijke_pagina_zonder_te_verraden_of_het_elders_bestaat(client, kern):
    elders = InwonerFactory(kern=KernFactory(gemeente="Westerkwartier", naam="Zuidhorn"))
    for bsn in (elders.bsn, "111222333"):
        c = Client()
        response = c.get("/mijn/digid-demo/acs/", {"bsn": bsn}, follow=True)
        assert response.redirect_chain[-1][0] == "/mijn/niet-gevonden/"
        assert "Wij hebben nog geen gegevens van u" in response.content.decode()
        assert c.get("/mijn/overzicht/").status_code == 302
    # one page, the same for both: nothing tells that the first BSN is an inwoner elsewhere
    assert Verwerking.objects.filter(object_type="digid", resultaat="geweigerd").count() == 2


def test_zelfde_bsn_in_twee_gemeenten_opent_alleen_die_van_de_portaalgemeente(settings, kern):
    hier = InwonerFactory(kern=kern, voornamen="Hier")
    InwonerFactory(
        kern=KernFactory(gemeente="Westerkwartier", naam="Zuidhorn"), bsn=hier.bsn, voornamen="Daar"
    )
    client = inwoner_client(hier)
    assert client.session[sessie.INWONER] == hier.pk


def test_inwonersessie_is_geen_medewerkerssessie(inwoner_a):
    client = inwoner_client(inwoner_a)
    # no staff URL answers it: they send to the staff login
    for url in ("/intake/", "/backoffice/", "/privacy/", "/partner/", "/admin/"):
        response = client.get(url)
        assert response.status_code == 302 and "/mijn/" not in response.url, url


def test_medewerker_opent_mijn_nooit_en_wordt_gelogd(client_for, consultant):
    client = client_for(consultant)
    for url in ("/mijn/", "/mijn/overzicht/", "/mijn/wie-keek/"):
        assert client.get(url).status_code == 403
    assert Verwerking.objects.filter(actor=consultant, resultaat="geweigerd").count() == 3


def test_medewerkerlogin_neemt_de_inwonersessie_niet_mee(inwoner_a, consultant):
    client = inwoner_client(inwoner_a)
    consultant.set_password("geheim-wachtwoord-123")
    consultant.save()
    client.post("/accounts/login/", {"username": consultant.username, "password": "geheim-wachtwoord-123"})
    assert sessie.INWONER not in client.session
    assert client.get("/mijn/overzicht/").status_code == 403


def test_idle_en_absolute_timeout(inwoner_a, time_machine):
    time_machine.move_to(timezone.now())
    client = inwoner_client(inwoner_a)
    time_machine.shift(timedelta(minutes=14))
    assert client.get("/mijn/overzicht/").status_code == 200
    time_machine.shift(timedelta(minutes=16))
    response = client.get("/mijn/overzicht/")
    assert response.status_code == 302 and response.url == "/mijn/"
    client = inwoner_client(inwoner_a)
    for _ in range(9):  # active every 14 minutes for over two hours
        time_machine.shift(timedelta(minutes=14))
        laatste = client.get("/mijn/overzicht/")
    assert laatste.status_code == 302 and laatste.url == "/mijn/"


def test_zaak_met_stand_klok_verdaging_en_opschorting(wmo_casus, inwoner_a):
    client = inwoner_client(inwoner_a)
    overzicht = client.get("/mijn/overzicht/").content.decode()
    assert wmo_casus.nummer in overzicht and "Wij onderzoeken samen met u" in overzicht
    html = client.get(f"/mijn/zaak/{wmo_casus.nummer}/").content.decode()
    termijn = wmo_casus.termijnen.get()
    assert "Wanneer moet de gemeente beslissen?" in html
    assert "het onderzoek naar uw situatie afronden" in html
    assert "binnen 6 weken na uw melding" in html
    assert "De gemeente heeft de datum verschoven naar" in html
    assert "Wij wachten op advies van de huisarts." in html
    assert "Stuur ons de brief van uw huisarts" in html and "staat de termijn stil" in html
    assert termijn.uiterste_datum.year and "Beantwoord de vraag" in html
    assert "Team Werkendam" in html


def test_contact_toont_voornaam_alleen_als_de_privacy_officer_het_toestaat(wmo_casus, inwoner_a, consultant):
    consultant.first_name = "Koen"
    consultant.save()
    client = inwoner_client(inwoner_a)
    assert "Koen" not in client.get(f"/mijn/zaak/{wmo_casus.nummer}/").content.decode()
    Portaalinstelling.objects.create(gemeente="Altena", namen_tonen=True)
    assert "uw contactpersoon: Koen" in client.get(f"/mijn/zaak/{wmo_casus.nummer}/").content.decode()


def test_zaak_van_een_ander_is_dezelfde_404_als_niet_bestaand_en_gelogd(wmo_casus, inwoner_b):
    client = inwoner_client(inwoner_b)
    ander = client.get(f"/mijn/zaak/{wmo_casus.nummer}/")
    nergens = client.get("/mijn/zaak/2099-999999/")
    assert ander.status_code == nergens.status_code == 404
    assert ander.content == nergens.content.replace(b"2099-999999", wmo_casus.nummer.encode())
    geweigerd = Verwerking.objects.filter(inwoner_id=inwoner_b.pk, resultaat="geweigerd", object_type="casus")
    assert {r.object_id for r in geweigerd} == {wmo_casus.nummer, "2099-999999"}


def test_brief_downloaden_gelogd_en_niet_voor_een_ander(besluit_met_voorziening, consultant, inwoner_b):
    brief = brief_verzenden(
        casus=besluit_met_voorziening.casus,
        soort="beschikking_toekenning",
        obj=besluit_met_voorziening,
        verzonden_op=timezone.localdate(),
        kanaal="portaal",
        door=consultant,
    )
    eigenaar = besluit_met_voorziening.casus.inwoner
    client = inwoner_client(eigenaar)
    lijst = client.get("/mijn/brieven/").content.decode()
    assert "Beschikking: toekenning" in lijst and "bezwaar maken tot en met" in lijst
    response = client.get(f"/mijn/brieven/{brief.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert Verwerking.objects.filter(
        object_type="brief", object_id=str(brief.pk), handeling="exporteren"
    ).exists()
    ander = inwoner_client(inwoner_b)
    assert ander.get(f"/mijn/brieven/{brief.pk}/").status_code == 404
    assert ander.get("/mijn/brieven/99999999/").status_code == 404
    assert (
        Verwerking.objects.filter(inwoner_id=inwoner_b.pk, object_type="brief", resultaat="geweigerd").count()
        == 2
    )


def test_melding_komt_in_de_voordeur_met_bevestiging_en_dubbelcheck(inwoner_a, client_for, frontoffice):
    client = inwoner_client(inwoner_a)
    form = client.get("/mijn/melding/")
    token = form.context["form"].initial["indienings_token"]
    leeg = client.post("/mijn/melding/", {"indienings_token": token})
    assert "Schrijf kort waar u hulp bij nodig heeft." in leeg.content.decode()
    data = {
        "hulpvraag": "Ik kan niet meer zelf koken.",
        "leefgebieden": ["huisvesting"],
        "indienings_token": token,
    }
    response = client.post("/mijn/melding/", data)
    casus = Casus.objects.get(inwoner=inwoner_a)
    assert response.url == f"/mijn/melding/{casus.nummer}/ontvangen/"
    assert casus.kanaal == Kanaal.MIJN_TOEGANG and casus.aangemaakt_door is None
    assert casus.nummer in client.get(response.url).content.decode()
    # the same submit again: still one case
    client.post("/mijn/melding/", data)
    assert Casus.objects.filter(inwoner=inwoner_a).count() == 1
    # a new submit of the same question: the duplicate guard asks to confirm
    nieuw = dict(data, indienings_token="11111111-1111-1111-1111-111111111111")
    dubbel = client.post("/mijn/melding/", nieuw)
    assert "kort geleden al een melding gedaan" in dubbel.content.decode()
    assert Casus.objects.filter(inwoner=inwoner_a).count() == 1
    # the front door's queue shows it, marked
    queue = client_for(frontoffice).get("/intake/").content.decode()
    assert casus.nummer in queue and "Via Mijn Toegang" in queue


def test_upload_naar_eigen_zaak_met_dezelfde_controles(wmo_casus, inwoner_a, inwoner_b):
    client = inwoner_client(inwoner_a)
    url = f"/mijn/zaak/{wmo_casus.nummer}/document/"
    slecht = client.post(
        url,
        {
            "bestand": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 geen pdf", "application/pdf"),
            "documenttype": "overig",
            "omschrijving": "test",
        },
    )
    assert slecht.status_code == 200 and wmo_casus.documenten.count() == 0
    goed = client.post(
        url,
        {
            "bestand": SimpleUploadedFile("brief.pdf", PDF_BYTES, "application/pdf"),
            "documenttype": "medisch_advies",
            "omschrijving": "Brief van de huisarts",
        },
    )
    assert goed.status_code == 302
    document = wmo_casus.documenten.get()
    assert document.toegevoegd_door is None and "via Mijn Toegang" in document.omschrijving
    assert client.get(f"/mijn/zaak/{wmo_casus.nummer}/document/{document.pk}/").status_code == 200
    assert inwoner_client(inwoner_b).get(url).status_code == 404


def test_antwoord_op_vraag_om_informatie(wmo_casus, inwoner_a):
    client = inwoner_client(inwoner_a)
    opschorting = wmo_casus.termijnen.get().opschortingen.get()
    url = f"/mijn/zaak/{wmo_casus.nummer}/antwoord/{opschorting.pk}/"
    assert "Schrijf uw antwoord." in client.post(url, {"tekst": ""}).content.decode()
    response = client.post(url, {"tekst": "De brief komt morgen."})
    assert response.status_code == 302
    antwoord = InformatieAntwoord.objects.get()
    assert antwoord.opschorting == opschorting
    assert wmo_casus.gebeurtenissen.filter(tekst__contains="De brief komt morgen.").exists()


def test_wie_keek_toont_team_en_rol_niet_de_eigen_bezoeken(wmo_casus, inwoner_a, client_for, consultant):
    client_for(consultant).get(f"/backoffice/casus/{wmo_casus.nummer}/")
    Verwerking.objects.create(
        actor=None,
        actor_naam="systeem",
        handeling="lezen",
        verwerkingsactiviteit="Signalen: termijnbewaking",
        object_type="casus",
        object_id=str(wmo_casus.pk),
        inwoner_id=inwoner_a.pk,
    )
    client = inwoner_client(inwoner_a)
    client.get("/mijn/overzicht/")
    html = client.get("/mijn/wie-keek/").content.decode()
    assert "Team Werkendam (consulent)" in html and "ingezien" in html
    assert "Automatische controle door het systeem" in html
    assert consultant.username not in html and "Mijn Toegang: eigen dossier" not in html
    pdf = client.get("/mijn/wie-keek/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert Verwerking.objects.filter(
        actor_naam=INWONER_ZELF, handeling="exporteren", object_type="verwerkingenlog"
    ).exists()


def test_uitloggen(inwoner_a):
    client = inwoner_client(inwoner_a)
    assert client.post("/mijn/uitloggen/").url == "/mijn/"
    assert client.get("/mijn/overzicht/").status_code == 302


@pytest.mark.parametrize("pad", ["/mijn/overzicht/", "/mijn/brieven/", "/mijn/wie-keek/"])
def test_lijsten_hebben_een_vast_aantal_queries(pad, inwoner_a, kern, team, consultant, client_for):
    """One case and one look, then many: the same number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.intake import CasusFactory

    client = inwoner_client(inwoner_a)

    def tellen():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(pad).status_code == 200
        return len(ctx.captured_queries)

    CasusFactory(inwoner=inwoner_a, team=team)
    Verwerking.objects.create(
        actor=consultant,
        actor_naam="c",
        handeling="lezen",
        verwerkingsactiviteit="x",
        object_type="inwoner",
        object_id=str(inwoner_a.pk),
        inwoner_id=inwoner_a.pk,
    )
    een = tellen()
    andere = [medewerker_in(team) for _ in range(3)]
    for i in range(5):
        CasusFactory(inwoner=inwoner_a, team=team)
        Verwerking.objects.create(
            actor=andere[i % 3],
            actor_naam="c",
            handeling="wijzigen",
            verwerkingsactiviteit="x",
            object_type="inwoner",
            object_id=str(inwoner_a.pk),
            inwoner_id=inwoner_a.pk,
        )
    assert tellen() == een


def medewerker_in(team):
    from tests.factories.altena import UserFactory

    user = UserFactory(rollen=["Consultant"])
    team.leden.add(user)
    return user


def test_onbekend_bsn_kan_via_het_formulier_een_melding_doen(client, kern, frontoffice, client_for):
    bsn = "111222333"
    pagina = client.get("/mijn/digid-demo/acs/", {"bsn": bsn}, follow=True)
    assert "Doe hier een melding" in pagina.content.decode()
    token = pagina.context["form"].initial["indienings_token"]
    gegevens = {
        "voornamen": "Nina",
        "achternaam": "Nieuw",
        "geboortedatum": "1980-02-03",
        "straat": "Kerkstraat",
        "huisnummer": "4",
        "postcode": "9999 ZZ",
        "hulpvraag": "Ik zoek hulp bij mijn administratie.",
        "leefgebieden": ["financien"],
        "indienings_token": token,
    }
    fout = client.post("/mijn/niet-gevonden/", gegevens)
    assert "hoort niet bij de gemeente Altena" in fout.content.decode()
    assert not Casus.objects.filter(inwoner__bsn=bsn).exists()
    response = client.post("/mijn/niet-gevonden/", dict(gegevens, postcode="4254 AB"))
    casus = Casus.objects.get(inwoner__bsn=bsn)
    assert response.url == f"/mijn/melding/{casus.nummer}/ontvangen/"
    assert casus.kanaal == Kanaal.MIJN_TOEGANG and casus.inwoner.gemeente == "Altena"
    assert casus.nummer in client.get(response.url).content.decode()
    assert casus.nummer in client_for(frontoffice).get("/intake/").content.decode()


def test_formulier_zonder_verse_digid_login_stuurt_terug(client, kern):
    response = client.post("/mijn/niet-gevonden/", {"voornamen": "X"})
    assert response.status_code == 302 and response.url == "/mijn/"
    assert "Doe hier een melding" not in client.get("/mijn/niet-gevonden/").content.decode()
