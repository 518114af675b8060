"""Dutch error pages in the application's layout; found #8 (no 500 on hostile input)."""

import pytest
from django.test import RequestFactory

from altena import errors

pytestmark = pytest.mark.django_db


def test_404_is_dutch_with_menu_for_logged_in_user(client_for, consultant):
    response = client_for(consultant).get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html and "Naar uw startpagina" in html
    assert "Maatwerk" in html  # the application's own menu
    assert "Traceback" not in html


def test_404_for_anonymous_offers_the_login(client):
    response = client.get("/static/bestaat-niet.css")
    assert response.status_code == 404


def test_403_keeps_the_dutch_reason(client_for, frontoffice):
    response = client_for(frontoffice).get("/privacy/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang" in html and "U heeft geen toegang tot deze pagina met uw rol." in html


def test_404_of_a_case_keeps_its_dutch_reason(client_for, consultant):
    response = client_for(consultant).get("/intake/inwoner/999999/")
    assert response.status_code == 404
    assert "valt buiten uw werkgebied" in response.content.decode()


def test_django_english_reasons_are_not_shown():
    from django.http import Http404

    assert errors._reden(Http404("No Casus matches the given query.")) == ""
    assert errors._reden(Http404("Deze casus bestaat niet.")) == "Deze casus bestaat niet."


def test_get_on_a_post_only_url_gets_the_dutch_405(client_for, consultant):
    response = client_for(consultant).get("/accounts/tweestaps/herstelcodes/")
    assert response.status_code == 405
    assert "Deze handeling kan zo niet" in response.content.decode()
    assert response["Allow"] == "POST, OPTIONS"


def test_500_page_is_dutch_without_trace(client):
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = errors.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html and "Traceback" not in html


def test_a_real_server_error_answers_with_the_dutch_500(client_for, consultant, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("altena.views.start_url", boom)
    client = client_for(consultant)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "kapot" not in response.content.decode()


def test_400_page_on_a_nul_byte_in_a_filter(client_for, privacy):
    client = client_for(privacy)
    client.raise_request_exception = False
    response = client.get("/privacy/?actor=a%00b")
    assert response.status_code == 400
    html = response.content.decode()
    assert "ongeldige tekens" in html and "Verwerkingenlog" in html


def test_429_lockout_page_is_in_the_layout(client, settings, frontoffice):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 1
    client.post("/accounts/login/", {"username": "frontoffice", "password": "fout"})
    response = client.post("/accounts/login/", {"username": "frontoffice", "password": "fout"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "tijdelijk geblokkeerd" in html and "Wachtwoord vergeten" in html and "<nav" in html


def test_admin_partner_list_with_a_bad_kern_is_not_a_500(client_for, beheerder):
    client = client_for(beheerder)
    client.raise_request_exception = False
    for waarde in ("abc", "1.5", "99999999999999999999", "-1", "１２"):
        response = client.get("/admin/netwerk/partner/", {"kern": waarde})
        assert response.status_code == 200, waarde
    response = client.get("/admin/netwerk/partner/?kern=1%00")
    assert response.status_code == 400
