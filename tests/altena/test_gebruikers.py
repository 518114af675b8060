"""Found #1: a beheerder manages accounts only within the work roles; every change is audited."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import IntegrityError, InternalError, ProgrammingError, transaction

from altena.access import Rol
from altena.models import GebruikerAudit
from tests.factories.altena import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
W = GebruikerAudit.Wijziging


def _groep(naam):
    return Group.objects.get(name=naam).pk


def _nieuw(client, **extra):
    from netwerk.models import Team

    data = {
        "username": "nieuwe.collega",
        "first_name": "Nina",
        "last_name": "Nieuw",
        "email": "nina@altena.example",
        "rollen": [_groep(Rol.CONSULTANT)],
        "team": Team.objects.values_list("pk", flat=True).first() or "",
        **extra,
    }
    return client.post("/admin/auth/user/add/", data, follow=True)


def test_beheerder_creates_a_user_with_a_work_role_and_a_set_password_link(client_for, beheerder, team):
    from altena.models import AccountVoorstel

    response = _nieuw(client_for(beheerder))
    assert response.status_code == 200
    user = User.objects.get(username="nieuwe.collega")
    # The work role is a proposal until the team's teamleider approves it (ADR 0009).
    assert not user.groups.exists()
    assert AccountVoorstel.objects.filter(
        gebruiker=user, soort="rol", nieuwe_waarde=Rol.CONSULTANT, team_id=team.pk, status="open"
    ).exists()
    assert not user.has_usable_password()
    assert not user.is_superuser and not user.is_staff
    assert GebruikerAudit.objects.filter(gebruiker=user, wijziging=W.AANGEMAAKT, actor=beheerder).exists()


def test_invitation_mail_is_sent_with_a_working_link(
    client_for, beheerder, client, django_capture_on_commit_callbacks, team
):
    with django_capture_on_commit_callbacks(execute=True):
        _nieuw(client_for(beheerder))
    [bericht] = mail.outbox
    assert bericht.to == ["nina@altena.example"]
    link = next(regel for regel in bericht.body.splitlines() if "/wachtwoord-vergeten/nieuw/" in regel)
    pad = link.split("://", 1)[1].split("/", 1)[1]
    form = client.get("/" + pad, follow=True)
    assert "Nieuw wachtwoord instellen" in form.content.decode()
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "een lange zin als wachtwoord", "new_password2": "een lange zin als wachtwoord"},
    )
    assert response.status_code == 302
    nina = User.objects.get(username="nieuwe.collega")
    assert nina.check_password("een lange zin als wachtwoord")
    assert GebruikerAudit.objects.filter(gebruiker=nina, wijziging=W.WACHTWOORD_INGESTELD).exists()


@pytest.mark.parametrize("veld", ["is_superuser", "is_staff", "user_permissions", "password", "password1"])
def test_add_form_offers_no_superuser_staff_permissions_or_password(client_for, beheerder, veld):
    html = client_for(beheerder).get("/admin/auth/user/add/").content.decode()
    assert f'name="{veld}"' not in html


@pytest.mark.parametrize("rol", [Rol.BEHEERDER, Rol.PRIVACY, Rol.PARTNER])
def test_beheerder_cannot_give_privileged_roles(client_for, beheerder, rol):
    response = _nieuw(client_for(beheerder), rollen=[_groep(rol)])
    assert "geldige keuze" in response.content.decode()
    assert not User.objects.filter(username="nieuwe.collega").exists()


def test_posted_superuser_and_staff_flags_are_ignored(client_for, beheerder, team):
    _nieuw(client_for(beheerder), is_superuser="on", is_staff="on", user_permissions=["1"])
    user = User.objects.get(username="nieuwe.collega")
    assert not user.is_superuser and not user.is_staff and not user.user_permissions.exists()


def test_beheerder_cannot_change_a_password(client_for, beheerder, consultant):
    response = client_for(beheerder).get(f"/admin/auth/user/{consultant.pk}/password/")
    assert response.status_code == 403
    response = client_for(beheerder).post(
        f"/admin/auth/user/{consultant.pk}/password/",
        {"password1": "overgenomen-wachtwoord", "password2": "overgenomen-wachtwoord"},
    )
    assert response.status_code == 403
    consultant.refresh_from_db()
    assert consultant.check_password("geheim-wachtwoord")


def test_beheerder_changes_work_roles_and_keeps_them_in_bounds(client_for, beheerder, consultant, team):
    url = f"/admin/auth/user/{consultant.pk}/change/"
    data = {
        "username": consultant.username,
        "first_name": "K",
        "last_name": "C",
        "email": "k@altena.example",
        "is_active": "on",
        "rollen": [_groep(Rol.TEAMLEIDER)],
        "team": team.pk,
        "is_superuser": "on",
    }
    response = client_for(beheerder).post(url, data)
    assert response.status_code == 302
    consultant.refresh_from_db()
    # Taking a role away is immediate; giving one is a proposal for the team's teamleider.
    assert set(consultant.groups.values_list("name", flat=True)) == set()
    assert not consultant.is_superuser
    rows = GebruikerAudit.objects.filter(gebruiker=consultant).values_list(
        "wijziging", "waarde", "actor_naam"
    )
    assert (W.ROL_VERWIJDERD, Rol.CONSULTANT, beheerder.username) in rows
    voorstel = f"Werkrol toekennen: {Rol.TEAMLEIDER} (team {team.naam})"
    assert (W.VOORSTEL_GEDAAN, voorstel, beheerder.username) in rows
    # The new address of a work-role account waits for the privacy officer.
    assert consultant.email != "k@altena.example"
    assert (W.VOORSTEL_GEDAAN, "E-mailadres wijzigen: k@altena.example", beheerder.username) in rows


@pytest.mark.parametrize("rol", [Rol.BEHEERDER, Rol.PRIVACY])
def test_beheerder_cannot_change_privileged_accounts_or_own(client_for, beheerder, role_users, rol):
    doel = role_users[rol]
    client = client_for(beheerder)
    for user in (doel, beheerder):
        response = client.post(
            f"/admin/auth/user/{user.pk}/change/",
            {"username": user.username, "email": "x@altena.example", "rollen": [], "is_active": ""},
        )
        assert response.status_code == 403
        user.refresh_from_db()
        assert user.is_active


def test_beheerder_deactivates_through_the_changelist_but_not_self(client_for, beheerder, consultant):
    client = client_for(beheerder)
    client.post(
        "/admin/auth/user/",
        {"action": "deactiveren", "_selected_action": [consultant.pk, beheerder.pk]},
    )
    consultant.refresh_from_db()
    beheerder.refresh_from_db()
    assert not consultant.is_active
    assert beheerder.is_active  # own account skipped
    assert GebruikerAudit.objects.filter(gebruiker=consultant, wijziging=W.GEDEACTIVEERD).exists()


def test_no_delete_in_admin_and_database_refuses_it(client_for, beheerder, consultant):
    client = client_for(beheerder)
    assert client.get(f"/admin/auth/user/{consultant.pk}/delete/").status_code in (302, 403)
    html = client.get("/admin/auth/user/").content.decode()
    assert "delete_selected" not in html
    with pytest.raises((InternalError, ProgrammingError, IntegrityError)), transaction.atomic():
        User.objects.filter(pk=consultant.pk).delete()
    assert User.objects.filter(pk=consultant.pk).exists()


def test_superuser_admin_has_no_delete_either(client_for, consultant):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    client = client_for(root)
    assert client.get("/admin/auth/user/").status_code == 200
    assert client.post(f"/admin/auth/user/{consultant.pk}/delete/", {"post": "yes"}).status_code in (302, 403)
    assert User.objects.filter(pk=consultant.pk).exists()


def test_audit_log_is_append_only(db, consultant):
    row = GebruikerAudit.objects.filter(gebruiker=consultant).first()
    assert row is not None
    for change in (
        lambda: GebruikerAudit.objects.filter(pk=row.pk).update(waarde="x"),
        lambda: GebruikerAudit.objects.filter(pk=row.pk).delete(),
    ):
        with pytest.raises((InternalError, ProgrammingError)), transaction.atomic():
            change()


def test_any_change_of_rights_is_audited_outside_the_admin_too(db, consultant):
    consultant.is_superuser = True
    consultant.save()
    consultant.groups.clear()
    wijzigingen = set(
        GebruikerAudit.objects.filter(gebruiker=consultant).values_list("wijziging", "actor_naam")
    )
    assert (W.SUPERUSER, "systeem") in wijzigingen
    assert (W.ROL_VERWIJDERD, "systeem") in wijzigingen


def test_privacy_officer_reads_the_user_audit_log(client_for, privacy, consultant, beheerder):
    response = client_for(privacy).get("/privacy/gebruikers/", {"gebruiker": consultant.username})
    assert response.status_code == 200
    html = response.content.decode()
    assert consultant.username in html and "Rol toegekend" in html
    assert client_for(beheerder).get("/privacy/gebruikers/").status_code == 403


def test_ending_sessions_logs_the_user_out(client_for, beheerder, consultant):
    sessie = client_for(consultant)
    assert sessie.get("/backoffice/").status_code == 200
    client_for(beheerder).post(
        "/admin/auth/user/", {"action": "sessies_beeindigen_actie", "_selected_action": [consultant.pk]}
    )
    assert sessie.get("/backoffice/").status_code == 302
    assert GebruikerAudit.objects.filter(gebruiker=consultant, wijziging=W.SESSIES_BEEINDIGD).exists()


def test_deactivated_user_is_logged_out(client_for, beheerder, consultant):
    sessie = client_for(consultant)
    client_for(beheerder).post(
        "/admin/auth/user/", {"action": "deactiveren", "_selected_action": [consultant.pk]}
    )
    assert sessie.get("/backoffice/").status_code == 302


def test_beheerder_has_no_raw_permission_to_make_superusers(beheerder):
    """The role keeps add/change user for the restricted admin, but admin access does not come from
    the staff flag, and the stock forms are never used for a beheerder."""
    from altena.gebruikers import GebruikerAdmin, GebruikerForm

    assert "is_superuser" not in GebruikerForm.base_fields
    assert "is_staff" not in GebruikerForm.base_fields
    assert "user_permissions" not in GebruikerForm.base_fields
    assert GebruikerAdmin.has_delete_permission(None, None) is False


def test_session_registry_forgets_sessions_past_their_lifetime(client_for, consultant):
    import datetime

    from django.utils import timezone

    from altena.models import Inlogsessie

    oud = Inlogsessie.objects.create(gebruiker=consultant, session_key="oud")
    Inlogsessie.objects.filter(pk=oud.pk).update(begonnen=timezone.now() - datetime.timedelta(hours=9))
    client_for(consultant)
    assert not Inlogsessie.objects.filter(session_key="oud").exists()
    assert Inlogsessie.objects.filter(gebruiker=consultant).count() == 1
