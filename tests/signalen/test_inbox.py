"""The inbox at /signalen/: access per role, scope, filters, open and handle, badge, query budget."""

import pytest
from django.urls import reverse

from altena.access import Rol
from signalen.models import Signaal, SignaalSoort
from signalen.selectors import open_escalaties_voor_team
from tests.factories.altena import UserFactory
from tests.factories.netwerk import TeamFactory
from tests.factories.signalen import SignaalFactory
from tests.queries import precies_queries

pytestmark = pytest.mark.django_db

INBOX = "/signalen/"
# Session, user, roles, the badge count, the page count and the page itself: the same at any size.
INBOX_QUERIES = 8  # incl. the verwerkingenlog INSERT of the page and django-otp's device read (teamleider)


def test_url_staat_in_de_url_map():
    assert reverse("signalen:inbox") == INBOX


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        (Rol.FRONTOFFICE, 200),
        (Rol.CONSULTANT, 200),
        (Rol.TEAMLEIDER, 200),
        (Rol.BEHEERDER, 403),
        (Rol.PRIVACY, 403),
    ],
)
@pytest.mark.parametrize("pad", [INBOX, "/signalen/voorkeur/"])
def test_toegang_per_rol(client_for, role_users, rol, status, pad):
    assert client_for(role_users[rol]).get(pad).status_code == status


def test_anoniem_naar_het_inlogscherm(client):
    response = client.get(INBOX)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_lege_inbox_in_het_nederlands(client_for, consultant):
    response = client_for(consultant).get(INBOX)
    assert "Er zijn geen signalen" in response.content.decode()


def test_ieder_ziet_alleen_de_eigen_signalen(client_for, consultant, teamleider, team):
    collega = UserFactory(username="collega", rollen=[Rol.CONSULTANT])
    eigen = SignaalFactory(ontvanger=consultant, tekst="Voor de consultant.")
    SignaalFactory(ontvanger=collega, tekst="Voor de collega.")
    escalatie = SignaalFactory(escalatie=True, team=team, tekst="Escalatie voor het team.")
    ander_team = SignaalFactory(escalatie=True, team=TeamFactory(), tekst="Escalatie elders.")

    def ziet(user):
        return set(client_for(user).get(INBOX).context["object_list"])

    assert ziet(consultant) == {eigen}  # a consultant in the team does not get team escalations
    assert ziet(teamleider) == {escalatie}
    assert ander_team not in ziet(teamleider)


def test_open_bovenaan_en_filteren_op_soort_en_status(client_for, consultant):
    oud_open = SignaalFactory(ontvanger=consultant)
    afgehandeld = SignaalFactory(ontvanger=consultant, afgehandeld=True)
    nieuw_open = SignaalFactory(ontvanger=consultant, regel=SignaalSoort.VOORZIENING_EINDIGT)
    c = client_for(consultant)
    assert list(c.get(INBOX).context["object_list"]) == [nieuw_open, oud_open, afgehandeld]
    assert list(c.get(INBOX, {"regel": SignaalSoort.VOORZIENING_EINDIGT}).context["object_list"]) == [
        nieuw_open
    ]
    assert list(c.get(INBOX, {"status": "afgehandeld"}).context["object_list"]) == [afgehandeld]
    assert list(c.get(INBOX, {"status": "open"}).context["object_list"]) == [nieuw_open, oud_open]


def test_afhandelen_legt_vast_wie_en_wanneer(client_for, consultant):
    signaal = SignaalFactory(ontvanger=consultant)
    response = client_for(consultant).post(
        reverse("signalen:afhandelen", args=[signaal.pk]), {"volgende": "/signalen/?status=open"}
    )
    assert response.status_code == 302 and response["Location"] == "/signalen/?status=open"
    signaal.refresh_from_db()
    assert signaal.afgehandeld_door == consultant and signaal.afgehandeld_op is not None
    assert signaal.gelezen_op is not None
    eerste = signaal.afgehandeld_op
    client_for(consultant).post(reverse("signalen:afhandelen", args=[signaal.pk]))
    signaal.refresh_from_db()
    assert signaal.afgehandeld_op == eerste  # handling twice keeps the first


def test_afhandelen_kan_niet_met_get_en_niet_buiten_de_eigen_inbox(client_for, consultant, teamleider):
    signaal = SignaalFactory(ontvanger=consultant)
    assert client_for(consultant).get(reverse("signalen:afhandelen", args=[signaal.pk])).status_code == 405
    assert client_for(teamleider).post(reverse("signalen:afhandelen", args=[signaal.pk])).status_code == 404
    signaal.refresh_from_db()
    assert signaal.afgehandeld_op is None


def test_volgende_naar_een_andere_site_wordt_genegeerd(client_for, consultant):
    signaal = SignaalFactory(ontvanger=consultant)
    response = client_for(consultant).post(
        reverse("signalen:afhandelen", args=[signaal.pk]), {"volgende": "https://evil.example/"}
    )
    assert response["Location"] == INBOX


def test_teamleider_handelt_een_escalatie_van_het_team_af(client_for, teamleider, team):
    signaal = SignaalFactory(escalatie=True, team=team)
    client_for(teamleider).post(reverse("signalen:afhandelen", args=[signaal.pk]))
    signaal.refresh_from_db()
    assert signaal.afgehandeld_door == teamleider


def test_openen_is_een_post_die_markeert_en_naar_de_termijn_gaat(client_for, consultant):
    signaal = SignaalFactory(ontvanger=consultant)
    response = client_for(consultant).post(signaal.get_absolute_url())
    assert response.status_code == 302
    onderwerp_id = signaal.onderwerp.split(":")[1]
    assert response["Location"] == (
        reverse("backoffice:casus", args=[signaal.casus.nummer]) + f"#termijn-{onderwerp_id}"
    )
    signaal.refresh_from_db()
    assert signaal.gelezen_door == consultant
    assert (
        client_for(UserFactory(rollen=[Rol.CONSULTANT])).post(signaal.get_absolute_url()).status_code == 404
    )


def test_openen_met_get_verandert_niets(client_for, consultant):
    """A link in the daily e-mail (or a mail scanner prefetching it) goes there but marks nothing."""
    signaal = SignaalFactory(ontvanger=consultant)
    response = client_for(consultant).get(signaal.get_absolute_url())
    assert response.status_code == 302 and "/backoffice/casus/" in response["Location"]
    signaal.refresh_from_db()
    assert signaal.gelezen_op is None
    assert client_for(UserFactory(rollen=[Rol.CONSULTANT])).get(signaal.get_absolute_url()).status_code == 404


def test_inbox_opent_signalen_met_een_formulier(client_for, consultant):
    signaal = SignaalFactory(ontvanger=consultant)
    html = client_for(consultant).get(INBOX).content.decode()
    assert f'<form method="post" action="{signaal.get_absolute_url()}"' in html
    assert f'<a href="{signaal.get_absolute_url()}"' not in html


def test_badge_in_de_navigatie(client_for, consultant):
    SignaalFactory.create_batch(3, ontvanger=consultant)
    SignaalFactory(ontvanger=consultant, afgehandeld=True)
    html = client_for(consultant).get(INBOX).content.decode()
    assert '<span class="badge text-bg-warning">3</span>' in html


def test_badge_blijft_een_goedkope_telling(client_for, consultant):
    SignaalFactory.create_batch(101, ontvanger=consultant)
    html = client_for(consultant).get(INBOX).content.decode()
    assert '<span class="badge text-bg-warning">99+</span>' in html


def test_geen_badge_zonder_open_signalen(client_for, frontoffice):
    html = client_for(frontoffice).get(INBOX).content.decode()
    assert "text-bg-warning" not in html


@pytest.mark.parametrize("aantal", [1, 25])
def test_query_budget(client_for, teamleider, team, aantal):
    for i in range(aantal):
        if i % 2:
            SignaalFactory(escalatie=True, team=team, afgehandeld=True, afgehandeld_door=teamleider)
        else:
            SignaalFactory(ontvanger=teamleider)
    c = client_for(teamleider)
    with precies_queries(INBOX_QUERIES):
        response = c.get(INBOX)
    assert len(response.context["object_list"]) == aantal


def test_open_escalaties_voor_de_teamleider(teamleider, consultant, team):
    verstreken = SignaalFactory(escalatie=True, team=team)
    SignaalFactory(escalatie=True, team=team, afgehandeld=True)
    SignaalFactory(ontvanger=consultant)  # a reminder, no escalation
    SignaalFactory(regel=SignaalSoort.BEZWAAR_NADERT, doel="teamleider", team=team)  # not yet exceeded
    assert list(open_escalaties_voor_team(teamleider)) == [verstreken]
    assert not open_escalaties_voor_team(consultant).exists()


def test_escalaties_include_rendert(teamleider, team):
    from django.template.loader import render_to_string

    signaal = SignaalFactory(escalatie=True, team=team, tekst="Termijn overschreden.")
    html = render_to_string("signalen/_escalaties.html", {"escalaties": [signaal], "escalaties_aantal": 1})
    assert "Termijn overschreden." in html and signaal.casus.nummer in html
    leeg = render_to_string("signalen/_escalaties.html", {"escalaties": [], "escalaties_aantal": 0})
    assert "Er zijn geen open escalaties" in leeg


def test_voorkeur_opslaan(client_for, consultant):
    from signalen.models import Voorkeur

    response = client_for(consultant).post("/signalen/voorkeur/", {"dagelijkse_mail": "on"})
    assert response.status_code == 302
    assert Voorkeur.objects.get(gebruiker=consultant).dagelijkse_mail is True
    client_for(consultant).post("/signalen/voorkeur/", {})
    assert Voorkeur.objects.get(gebruiker=consultant).dagelijkse_mail is False


def test_signaal_heeft_een_leesbare_naam(consultant):
    assert "Wettelijke termijn nadert" in str(SignaalFactory(ontvanger=consultant))
    assert Signaal.objects.count() == 1


def test_dashboard_teamleider_toont_open_escalaties(client_for, teamleider, team):
    SignaalFactory(escalatie=True, team=team, tekst="Wmo: beschikking: de uiterste datum is overschreden.")
    html = client_for(teamleider).get("/rapportage/").content.decode()
    assert "Open escalaties van mijn team" in html
    assert "de uiterste datum is overschreden" in html
