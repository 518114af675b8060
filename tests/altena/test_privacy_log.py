"""The privacy officer's search of the verwerkingenlog (issue 10): by BSN (POST only), user, case and
date range; refused attempts; a neutralised CSV export; every search logged itself."""

import datetime

import pytest
from django.utils import timezone

from altena.models import Verwerking
from altena.verwerkingen import log_verwerking
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory

pytestmark = pytest.mark.django_db


def rij(actor, **extra):
    velden = {"handeling": "lezen", "verwerkingsactiviteit": "Wmo", "object_type": "casus", "object_id": 1}
    return log_verwerking(actor=actor, **{**velden, **extra})


@pytest.fixture
def po(client_for, privacy):
    return client_for(privacy)


def test_search_by_bsn_is_a_post_and_finds_that_persons_rows_in_every_gemeente(po, privacy, consultant, kern):
    jansen = InwonerFactory(kern=kern, bsn="123456782")
    elders = InwonerFactory(kern=KernFactory(gemeente="Westerkwartier", naam="Faan"), bsn="123456782")
    ander = InwonerFactory(kern=kern)
    rij(consultant, inwoner_id=jansen.pk, object_id="jansen")
    rij(consultant, inwoner_id=elders.pk, object_id="elders")
    rij(consultant, inwoner_id=ander.pk, object_id="ander")
    response = po.post("/privacy/", {"bsn": "1234 56782", "zoeken": ""})
    assert response.status_code == 200
    gevonden = {v.object_id for v in response.context["resultaten"]}
    assert gevonden == {"jansen", "elders"}
    assert "123456782" not in response.content.decode().replace('value="123456782"', "")
    # the search is logged on the persons looked up, and never with the BSN
    zoek = Verwerking.objects.filter(actor=privacy, handeling="zoeken")
    assert set(zoek.values_list("inwoner_id", flat=True)) == {jansen.pk, elders.pk}
    assert not Verwerking.objects.filter(oorsprong__contains="123456782").exists()


def test_a_bsn_in_the_url_is_ignored(po, consultant, kern):
    jansen = InwonerFactory(kern=kern, bsn="123456782")
    rij(consultant, inwoner_id=jansen.pk, object_id="jansen")
    rij(consultant, object_id="iemand anders")
    response = po.get("/privacy/", {"bsn": "123456782"})
    assert len(response.context["page_obj"].object_list) == 2


def test_filter_by_user_case_dates_and_refused_attempts(po, privacy, consultant, frontoffice):
    rij(consultant, casus_nummer="2026-000001", object_id="a")
    oud = rij(frontoffice, casus_nummer="2026-000002", object_id="b")
    rij(frontoffice, casus_nummer="2026-000002", object_id="c", resultaat="geweigerd")
    Verwerking.objects.filter(pk=oud.pk)  # append-only: the old row is made by setting the clock
    gisteren = timezone.localdate() - datetime.timedelta(days=1)

    def zoek(**data):
        response = po.post("/privacy/", {"zoeken": "", **data})
        assert response.status_code == 200, response.context["form"].errors
        return {v.object_id for v in response.context["resultaten"] if v.actor_naam != privacy.username}

    assert zoek(actor=consultant.username) == {"a"}
    assert zoek(casus="2026-000002") == {"b", "c"}
    assert zoek(alleen_geweigerd="on") == {"c"}
    assert zoek(van=timezone.localdate().isoformat(), tot=timezone.localdate().isoformat()) == {"a", "b", "c"}
    assert zoek(tot=gisteren.isoformat()) == set()
    assert Verwerking.objects.filter(actor=privacy, handeling="zoeken").count() == 5


def test_refused_attempts_show_up_for_the_officer(po, client_for, consultant, team):
    anders = CasusFactory(maatwerk=True)  # no team: outside the consultant's scope
    assert client_for(consultant).get(f"/backoffice/casus/{anders.nummer}/").status_code == 404
    response = po.post("/privacy/", {"alleen_geweigerd": "on", "zoeken": ""})
    rows = [v for v in response.context["resultaten"] if v.actor_naam == consultant.username]
    assert [(v.casus_nummer, v.resultaat) for v in rows] == [(anders.nummer, "geweigerd")]


def test_export_is_csv_neutralised_and_logged(po, privacy, consultant):
    rij(consultant, object_id='=HYPERLINK("https://x","klik")', casus_nummer="2026-000009")
    response = po.post("/privacy/", {"casus": "2026-000009", "exporteren": ""})
    assert response["Content-Type"].startswith("text/csv")
    tekst = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in tekst and ";=HYPERLINK" not in tekst
    assert Verwerking.objects.filter(
        actor=privacy, handeling="exporteren", casus_nummer="2026-000009"
    ).exists()


@pytest.mark.parametrize(
    "data,veld",
    [
        ({"actor": "a\x00b"}, "actor"),
        ({"bsn": "12ab"}, "bsn"),
        ({"van": "2026-02-02", "tot": "2026-01-01"}, "tot"),
    ],
)
def test_hostile_or_bad_input_gets_a_message_not_an_error(po, data, veld):
    response = po.post("/privacy/", {"zoeken": "", **data})
    assert response.status_code == 200 and veld in response.context["form"].errors
    # A NUL byte in a query string is refused at the perimeter (altena.security, issue 10 part a): 400.
    query = {k: v for k, v in data.items() if k != "bsn"}
    verwacht = 400 if any("\x00" in v for v in query.values()) else 200
    assert po.get("/privacy/", query).status_code == verwacht


def test_only_the_privacy_officer(client_for, role_users):
    for rol, user in role_users.items():
        assert client_for(user).post("/privacy/", {"zoeken": ""}).status_code == (
            200 if rol == "Privacy" else 403
        )


def test_refused_attempts_carry_the_inwoner_so_a_bsn_search_finds_them(po, client_for, consultant, team):
    """Issue 21: refused attempts were logged without the inwoner, so an AVG inzageverzoek (a search
    by BSN) showed none of them."""
    anders = CasusFactory(maatwerk=True)
    client_for(consultant).get(f"/backoffice/casus/{anders.nummer}/")
    client_for(consultant).get(f"/intake/inwoner/{anders.inwoner.pk}/")
    response = po.post("/privacy/", {"bsn": anders.inwoner.bsn, "zoeken": ""})
    rows = {
        (v.object_type, v.resultaat, v.inwoner_id)
        for v in response.context["resultaten"]
        if v.actor_naam == consultant.username
    }
    assert rows == {
        ("casus", "geweigerd", anders.inwoner.pk),
        ("inwoner", "geweigerd", anders.inwoner.pk),
    }
