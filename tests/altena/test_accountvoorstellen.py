"""Issue 21, high finding: the beheerder took over work-role accounts through the user admin.

Each test replays one step of the attack as the beheerder and shows that it is now a proposal that
takes effect only after a second person (teamleider of the team, or the privacy officer) approves it,
with every step in the user audit log (ADR 0009)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from altena.access import Rol
from altena.models import AccountVoorstel, GebruikerAudit
from tests.factories.altena import UserFactory
from tests.factories.netwerk import TeamFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
W = GebruikerAudit.Wijziging
S = AccountVoorstel.Soort


@pytest.fixture
def gebruikt(consultant):
    """A consultant who has worked with the application: logged in before, an authenticator enrolled."""
    consultant.email = "karin@altena.example"
    consultant.last_login = timezone.now() - datetime.timedelta(days=1)
    consultant.save()
    TOTPDevice.objects.create(user=consultant, name="app", confirmed=True)
    return consultant


def _wijzig(client, user, **velden):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "rollen": list(user.groups.values_list("pk", flat=True)),
        **velden,
    }
    return client.post(f"/admin/auth/user/{user.pk}/change/", data)


def _audit(user):
    return set(
        GebruikerAudit.objects.filter(gebruiker=user).values_list(
            "wijziging", "actor_naam", "oude_waarde", "waarde"
        )
    )


def test_takeover_by_email_change_wipe_and_link_is_only_proposed(
    client_for, beheerder, gebruikt, django_capture_on_commit_callbacks
):
    client = client_for(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        assert _wijzig(client, gebruikt, email="aanvaller@evil.example").status_code == 302
        client.post("/admin/auth/user/", {"action": "tweestaps_wissen", "_selected_action": [gebruikt.pk]})
        client.post(
            "/admin/auth/user/", {"action": "uitnodiging_versturen", "_selected_action": [gebruikt.pk]}
        )
    gebruikt.refresh_from_db()
    assert gebruikt.email == "karin@altena.example"
    assert TOTPDevice.objects.filter(user=gebruikt).exists()
    assert mail.outbox == []
    assert set(AccountVoorstel.objects.filter(gebruiker=gebruikt).values_list("soort", "status")) == {
        (S.EMAIL, "open"),
        (S.TWEESTAPS, "open"),
        (S.LINK, "open"),
    }
    rows = _audit(gebruikt)
    assert (
        W.VOORSTEL_GEDAAN,
        beheerder.username,
        "karin@altena.example",
        "E-mailadres wijzigen: aanvaller@evil.example",
    ) in rows


def test_privacy_officer_approves_an_email_change_with_old_and_new_in_the_audit(
    client_for, beheerder, gebruikt, privacy
):
    _wijzig(client_for(beheerder), gebruikt, email="k.nieuw@altena.example")
    voorstel = AccountVoorstel.objects.get(gebruiker=gebruikt, soort=S.EMAIL)
    pagina = client_for(privacy).get("/accountvoorstellen/")
    assert "k.nieuw@altena.example" in pagina.content.decode()
    response = client_for(privacy).post(
        "/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"}
    )
    assert response.status_code == 302
    gebruikt.refresh_from_db()
    assert gebruikt.email == "k.nieuw@altena.example"
    rows = _audit(gebruikt)
    assert (W.EMAIL_GEWIJZIGD, privacy.username, "karin@altena.example", "k.nieuw@altena.example") in rows
    assert any(r[0] == W.VOORSTEL_GOEDGEKEURD and r[1] == privacy.username for r in rows)


def test_privacy_officer_approves_the_wipe_and_the_link(
    client_for, beheerder, gebruikt, privacy, django_capture_on_commit_callbacks
):
    client = client_for(beheerder)
    client.post("/admin/auth/user/", {"action": "tweestaps_wissen", "_selected_action": [gebruikt.pk]})
    client.post("/admin/auth/user/", {"action": "uitnodiging_versturen", "_selected_action": [gebruikt.pk]})
    fg = client_for(privacy)
    with django_capture_on_commit_callbacks(execute=True):
        for voorstel in AccountVoorstel.objects.filter(gebruiker=gebruikt):
            fg.post("/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"})
    assert not TOTPDevice.objects.filter(user=gebruikt).exists()
    assert [m.to for m in mail.outbox] == [["karin@altena.example"]]
    wijzigingen = {r[0] for r in _audit(gebruikt)}
    assert {W.TWEESTAPS_GEWIST, W.UITNODIGING_VERSTUURD} <= wijzigingen


def test_new_account_with_the_beheerders_mailbox_gets_no_role_team_or_link(
    client_for, beheerder, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(beheerder).post(
            "/admin/auth/user/add/",
            {
                "username": "stroman",
                "first_name": "Stro",
                "last_name": "Man",
                "email": "beheerder.prive@gmail.example",
                "rollen": [Group.objects.get(name=Rol.CONSULTANT).pk],
                "team": team.pk,
            },
            follow=True,
        )
    assert response.status_code == 200
    stroman = User.objects.get(username="stroman")
    assert not stroman.groups.exists()
    assert not team.leden.filter(pk=stroman.pk).exists()
    assert mail.outbox == []
    assert set(AccountVoorstel.objects.filter(gebruiker=stroman).values_list("soort", flat=True)) == {
        S.ROL,
        S.LINK,
    }
    assert "wacht op goedkeuring" in response.content.decode()


def test_a_new_role_needs_a_team(client_for, beheerder, team):
    response = client_for(beheerder).post(
        "/admin/auth/user/add/",
        {
            "username": "zonderteam",
            "email": "z@altena.example",
            "rollen": [Group.objects.get(name=Rol.CONSULTANT).pk],
        },
    )
    assert response.status_code == 200
    assert "Kies het team" in response.content.decode()
    assert not User.objects.filter(username="zonderteam").exists()


def test_only_the_teamleider_of_that_team_approves_a_role(client_for, beheerder, team, teamleider, privacy):
    nieuw = UserFactory(username="nieuw", email="n@altena.example")
    ander_team = TeamFactory(naam="Team Elders")
    andere_leider = UserFactory(username="leider.elders", rollen=[Rol.TEAMLEIDER])
    ander_team.leden.add(andere_leider)
    _wijzig(client_for(beheerder), nieuw, rollen=[Group.objects.get(name=Rol.CONSULTANT).pk], team=team.pk)
    voorstel = AccountVoorstel.objects.get(gebruiker=nieuw, soort=S.ROL)
    # Not another team's teamleider, not the privacy officer, not the beheerder who proposed it.
    for wie in (andere_leider, privacy, beheerder):
        response = client_for(wie).post(
            "/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"}
        )
        assert response.status_code == 403
    assert not nieuw.groups.exists()
    response = client_for(teamleider).post(
        "/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"}
    )
    assert response.status_code == 302
    assert set(nieuw.groups.values_list("name", flat=True)) == {Rol.CONSULTANT}
    assert team.leden.filter(pk=nieuw.pk).exists()
    rows = _audit(nieuw)
    assert (W.ROL_TOEGEVOEGD, teamleider.username, "", Rol.CONSULTANT) in rows
    assert (W.TEAM_TOEGEVOEGD, teamleider.username, "", team.naam) in rows


def test_nobody_approves_a_change_of_their_own_account(client_for, beheerder, team, teamleider):
    collega = UserFactory(username="tl2", rollen=[Rol.TEAMLEIDER])
    team.leden.add(collega)
    teamleider.email = "tl@altena.example"
    teamleider.save()
    _wijzig(
        client_for(beheerder),
        teamleider,
        rollen=[Group.objects.get(name=Rol.CONSULTANT).pk]
        + list(teamleider.groups.values_list("pk", flat=True)),
        team=team.pk,
    )
    voorstel = AccountVoorstel.objects.get(gebruiker=teamleider, soort=S.ROL)
    assert (
        client_for(teamleider)
        .post("/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"})
        .status_code
        == 403
    )
    assert (
        client_for(collega)
        .post("/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"})
        .status_code
        == 302
    )


def test_team_membership_through_the_team_admin_is_a_proposal(client_for, beheerder, team, teamleider):
    buitenstaander = UserFactory(username="buiten", rollen=[Rol.CONSULTANT])
    data = {
        "naam": team.naam,
        "gemeente": getattr(team, "gemeente_id", None) or team.gemeente,
        "kernen": list(team.kernen.values_list("pk", flat=True)),
        "leden": list(team.leden.values_list("pk", flat=True)) + [buitenstaander.pk],
    }
    response = client_for(beheerder).post(f"/admin/netwerk/team/{team.pk}/change/", data)
    assert response.status_code == 302
    assert not team.leden.filter(pk=buitenstaander.pk).exists()
    assert team.leden.filter(pk=teamleider.pk).exists()  # the others stay
    voorstel = AccountVoorstel.objects.get(gebruiker=buitenstaander, soort=S.TEAM)
    client_for(teamleider).post("/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"})
    assert team.leden.filter(pk=buitenstaander.pk).exists()
    assert (W.TEAM_TOEGEVOEGD, teamleider.username, "", team.naam) in _audit(buitenstaander)


def test_a_rejected_proposal_changes_nothing(client_for, beheerder, gebruikt, privacy):
    _wijzig(client_for(beheerder), gebruikt, email="aanvaller@evil.example")
    voorstel = AccountVoorstel.objects.get(gebruiker=gebruikt, soort=S.EMAIL)
    client_for(privacy).post("/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "afwijzen"})
    gebruikt.refresh_from_db()
    assert gebruikt.email == "karin@altena.example"
    assert any(r[0] == W.VOORSTEL_AFGEWEZEN for r in _audit(gebruikt))
    # Decided once: a second decision is refused.
    response = client_for(privacy).post(
        "/accountvoorstellen/", {"voorstel": voorstel.pk, "besluit": "goedkeuren"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("besluit", ["", "weet-niet"])
def test_hostile_decisions_are_refused_without_a_500(client_for, privacy, besluit):
    response = client_for(privacy).post("/accountvoorstellen/", {"voorstel": "x", "besluit": besluit})
    assert response.status_code == 302
    response = client_for(privacy).post("/accountvoorstellen/", {"voorstel": "999999", "besluit": "afwijzen"})
    assert response.status_code == 404


@pytest.mark.parametrize("rol", [Rol.PRIVACY, Rol.BEHEERDER, Rol.PARTNER])
def test_protected_account_change_page_is_read_only_without_a_500(client_for, beheerder, role_users, rol):
    doel = role_users[rol] if rol != Rol.BEHEERDER else UserFactory(username="b2", rollen=[Rol.BEHEERDER])
    response = client_for(beheerder).get(f"/admin/auth/user/{doel.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert doel.username in html
    assert 'name="email"' not in html and 'name="_save"' not in html


def test_the_user_audit_page_shows_old_and_new_values(client_for, beheerder, gebruikt, privacy):
    _wijzig(client_for(beheerder), gebruikt, email="k.nieuw@altena.example")
    html = client_for(privacy).get("/privacy/gebruikers/", {"gebruiker": gebruikt.username}).content.decode()
    assert "karin@altena.example" in html and "k.nieuw@altena.example" in html
