"""Every demo role logs in through the real login form and lands on its own start page."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from altena.access import Rol
from tests.factories.altena import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

START = {
    Rol.FRONTOFFICE: ("/intake/", "Werkvoorraad toegang"),
    Rol.CONSULTANT: ("/backoffice/", "Werkvoorraad maatwerk"),
    Rol.TEAMLEIDER: ("/rapportage/", "Dashboard teamleider"),
    Rol.BEHEERDER: ("/admin/", "Beheer"),
    Rol.PRIVACY: ("/privacy/", "Verwerkingenlogging"),
    Rol.BELEID: ("/rapportage/raad/", "Raadsrapportage"),
}


@pytest.mark.parametrize("role", list(START))
def test_role_logs_in_and_sees_start_page(page, live_server, login, role):
    # transaction=True flushes the groups the migration made; recreate the one we need.
    Group.objects.get_or_create(name=role)
    user = UserFactory(username=role.lower(), rollen=[role], is_staff=(role == Rol.BEHEERDER))
    login(page, user.username)
    path, heading = START[role]
    expect(page).to_have_url(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1).first).to_contain_text(heading)
