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
