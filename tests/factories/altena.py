import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password("geheim-wachtwoord")

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        if create and extracted:
            for naam in extracted:
                self.groups.add(Group.objects.get(name=naam))


def ingelogde_client(user, tweestaps=True):
    """A test client logged in as ``user``; when the user must give a second factor, the session
    counts as verified (as after a real login with a code). Used by ``client_for`` and page maps."""
    from django.test import Client

    from altena.security import TWEESTAPS_NODIG, TWEESTAPS_SESSIE

    client = Client()
    client.force_login(user)
    session = client.session
    if tweestaps and session.get(TWEESTAPS_NODIG):
        session[TWEESTAPS_SESSIE] = "test-fixture"
        session.save()
    return client
