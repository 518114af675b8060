"""Found #10: the BSN of an unsuccessful search leaves the session after use and after 15 minutes."""

import pytest
import time_machine

from intake.views.nieuw import ZOEK_SESSIE

pytestmark = pytest.mark.django_db


def test_bsn_from_search_is_used_once(client_for, frontoffice, kern):
    fo = client_for(frontoffice)
    fo.post("/intake/nieuw/", {"bsn": "123456782"})
    assert ZOEK_SESSIE in fo.session
    assert fo.get("/intake/nieuw/inwoner/").context["form"].initial["bsn"] == "123456782"
    assert ZOEK_SESSIE not in fo.session
    assert "bsn" not in fo.get("/intake/nieuw/inwoner/").context["form"].initial


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
