"""A beheerder invites a partner's worker by e-mail; the one-time link expires; the worker sets a
password and gets an account that sees only its own organisation's referrals."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from altena.access import Rol, has_role
from partner.models import PartnerMedewerker, Uitnodiging

pytestmark = pytest.mark.django_db


def uitnodigen(client_for, beheerder, welzijn, capture, email="wil@welzijn.example"):
    with capture(execute=True):
        response = client_for(beheerder).post(
            reverse("admin:partner_uitnodiging_add"),
            {"partner": welzijn.pk, "email": email, "voornaam": "Wil", "achternaam": "Welzijn"},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    link = re.search(r"http://\S+/partner/uitnodiging/(\S+)/", mail.outbox[-1].body)
    return link.group(0), link.group(1)


def test_invite_and_set_up_an_account(
    client, client_for, beheerder, welzijn, django_capture_on_commit_callbacks
):
    link, token = uitnodigen(client_for, beheerder, welzijn, django_capture_on_commit_callbacks)
    bericht = mail.outbox[-1]
    assert bericht.to == ["wil@welzijn.example"] and welzijn.naam in bericht.body
    uitnodiging = Uitnodiging.objects.get()
    assert token not in uitnodiging.token_hash and uitnodiging.uitgenodigd_door == beheerder
    pad = link.split("8000")[-1]
    html = client.get(pad).content.decode()
    assert "Welzijn Sleeuwijk" in html and "wil@welzijn.example" in html

    response = client.post(pad, {"gebruikersnaam": "wil", "wachtwoord1": "kort", "wachtwoord2": "kort"})
    assert response.status_code == 200 and "wachtwoord" in response.content.decode().lower()
    assert not get_user_model().objects.filter(username="wil").exists()
    response = client.post(
        pad, {"gebruikersnaam": "wil", "wachtwoord1": "Zonnebloem-2026!", "wachtwoord2": "Zonnebloem-2026?"}
    )
    assert "niet gelijk" in response.content.decode()

    response = client.post(
        pad, {"gebruikersnaam": "wil", "wachtwoord1": "Zonnebloem-2026!", "wachtwoord2": "Zonnebloem-2026!"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("login")
    user = get_user_model().objects.get(username="wil")
    assert user.check_password("Zonnebloem-2026!") and has_role(user, Rol.PARTNER)
    assert PartnerMedewerker.objects.get(gebruiker=user).partner == welzijn

    # the link is one-time: used, it says so in Dutch
    anoniem = type(client)()
    html = anoniem.get(pad).content.decode()
    assert "al gebruikt" in html
    response = anoniem.post(
        pad, {"gebruikersnaam": "wil2", "wachtwoord1": "Zonnebloem-2026!", "wachtwoord2": "Zonnebloem-2026!"}
    )
    assert "al gebruikt" in response.content.decode()
    assert get_user_model().objects.filter(groups__name=Rol.PARTNER).count() == 1


def test_an_expired_or_unknown_link_says_so(
    client, client_for, beheerder, welzijn, django_capture_on_commit_callbacks
):
    link, token = uitnodigen(client_for, beheerder, welzijn, django_capture_on_commit_callbacks)
    Uitnodiging.objects.update(verloopt_op=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get(f"/partner/uitnodiging/{token}/")
    assert response.status_code == 410 and "verlopen" in response.content.decode()
    response = client.post(
        f"/partner/uitnodiging/{token}/",
        {"gebruikersnaam": "x", "wachtwoord1": "Zonnebloem-2026!", "wachtwoord2": "Zonnebloem-2026!"},
    )
    assert "verlopen" in response.content.decode()
    response = client.get("/partner/uitnodiging/niet-bestaand/")
    assert response.status_code == 404 and "ongeldig" in response.content.decode()
    assert not get_user_model().objects.filter(username="x").exists()


def test_a_taken_username_is_refused_at_the_field(
    client, client_for, beheerder, frontoffice, welzijn, django_capture_on_commit_callbacks
):
    _, token = uitnodigen(client_for, beheerder, welzijn, django_capture_on_commit_callbacks)
    response = client.post(
        f"/partner/uitnodiging/{token}/",
        {
            "gebruikersnaam": "FrontOffice",
            "wachtwoord1": "Zonnebloem-2026!",
            "wachtwoord2": "Zonnebloem-2026!",
        },
    )
    assert "al in gebruik" in response.content.decode()
    assert Uitnodiging.objects.get().gebruikt_op is None


def test_only_the_beheerder_invites(client_for, frontoffice, privacy):
    for user in (frontoffice, privacy):
        response = client_for(user).get(reverse("admin:partner_uitnodiging_add"))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
