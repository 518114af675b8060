"""Access: anonymous users go to the login page everywhere; each role sees exactly its pages."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from altena.access import Rol

pytestmark = pytest.mark.django_db

PUBLIC = {
    "/health/",
    "/accounts/login/",
    "/accounts/logout/",
    "/admin/login/",
    # "Wachtwoord vergeten" and the set-password link are for people who cannot log in.
    "/accounts/wachtwoord-vergeten/",
    "/accounts/wachtwoord-vergeten/verzonden/",
    "/accounts/wachtwoord-vergeten/nieuw/x/x/",
    "/accounts/wachtwoord-vergeten/ingesteld/",
    # A partner worker's invitation link: the way in for someone without an account yet.
    "/partner/uitnodiging/x/",
    # eHerkenning for partner organisations: its start page, demo IdP and SAML steps (issue 24).
    "/partner/eherkenning/",
    "/partner/eherkenning/demo/",
    "/partner/eherkenning/saml/login/",
    "/partner/eherkenning/saml/acs/",
    # The single-use unlock link of a locked username: for someone who cannot log in.
    "/accounts/ontgrendelen/x/",
}


def _walk(patterns, prefix=""):
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, route)
        elif isinstance(p, URLPattern):
            yield route


def _concrete(route: str) -> str | None:
    if route.startswith("^") or "(?P" in route:  # admin regex routes: covered by the admin's own login
        return None
    path = re.sub(r"<int:[^>]+>", "1", route)
    path = re.sub(r"<(?:(?:str|slug|uuid|path):)?[^>]+>", "x", path)
    return "/" + path


ALL_PATHS = sorted({p for p in (_concrete(r) for r in _walk(get_resolver().url_patterns)) if p})


# Mijn Toegang (/mijn/) is the inwoner's portal, with DigiD instead of the staff login: its own
# start page and the DigiD steps are open; every other page sends to /mijn/ (tests/mijn/).
MIJN_OPEN = {
    "/mijn/",
    "/mijn/niet-gevonden/",
    "/mijn/digid/login/",
    "/mijn/digid/acs/",
    "/mijn/digid-demo/login/",
    "/mijn/digid-demo/acs/",
    "/mijn/demo-idp/digid/inloggen/",
    "/mijn/demo-idp/digid/inloggen_bsn/",
    "/mijn/uitloggen/",  # POST only: a GET is 405 for anyone
}


@pytest.mark.parametrize("path", [p for p in ALL_PATHS if p not in PUBLIC and not p.startswith("/mijn/")])
def test_anonymous_request_goes_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302, path
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("path", [p for p in ALL_PATHS if p.startswith("/mijn/") and p not in MIJN_OPEN])
def test_anonymous_on_mijn_goes_to_the_digid_start_page(client, path):
    response = client.get(path)
    assert response.status_code == 302, path
    assert response["Location"] == "/mijn/"


# The start page of each role, and which roles may open it.
ROLE_PAGES = {
    "/intake/": {Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER},
    "/intake/nieuw/": {Rol.FRONTOFFICE},
    "/backoffice/": {Rol.CONSULTANT, Rol.TEAMLEIDER},
    "/netwerk/": {Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER},
    "/rapportage/": {Rol.TEAMLEIDER},
    "/rapportage/raad/": {Rol.TEAMLEIDER, Rol.BELEID},
    "/privacy/": {Rol.PRIVACY},
    "/partner/": {Rol.PARTNER},
}


@pytest.mark.parametrize("path", sorted(ROLE_PAGES))
@pytest.mark.parametrize("role", Rol.ALL)
def test_role_page_matrix(client_for, role_users, role, path):
    response = client_for(role_users[role]).get(path)
    expected = 200 if role in ROLE_PAGES[path] else 403
    assert response.status_code == expected, f"{role} {path}: {response.status_code}"


@pytest.mark.parametrize(
    "role,start",
    [
        (Rol.FRONTOFFICE, "/intake/"),
        (Rol.CONSULTANT, "/backoffice/"),
        (Rol.TEAMLEIDER, "/rapportage/"),
        (Rol.BEHEERDER, "/admin/"),
        (Rol.PRIVACY, "/privacy/"),
        (Rol.PARTNER, "/partner/"),
        (Rol.BELEID, "/rapportage/raad/"),
    ],
)
def test_home_sends_each_role_to_its_start_page(client_for, role_users, role, start):
    response = client_for(role_users[role]).get("/")
    assert response.status_code == 302
    assert response["Location"] == start


def test_user_without_role_gets_an_explanation(client_for, db):
    from tests.factories.altena import UserFactory

    response = client_for(UserFactory(username="zonderrol")).get("/", follow=True)
    assert response.status_code == 200
    assert "Geen rol toegekend" in response.content.decode()


def test_navigation_shows_each_role_its_own_menu(client_for, role_users):
    html = client_for(role_users[Rol.FRONTOFFICE]).get("/intake/").content.decode()
    assert "Nieuwe hulpvraag" in html and "Verwerkingenlog" not in html and "Raadsrapportage" not in html
    html = client_for(role_users[Rol.PRIVACY]).get("/privacy/").content.decode()
    assert "Verwerkingenlog" in html and "Nieuwe hulpvraag" not in html


def test_beheerder_reaches_admin_and_frontoffice_does_not(client_for, role_users):
    assert client_for(role_users[Rol.BEHEERDER]).get("/admin/").status_code == 200
    response = client_for(role_users[Rol.FRONTOFFICE]).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # The admin's login page does not offer a second way in: a logged-in user without access gets 403.
    assert client_for(role_users[Rol.FRONTOFFICE]).get(response["Location"]).status_code == 403


def test_role_groups_get_their_permissions_after_migrate(db):
    from django.contrib.auth.models import Group

    beheerder = set(Group.objects.get(name=Rol.BEHEERDER).permissions.values_list("codename", flat=True))
    assert {"add_partner", "change_kern"} <= beheerder
    assert "view_casus" not in beheerder  # beheerder sees no case content
    privacy = set(Group.objects.get(name=Rol.PRIVACY).permissions.values_list("codename", flat=True))
    assert privacy == {"view_verwerking", "view_portaalinstelling", "change_portaalinstelling"}


# Pages that beheerder and privacy may open; every other page of the site shows them no case content.
# The retention dry-run report shows counts per rule only, no case content (issue 10).
NON_CASE_PAGES = {
    "/",
    "/geen-rol/",
    "/privacy/",
    "/privacy/gebruikers/",
    # The account proposals a teamleider or privacy officer decides: staff accounts, no case content.
    "/accountvoorstellen/",
    "/backoffice/bewaartermijnen/",
    # Every user's own two-factor settings.
    "/accounts/tweestaps/",
    "/accounts/tweestaps/instellen/",
    "/accounts/tweestaps/herstelcodes/",
    # "Zo werkt het": the explanation of the user's own role, no case content.
    "/zo-werkt-het/",
}


@pytest.mark.parametrize(
    "path",
    [p for p in ALL_PATHS if p not in PUBLIC and p not in NON_CASE_PAGES and not p.startswith("/admin/")],
)
@pytest.mark.parametrize("role", [Rol.BEHEERDER, Rol.PRIVACY])
def test_every_case_page_is_closed_to_beheerder_and_privacy(client_for, role_users, role, path):
    response = client_for(role_users[role]).get(path)
    assert response.status_code == 403, f"{role} {path}: {response.status_code}"


@pytest.mark.parametrize(
    ("pad", "actief"),
    [
        ("/intake/", "Werkvoorraad toegang"),
        ("/intake/nieuw/", "Nieuwe hulpvraag"),
        ("/rapportage/", "Dashboard"),
        ("/rapportage/raad/", "Raadsrapportage"),
        ("/signalen/", "Signalen"),
    ],
)
def test_precies_een_menu_item_actief(rf, role_users, pad, actief):
    from altena.access import navigation

    request = rf.get(pad)
    user = role_users[Rol.TEAMLEIDER]
    user.groups.add(*role_users[Rol.FRONTOFFICE].groups.all())
    user._altena_roles = None
    request.user = user
    actieve = [item["label"] for item in navigation(request)["nav_items"] if item["active"]]
    assert actieve == [actief]


@pytest.mark.parametrize("rol", Rol.ALL)
def test_zo_werkt_het_per_rol_uit_het_menu(client_for, role_users, rol):
    """Every role finds 'Zo werkt het' in the menu, with the part for its own role only."""
    from altena.zowerkthet import UITLEG

    html = client_for(role_users[rol]).get("/zo-werkt-het/").content.decode()
    assert 'href="/zo-werkt-het/"' in html
    assert UITLEG[rol][0] in html
    andere = [UITLEG[r][0] for r in Rol.ALL if r != rol]
    assert not any(f'<h2 class="h5">{titel}</h2>' in html for titel in andere)


@pytest.mark.parametrize("rol", [Rol.TEAMLEIDER, Rol.BELEID])
def test_cbs_staat_in_het_menu(client_for, role_users, rol):
    html = client_for(role_users[rol]).get("/zo-werkt-het/").content.decode()
    assert 'href="/rapportage/raad/cbs/"' in html
