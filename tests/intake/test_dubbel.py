"""The duplicate-registration guard: Back + submit again asks before making a second case, and
identical submits racing each other make one case that every submit lands on."""

import threading
import uuid

import pytest
from django.db import connection

from altena.access import Rol
from intake.models import Casus
from intake.services import MogelijkDubbel, casus_aanmaken
from tests.factories.altena import UserFactory
from tests.factories.intake import InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory
from tests.intake.test_views_nieuw import hulpvraag


@pytest.fixture
def fo(client_for, frontoffice):
    return client_for(frontoffice)


def url(inwoner):
    return f"/intake/inwoner/{inwoner.pk}/hulpvraag/"


@pytest.mark.django_db
def test_back_en_opnieuw_versturen_vraagt_eerst(fo, kern):
    inwoner = InwonerFactory(kern=kern)
    eerste = fo.post(url(inwoner), hulpvraag(kern=kern.pk))
    casus = Casus.objects.get()
    assert eerste.status_code == 302
    # Back: the browser loads the form again, with a new submission token, and the desk worker
    # submits the same question once more.
    assert fo.get(url(inwoner)).status_code == 200
    tweede = fo.post(url(inwoner), hulpvraag(kern=kern.pk))
    html = tweede.content.decode()
    assert tweede.status_code == 200 and 'data-testid="mogelijk-dubbel"' in html
    assert casus.nummer in html and "Ik kan mijn huis niet meer schoonhouden." in html  # input kept
    assert Casus.objects.count() == 1
    # Confirmed as a new, different question: now it is made.
    derde = fo.post(url(inwoner), hulpvraag(kern=kern.pk, dubbel_bevestigd="on"))
    assert derde.status_code == 302 and Casus.objects.count() == 2


@pytest.mark.django_db
def test_zelfde_leefgebieden_andere_woorden_is_ook_mogelijk_dubbel(fo, kern):
    inwoner = InwonerFactory(kern=kern)
    fo.post(url(inwoner), hulpvraag(kern=kern.pk))
    response = fo.post(url(inwoner), hulpvraag(kern=kern.pk, hulpvraag="Schoonmaken lukt niet meer."))
    assert 'data-testid="mogelijk-dubbel"' in response.content.decode()
    assert Casus.objects.count() == 1


@pytest.mark.django_db
def test_andere_vraag_van_dezelfde_inwoner_gaat_gewoon_door(fo, kern):
    inwoner = InwonerFactory(kern=kern)
    fo.post(url(inwoner), hulpvraag(kern=kern.pk))
    anders = hulpvraag(
        kern=kern.pk, hulpvraag="Schulden bij de energiemaatschappij.", leefgebieden=["financien"]
    )
    assert fo.post(url(inwoner), anders).status_code == 302
    assert Casus.objects.count() == 2


@pytest.mark.django_db
def test_service_weigert_een_mogelijk_dubbel_tenzij_bevestigd(kern, frontoffice):
    inwoner = InwonerFactory(kern=kern)
    velden = dict(inwoner=inwoner, door=frontoffice, hulpvraag="Hulp  bij het HUISHOUDEN", kanaal="balie")
    eerste = casus_aanmaken(leefgebieden=["instrumentele_adl"], **velden)
    with pytest.raises(MogelijkDubbel) as fout:
        casus_aanmaken(leefgebieden=["financien"], **{**velden, "hulpvraag": "hulp bij het huishouden"})
    assert fout.value.casus == eerste
    casus_aanmaken(leefgebieden=["financien"], dubbel_bevestigd=True, **velden)
    assert Casus.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_identieke_verzendingen_landen_allemaal_op_de_ene_casus(client_for):
    kern = KernFactory(naam="Werkendam", postcodegebieden=["4251"])
    desk = UserFactory(username="balie", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang Werkendam", kernen=[kern], leden=[desk])
    inwoner = InwonerFactory(kern=kern)
    data = hulpvraag(kern=kern.pk, indienings_token=str(uuid.uuid4()))
    aantal = 4
    start = threading.Barrier(aantal)
    antwoorden = []
    clients = [client_for(desk) for _ in range(aantal)]

    def verstuur(client):
        try:
            start.wait()
            response = client.post(url(inwoner), data)
            antwoorden.append((response.status_code, response.get("Location", "")))
        except Exception as fout:  # noqa: BLE001 - reported by the assertion below
            antwoorden.append((repr(fout), ""))
        finally:
            connection.close()

    threads = [threading.Thread(target=verstuur, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    casus = Casus.objects.get()
    assert antwoorden == [(302, f"/intake/casus/{casus.nummer}/")] * aantal
    assert casus.gebeurtenissen.count() == 1
