"""A consultant finds a signal in the inbox (badge in the menu) and marks it handled."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from altena.access import Rol
from tests.factories.altena import UserFactory
from tests.factories.signalen import SignaalFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_consultant_handelt_een_signaal_af(page, live_server, login):
    Group.objects.get_or_create(name=Rol.CONSULTANT)
    user = UserFactory(username="consultant", rollen=[Rol.CONSULTANT])
    SignaalFactory(ontvanger=user, tekst="Wmo: onderzoek afronden: de termijn verloopt op 13-04-2026.")
    login(page, user.username)
    menu = page.get_by_role("link", name="Signalen")
    expect(menu).to_contain_text("1")
    menu.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn signalen")
    rij = page.get_by_test_id("signaal-rij")
    expect(rij).to_contain_text("de termijn verloopt op 13-04-2026")
    rij.get_by_role("button", name="Afgehandeld").click()
    expect(page.get_by_role("alert")).to_contain_text("Het signaal is afgehandeld.")
    # the inbox shows what is still open; the handled one is behind "Open en afgehandeld"
    expect(page.get_by_test_id("signaal-rij")).to_have_count(0)
    page.goto(page.url.split("?")[0] + "?status=alle")
    expect(page.get_by_test_id("signaal-rij")).to_contain_text("Afgehandeld")
    expect(page.get_by_role("link", name="Signalen")).not_to_contain_text("1")
