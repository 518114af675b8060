"""Found #10: the BSN of an unsuccessful search leaves the session after use and after 15 minutes."""

import pytest
import time_machine

from intake.views.nieuw import ZOEK_SESSIE

pytestmark = pytest.mark.django_db


def test_bsn_from_search_never_enters_the_session(client_for, frontoffice, kern):
    """Issue 21: a failed BSN search stayed in django_session for the login's 8 hours. Now the BSN
    goes only with the page's "register" button (a POST), never into the session store."""
    from django.contrib.sessions.models import Session

    fo = client_for(frontoffice)
    pagina = fo.post("/intake/nieuw/", {"bsn": "123456782"}).content.decode()
    assert "123456782" not in str(dict(fo.session))
    assert not any("123456782" in str(s.get_decoded()) for s in Session.objects.all())
    assert 'name="vooringevuld"' in pagina and 'value="123456782"' in pagina
    form = fo.post("/intake/nieuw/inwoner/", {"vooringevuld": "1", "bsn": "123456782"}).context["form"]
    assert form.initial["bsn"] == "123456782" and not form.is_bound
    assert "bsn" not in fo.get("/intake/nieuw/inwoner/").context["form"].initial


def test_search_details_without_the_bsn_are_used_once(client_for, frontoffice, kern):
    fo = client_for(frontoffice)
    fo.post("/intake/nieuw/", {"achternaam": "Jansen", "geboortedatum": "02-03-1948"})
    assert ZOEK_SESSIE in fo.session
    assert fo.get("/intake/nieuw/inwoner/").context["form"].initial.get("achternaam") == "Jansen"
    assert ZOEK_SESSIE not in fo.session


def test_bsn_from_search_expires_after_15_minutes(client_for, frontoffice, kern):
    with time_machine.travel("2026-03-02 09:00 +0100", tick=False) as reis:
        fo = client_for(frontoffice)
        fo.post("/intake/nieuw/", {"bsn": "123456782"})
        reis.shift(14 * 60)
        fo.get("/intake/")  # keeps the login alive, not the search
        reis.shift(2 * 60)
        form = fo.get("/intake/nieuw/inwoner/").context["form"]
    assert "bsn" not in form.initial
    assert ZOEK_SESSIE not in fo.session
