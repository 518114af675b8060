"""The admin of persons and cases (issue 10, found #5): a superuser only, BSN masked there too, every
view logged; Beheerder and Privacy see no case content."""

import pytest

from altena.models import Verwerking
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory

pytestmark = pytest.mark.django_db

PERSOONS_ADMIN = [
    "/admin/intake/inwoner/",
    "/admin/intake/casus/",
    "/admin/intake/huishouden/",
    "/admin/intake/verwijzing/",
    "/admin/intake/zrmscore/",
]


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def casus(kern):
    huishouden = HuishoudenFactory()
    inwoner = InwonerFactory(kern=kern, bsn="123456782", huishouden=huishouden, achternaam="Geheim")
    return CasusFactory(inwoner=inwoner, hulpvraag="Zeer persoonlijke hulpvraag")


@pytest.mark.parametrize("url", PERSOONS_ADMIN)
def test_beheerder_and_privacy_get_no_person_or_case_admin(client_for, beheerder, privacy, casus, url):
    response = client_for(beheerder).get(url)
    assert response.status_code == 403
    assert Verwerking.objects.filter(actor=beheerder, resultaat="geweigerd").count() == 1
    # Privacy is no staff member: the admin sends it to its login page, no content.
    assert client_for(privacy).get(url).status_code in (302, 403)


def test_beheerder_admin_index_lists_no_persons_or_cases(client_for, beheerder, casus):
    html = client_for(beheerder).get("/admin/").content.decode()
    assert "/admin/intake/" not in html


@pytest.mark.parametrize("path", ["inwoner", "casus"])
def test_beheerder_cannot_open_a_single_person_or_case(client_for, beheerder, casus, path):
    pk = casus.inwoner.pk if path == "inwoner" else casus.pk
    response = client_for(beheerder).get(f"/admin/intake/{path}/{pk}/change/")
    assert response.status_code == 403
    assert b"Geheim" not in response.content and b"persoonlijke" not in response.content


def test_superuser_list_masks_the_bsn_and_logs_every_row(client_for, superuser, casus, kern):
    andere = InwonerFactory(kern=kern)
    response = client_for(superuser).get("/admin/intake/inwoner/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "123456782" not in html and "******782" in html
    rows = Verwerking.objects.filter(actor=superuser, object_type="inwoner")
    assert sorted(rows.values_list("inwoner_id", flat=True)) == sorted([casus.inwoner.pk, andere.pk])


def test_superuser_change_page_has_no_full_bsn_and_is_logged(client_for, superuser, casus):
    inwoner = casus.inwoner
    response = client_for(superuser).get(f"/admin/intake/inwoner/{inwoner.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "123456782" not in html and "******782" in html
    row = Verwerking.objects.get(actor=superuser)
    assert (row.object_type, row.inwoner_id, row.handeling) == ("inwoner", inwoner.pk, "lezen")


def test_superuser_case_views_are_logged_with_the_case_number(client_for, superuser, casus):
    client = client_for(superuser)
    client.get("/admin/intake/casus/")
    client.get(f"/admin/intake/casus/{casus.pk}/change/")
    rows = Verwerking.objects.filter(actor=superuser, casus_nummer=casus.nummer)
    assert rows.count() == 2 and set(rows.values_list("inwoner_id", flat=True)) == {casus.inwoner_id}


def test_household_admin_logs_the_members_it_shows(client_for, superuser, casus, kern):
    huisgenoot = InwonerFactory(kern=kern, huishouden=casus.huishouden)
    client_for(superuser).get(f"/admin/intake/huishouden/{casus.huishouden.pk}/change/")
    gelogd = set(
        Verwerking.objects.filter(actor=superuser, object_type="inwoner").values_list("inwoner_id", flat=True)
    )
    assert gelogd == {casus.inwoner_id, huisgenoot.pk}


@pytest.mark.parametrize(
    "zoek", [{"datum__year": "2147483648"}, {"datum__year": "2026", "datum__month": "99999999999"}]
)
def test_date_hierarchy_with_an_overflowing_year_goes_back_to_the_list_not_a_500(client_for, beheerder, zoek):
    """Found by the hostile-input walk in CI: Django's date hierarchy let an OverflowError through."""
    client = client_for(beheerder)
    client.raise_request_exception = False
    response = client.get("/admin/backoffice/feestdag/", zoek)
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_every_admin_with_a_date_hierarchy_uses_the_guarded_change_list():
    from django.contrib import admin

    from altena.admin import DatumhierarchieMixin

    met_hierarchie = [m for m in admin.site._registry.values() if m.date_hierarchy]
    assert len(met_hierarchie) >= 7  # ours and axes' three
    for model_admin in met_hierarchie:
        assert isinstance(model_admin, DatumhierarchieMixin), type(model_admin).__name__


def test_axes_login_attempts_with_an_overflowing_year_go_back_to_the_list(client_for, admin_user):
    response = client_for(admin_user).get("/admin/axes/accessattempt/", {"attempt_time__year": "2147483648"})
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
