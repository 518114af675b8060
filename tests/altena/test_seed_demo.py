import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models

from intake.models import Casus, CasusGebeurtenis, Huishouden, Inwoner
from intake.validators import validate_bsn, validate_postcode
from intake.workflow import TRANSITIONS, Fase
from netwerk.models import Kern, Partner

pytestmark = pytest.mark.django_db


def _counts():
    return {
        m.__name__: m.objects.count()
        for m in (Kern, Partner, Inwoner, Huishouden, Casus, CasusGebeurtenis, get_user_model())
    }


def test_seed_demo_twice_gives_the_same_counts():
    call_command("seed_demo", casussen=300, stdout=open("/dev/null", "w"))
    first = _counts()
    call_command("seed_demo", casussen=300, stdout=open("/dev/null", "w"))
    assert _counts() == first
    assert first["Kern"] == 21
    assert first["Casus"] == 300


def test_seed_demo_data_is_valid_and_follows_the_lifecycle():
    call_command("seed_demo", casussen=400, stdout=open("/dev/null", "w"))
    for inwoner in Inwoner.objects.all()[:200]:
        validate_bsn(inwoner.bsn)
        validate_postcode(inwoner.postcode)
        assert inwoner.postcode[:4] in inwoner.kern.postcodegebieden
    fasen = set(Casus.objects.values_list("fase", flat=True))
    assert {Fase.AFGEHANDELD, Fase.AFGESLOTEN, Fase.IN_ZORG, Fase.VERWEZEN} <= fasen
    # Every recorded transition is one the table allows.
    pairs = set(CasusGebeurtenis.objects.filter(soort="overgang").values_list("fase_van", "fase_naar"))
    assert pairs <= set(TRANSITIONS)
    # Numbers are unique and the counter continues after them.
    from intake.services import volgend_casusnummer

    nieuw = volgend_casusnummer()
    assert not Casus.objects.filter(nummer=nieuw).exists()
    # Jeugdwet art. 1.1: the demo grants jeugdhulp only to a jeugdige.
    from backoffice.models import Voorziening

    assert Voorziening.objects.filter(product__wet="jeugdwet").count() > 5
    assert not Voorziening.objects.jeugdhulp_voor_volwassene().exists()


def test_seed_demo_for_a_second_municipality_by_data_alone(client):
    call_command("seed_demo", casussen=0, stdout=open("/dev/null", "w"))
    call_command("seed_demo", gemeente="westerkwartier", casussen=50, stdout=open("/dev/null", "w"))
    assert Kern.objects.filter(gemeente="Westerkwartier").count() == 42
    assert Kern.objects.get(naam="Aduard").voormalige_gemeente == "Zuidhorn"
    assert Casus.objects.filter(kern__gemeente="Westerkwartier").count() == 50
    # Its own users, in its own teams; no Altena user in a Westerkwartier team.
    for username in ("wk-frontoffice", "wk-consultant", "wk-teamleider", "wk-beleid"):
        assert client.login(username=username, password="altena-demo"), username
        client.logout()
    leden = set(
        get_user_model().objects.filter(teams__gemeente="Westerkwartier").values_list("username", flat=True)
    )
    assert leden and all(naam.startswith("wk-") for naam in leden)
    altena = set(get_user_model().objects.filter(teams__gemeente="Altena").values_list("username", flat=True))
    assert not any(naam.startswith("wk-") for naam in altena)


def test_seed_demo_spreads_maatwerk_over_consultants_in_two_teams():
    """Caseloads a real consultant carries: several consultants in two maatwerk teams, none with
    hundreds of open cases (the demo had one consultant with 427)."""
    from intake.workflow import OPEN_FASEN, Route
    from netwerk.models import Team

    call_command("seed_demo", casussen=600, stdout=open("/dev/null", "w"))
    per_consultant = dict(
        Casus.objects.filter(fase__in=OPEN_FASEN, behandelaar__isnull=False)
        .values_list("behandelaar__username")
        .annotate(n=models.Count("pk"))
    )
    assert len(per_consultant) == 8
    assert max(per_consultant.values()) < 4 * min(per_consultant.values())
    teams = set(
        Casus.objects.filter(route=Route.MAATWERK, fase__in=OPEN_FASEN).values_list("team__naam", flat=True)
    )
    assert teams == {"Maatwerk Altena", "Jeugd en Participatie Altena"}
    assert (
        Team.objects.get(naam="Jeugd en Participatie Altena").leden.filter(groups__name="Consultant").count()
        == 4
    )


def test_demo_users_log_in_with_the_demo_password(client):
    call_command("seed_demo", casussen=0, stdout=open("/dev/null", "w"))
    for username in ("frontoffice", "consultant", "teamleider", "beheerder", "privacy", "beleid"):
        assert client.login(username=username, password="altena-demo"), username
        client.logout()
