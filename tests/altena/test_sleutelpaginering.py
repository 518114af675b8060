"""Keyset pagination of the two work queues (altena.pagination) and the column that orders the
maatwerk queue (Casus.eerste_termijn, kept by database triggers)."""

import datetime
import random

import pytest
from django.utils import timezone

from backoffice.services.termijnen import termijnen_afronden
from intake.models import Casus
from intake.models.casus import MAATWERK_VOLGORDE, VOORDEUR_VOLGORDE
from intake.workflow import MAATWERK_FASEN
from tests.factories.backoffice import TermijnFactory
from tests.factories.intake import CasusFactory, InwonerFactory

pytestmark = pytest.mark.django_db


def _ids(response):
    return [c.pk for c in response.context["object_list"]]


def _alle_paginas(client, url, **params):
    """Walk Volgende from the first page to the end; return the pages."""
    paginas = []
    response = client.get(url, params)
    while True:
        paginas.append(_ids(response))
        pagina = response.context["page_obj"]
        if not pagina.has_next:
            return paginas, response
        response = client.get(url, {**params, "na": pagina.volgende_na})


@pytest.fixture
def voordeur(kern, team):
    """60 front-door cases with crisis, fase and creation times mixed, some created in the same
    second (the id breaks the tie)."""
    nu = timezone.now().replace(microsecond=0)
    rnd = random.Random(7)
    for _ in range(60):
        CasusFactory(
            inwoner=InwonerFactory(kern=kern),
            crisis=rnd.random() < 0.2,
            fase=rnd.choice(["aangemeld", "verwezen"]),
            aangemaakt=nu - datetime.timedelta(hours=rnd.randint(0, 20)),
        )
    return list(Casus.objects.order_by(*VOORDEUR_VOLGORDE, "pk").values_list("pk", flat=True))


def test_next_walks_the_whole_queue_in_its_order_each_case_once(client_for, frontoffice, voordeur):
    paginas, _ = _alle_paginas(client_for(frontoffice), "/intake/")
    assert [len(p) for p in paginas] == [25, 25, 10]
    assert [pk for p in paginas for pk in p] == voordeur


def test_previous_goes_back_to_the_same_pages(client_for, frontoffice, voordeur):
    client = client_for(frontoffice)
    paginas, laatste = _alle_paginas(client, "/intake/")
    terug = []
    response = laatste
    while response.context["page_obj"].has_previous:
        response = client.get("/intake/", {"voor": response.context["page_obj"].vorige_voor})
        terug.append(_ids(response))
    assert terug == paginas[:-1][::-1]


def test_last_page_is_the_end_of_the_queue_and_costs_no_offset(client_for, frontoffice, voordeur):
    response = client_for(frontoffice).get("/intake/", {"page": "laatste"})
    assert _ids(response) == voordeur[-25:]
    pagina = response.context["page_obj"]
    assert pagina.has_previous and not pagina.has_next
    html = response.content.decode()
    assert "Eerste" in html and "Vorige" in html and "Volgende" not in html
    assert "60 casussen" in html


def test_the_count_stops_at_its_bound_and_says_so(client_for, frontoffice, voordeur, monkeypatch):
    from altena import pagination

    monkeypatch.setattr(pagination.SleutelPaginator.__init__, "__defaults__", (25, 40))
    html = client_for(frontoffice).get("/intake/").content.decode()
    assert "Meer dan 40 casussen" in html


@pytest.mark.parametrize(
    "params",
    [
        {"na": "abc"},
        {"na": "99999999999999999999999"},
        {"voor": "-1"},
        {"na": "\x00"},
        {"voor": "123456789"},
        {"page": "9999"},
        {"page": "laatste", "na": "x"},
    ],
)
def test_a_bad_boundary_gives_the_first_page_never_an_error(client_for, frontoffice, voordeur, params):
    response = client_for(frontoffice).get("/intake/", params)
    if "\x00" in params.get("na", ""):
        assert response.status_code == 400  # NUL bytes are refused before any view (altena.security)
        return
    assert response.status_code == 200
    if "page" not in params or params["page"] != "laatste":
        assert _ids(response) == voordeur[:25]


def test_a_boundary_outside_the_users_scope_gives_the_first_page(client_for, frontoffice, voordeur):
    buiten = CasusFactory()  # a kern outside the desk worker's werkgebied
    response = client_for(frontoffice).get("/intake/", {"na": buiten.pk})
    assert _ids(response) == voordeur[:25]


def test_filters_stay_on_while_paging(client_for, frontoffice, voordeur):
    client = client_for(frontoffice)
    paginas, _ = _alle_paginas(client, "/intake/", status="verwezen")
    verwezen = list(
        Casus.objects.filter(fase="verwezen").order_by(*VOORDEUR_VOLGORDE, "pk").values_list("pk", flat=True)
    )
    assert [pk for p in paginas for pk in p] == verwezen


# --- the maatwerk queue and Casus.eerste_termijn ----------------------------------------------------


def _eerste_termijn(casus):
    return Casus.objects.values_list("eerste_termijn", flat=True).get(pk=casus.pk)


def test_eerste_termijn_follows_the_running_terms_not_the_plan(team):
    vandaag = timezone.localdate()
    casus = CasusFactory(maatwerk=True, team=team)
    assert _eerste_termijn(casus) is None
    TermijnFactory(casus=casus, soort="wmo_plan", uiterste_datum=vandaag + datetime.timedelta(days=3))
    assert _eerste_termijn(casus) is None  # the inwoner's term does not order the queue
    TermijnFactory(casus=casus, soort="wmo_onderzoek", uiterste_datum=vandaag + datetime.timedelta(days=20))
    TermijnFactory(casus=casus, soort="wmo_beschikking", uiterste_datum=vandaag + datetime.timedelta(days=9))
    assert _eerste_termijn(casus) == vandaag + datetime.timedelta(days=9)
    termijnen_afronden(casus=casus, soorten=["wmo_beschikking"])
    assert _eerste_termijn(casus) == vandaag + datetime.timedelta(days=20)
    termijnen_afronden(casus=casus)
    assert _eerste_termijn(casus) is None


def test_a_stale_case_object_saved_later_cannot_overwrite_eerste_termijn(team):
    vandaag = timezone.localdate()
    casus = CasusFactory(maatwerk=True, team=team)
    oud = Casus.objects.get(pk=casus.pk)  # read before the term starts
    TermijnFactory(casus=casus, uiterste_datum=vandaag + datetime.timedelta(days=5))
    oud.hulpvraag = "Aangevuld"
    oud.save()
    assert _eerste_termijn(casus) == vandaag + datetime.timedelta(days=5)


def test_the_maatwerk_queue_pages_in_its_order(client_for, consultant, team):
    vandaag = timezone.localdate()
    rnd = random.Random(3)
    for _ in range(40):
        casus = CasusFactory(maatwerk=True, team=team, crisis=rnd.random() < 0.2)
        if rnd.random() < 0.6:
            TermijnFactory(casus=casus, uiterste_datum=vandaag + datetime.timedelta(days=rnd.randint(-5, 30)))
    verwacht = list(
        Casus.objects.filter(fase__in=MAATWERK_FASEN)
        .order_by(*MAATWERK_VOLGORDE, "pk")
        .values_list("pk", flat=True)
    )
    client = client_for(consultant)
    paginas, _ = _alle_paginas(client, "/backoffice/")
    assert [pk for p in paginas for pk in p] == verwacht
    # crisis first, then the nearest deadline, cases without a running term last
    rijen = [Casus.objects.get(pk=pk) for pk in verwacht]
    sleutels = [(not c.crisis, c.eerste_termijn or datetime.date.max, c.aangemaakt) for c in rijen]
    assert sleutels == sorted(sleutels)
    assert _ids(client.get("/backoffice/", {"page": "laatste"})) == verwacht[-25:]


def test_een_van_means_pk_in():
    from altena.sql import EenVan

    casussen = [CasusFactory() for _ in range(3)]
    ids = [casussen[0].pk, casussen[2].pk, 10**12]
    assert set(Casus.objects.filter(EenVan("pk", ids))) == set(Casus.objects.filter(pk__in=ids))
    assert not Casus.objects.filter(EenVan("pk", [])).exists()
    assert Casus.objects.filter(EenVan("pk", ids) | EenVan("pk", [casussen[1].pk])).count() == 3
    subquery = Casus.objects.filter(pk__in=ids).values("pk")
    assert set(Casus.objects.filter(EenVan("pk", subquery))) == set(Casus.objects.filter(pk__in=ids))
    assert not Casus.objects.filter(EenVan("pk", Casus.objects.none().values("pk"))).exists()
