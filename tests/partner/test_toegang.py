"""A partner's worker sees /partner/ and nothing else: every other URL of the project is refused
(403) and the attempt logged; a referral of another partner is 404 and logged too."""

import pytest

from altena.access import Rol
from altena.models import Verwerking
from tests.altena.test_access import ALL_PATHS, PUBLIC
from tests.factories.intake import VerwijzingFactory

pytestmark = pytest.mark.django_db

# /accounts/ holds the user's own account pages (two-factor set-up, logout), open to every role;
# /zo-werkt-het/ explains the user's own role (no case content), to a partner too.
STAFF_PATHS = [
    p
    for p in ALL_PATHS
    if p not in PUBLIC and not p.startswith(("/partner/", "/accounts/")) and p not in ("/", "/zo-werkt-het/")
]
PORTAL_PATHS = [p for p in ALL_PATHS if p not in PUBLIC and p.startswith("/partner/")]


def test_the_walk_found_both_kinds_of_pages():
    assert "/intake/casus/x/" in STAFF_PATHS and "/admin/" in STAFF_PATHS
    assert {"/partner/", "/partner/verwijzing/1/", "/partner/capaciteit/"} <= set(PORTAL_PATHS)


@pytest.mark.parametrize("path", STAFF_PATHS)
def test_every_staff_page_is_refused_to_a_partner_and_logged(pw, medewerker, path):
    response = pw.get(path)
    assert response.status_code == 403, f"{path}: {response.status_code}"
    log = Verwerking.objects.get(actor=medewerker.gebruiker)
    assert (log.resultaat, log.object_type, log.object_id) == ("geweigerd", "pagina", path[:50])


@pytest.mark.parametrize("path", PORTAL_PATHS)
def test_portal_pages_answer_a_partner_without_error(pw, path):
    assert pw.get(path).status_code in (200, 302, 404), path


@pytest.mark.parametrize("path", PORTAL_PATHS)
@pytest.mark.parametrize("role", [r for r in Rol.ALL if r != Rol.PARTNER])
def test_portal_pages_are_closed_to_staff(client_for, role_users, role, path):
    assert client_for(role_users[role]).get(path).status_code == 403, f"{role} {path}"


def test_home_sends_a_partner_to_the_portal_with_its_own_menu(pw):
    response = pw.get("/")
    assert response.status_code == 302 and response["Location"] == "/partner/"
    html = pw.get("/partner/").content.decode()
    assert "Verwijzingen" in html and "Capaciteit" in html
    assert "Werkvoorraad toegang" not in html and "Sociale kaart" not in html


def test_a_referral_of_another_partner_is_404_and_logged(pw, medewerker, verwijzing):
    andere = VerwijzingFactory()  # addressed to another partner
    for url in (f"/partner/verwijzing/{andere.pk}/", f"/partner/verwijzing/{andere.pk}/accepteren/"):
        assert pw.get(url).status_code == 404
    assert (
        pw.post(f"/partner/verwijzing/{andere.pk}/accepteren/", {"accepteren-versie": 1}).status_code == 404
    )
    andere.refresh_from_db()
    assert andere.status == "verstuurd"
    geweigerd = Verwerking.objects.filter(
        actor=medewerker.gebruiker, resultaat="geweigerd", object_type="verwijzing"
    )
    assert geweigerd.count() == 3 and {v.object_id for v in geweigerd} == {str(andere.pk)}


def test_a_case_url_of_its_own_referral_is_refused(pw, medewerker, verwijzing):
    response = pw.get(f"/intake/casus/{verwijzing.casus.nummer}/")
    assert response.status_code == 403
    assert verwijzing.casus.hulpvraag not in response.content.decode()
    assert Verwerking.objects.filter(actor=medewerker.gebruiker, resultaat="geweigerd").exists()


def test_a_partner_role_without_organisation_sees_nothing(client_for, partner_user, verwijzing):
    response = client_for(partner_user).get("/partner/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "niet gekoppeld" in html and "Anna" not in html
    assert client_for(partner_user).get(f"/partner/verwijzing/{verwijzing.pk}/").status_code == 404


def test_a_deactivated_worker_sees_nothing_of_its_organisation(pw, medewerker, verwijzing):
    medewerker.actief = False
    medewerker.save()
    assert pw.get(f"/partner/verwijzing/{verwijzing.pk}/").status_code == 404
    assert "Anna" not in pw.get("/partner/").content.decode()


def test_the_overview_pages_by_25_and_logs_only_the_rows_it_shows(pw, medewerker, welzijn, kern, frontoffice):
    from datetime import timedelta

    from django.utils import timezone

    from altena.models import Verwerking
    from intake.models import STANDAARD_GEDEELD
    from tests.factories.intake import CasusFactory, VerwijzingFactory

    nu = timezone.now()
    verwijzingen = [
        VerwijzingFactory(
            casus=CasusFactory(inwoner__kern=kern, verwezen=True, met_toestemming=True),
            partner=welzijn,
            door=frontoffice,
            verstuurd_op=nu - timedelta(minutes=i),
            gedeelde_gegevens=list(STANDAARD_GEDEELD),
        )
        for i in range(30)
    ]
    eerste = pw.get("/partner/")
    tweede = pw.get("/partner/", {"page": 2})
    rijen = [[g.verwijzing.pk for g in r.context["verwijzingen"]] for r in (eerste, tweede)]
    assert [len(r) for r in rijen] == [25, 5]
    assert rijen[0] + rijen[1] == [v.pk for v in verwijzingen]  # newest first, each once
    assert "Volgende" in eerste.content.decode() and "Vorige" in tweede.content.decode()
    gelogd = Verwerking.objects.filter(actor=medewerker.gebruiker, object_type="verwijzing")
    assert gelogd.count() == 30
    assert pw.get("/partner/", {"page": "x"}).status_code == 200
