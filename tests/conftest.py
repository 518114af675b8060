import pytest

from altena.access import Rol

from .factories.altena import UserFactory, ingelogde_client
from .factories.netwerk import KernFactory, TeamFactory


@pytest.fixture
def kern(db):
    return KernFactory(naam="Sleeuwijk", voormalige_gemeente="Werkendam", postcodegebieden=["4254"])


@pytest.fixture
def team(db, kern):
    return TeamFactory(naam="Team Werkendam", kernen=[kern])


def _user_with_role(role, team=None, username=None):
    user = UserFactory(username=username or role.lower(), rollen=[role])
    if team is not None:
        team.leden.add(user)
    return user


@pytest.fixture
def frontoffice(team):
    return _user_with_role(Rol.FRONTOFFICE, team)


@pytest.fixture
def consultant(team):
    return _user_with_role(Rol.CONSULTANT, team)


@pytest.fixture
def teamleider(team):
    return _user_with_role(Rol.TEAMLEIDER, team)


@pytest.fixture
def beheerder(db):
    user = _user_with_role(Rol.BEHEERDER)
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def privacy(db):
    return _user_with_role(Rol.PRIVACY)


@pytest.fixture
def beleid(db):
    return _user_with_role(Rol.BELEID)


@pytest.fixture
def partner_user(db):
    """A user with the Partner role but no partner organisation (the partner app links one)."""
    return _user_with_role(Rol.PARTNER)


@pytest.fixture
def role_users(frontoffice, consultant, teamleider, beheerder, privacy, beleid, partner_user):
    return {
        Rol.FRONTOFFICE: frontoffice,
        Rol.CONSULTANT: consultant,
        Rol.TEAMLEIDER: teamleider,
        Rol.BEHEERDER: beheerder,
        Rol.PRIVACY: privacy,
        Rol.BELEID: beleid,
        Rol.PARTNER: partner_user,
    }


@pytest.fixture
def client_for():
    """A logged-in test client for a user: client_for(user).

    The session counts as two-factor verified when the user's role requires a second factor (or
    the user has a device), as after a real login with a code; tests of the two-factor step itself
    use the plain ``client``. ``client_for(user, tweestaps=False)`` gives the session as it is right
    after the password, before the code."""

    def make(user, tweestaps=True):
        return ingelogde_client(user, tweestaps=tweestaps)

    return make


@pytest.fixture(autouse=True)
def _lege_cache():
    """The lockout (altena.blokkade) keeps its counts in the cache (locmem in tests): no test inherits
    another's failed logins."""
    from django.core.cache import cache

    cache.clear()
    yield


class StandinBrp:
    """The stand-in BRP of one test, over HTTP: ``zet(*personen)`` fills its store."""

    def __init__(self, server, store):
        self.server = server
        self.store = store
        self.url = f"http://127.0.0.1:{server.server_address[1]}/haalcentraal/api/brp"

    def zet(self, *personen: dict) -> list[dict]:
        from brp.standin.store import voeg_toe

        voeg_toe(self.store, {p["bsn"]: p for p in personen})
        return list(personen)

    def wijzig(self, bsn: str, **wijzigingen) -> dict:
        from brp.standin.store import wijzig

        return wijzig(self.store, bsn, **wijzigingen)


@pytest.fixture
def standin(tmp_path):
    """A stand-in BRP on a free port with an empty store of its own (not connected to settings)."""
    from brp.standin.server import start_in_thread

    store = tmp_path / "brp" / "personen.json"
    server = start_in_thread(store)
    yield StandinBrp(server, store)
    server.shutdown()
    server.server_close()


@pytest.fixture
def brp(standin, settings):
    """The application talks to the stand-in BRP (BRP_API_URL set), as under `make run`."""
    from brp import client as brp_client

    settings.BRP_API_URL = standin.url
    settings.BRP_STANDIN_STORE = str(standin.store)
    brp_client._client = None
    yield standin
    brp_client._client = None


@pytest.fixture(autouse=True)
def _vaste_bewaartermijnen(request):
    """The selectielijst rules a migration seeds. A transactional test flushes every table after it
    runs, so a later test in the same process (whatever order pytest or a worker chose) would find
    none: put them back when they are gone, exactly as the migration makes them."""
    marker = request.node.get_closest_marker("django_db")
    if "db" not in request.fixturenames and marker is None:
        return
    if (marker and marker.kwargs.get("transaction")) or {"transactional_db", "live_server"} & set(
        request.fixturenames
    ):
        return
    request.getfixturevalue("db")
    from django.apps import apps as django_apps

    from backoffice.models import Bewaartermijn

    if not Bewaartermijn.objects.exists():
        import importlib

        migratie = importlib.import_module("backoffice.migrations.0003_bewaartermijnen")
        migratie.standaard(django_apps, None)
