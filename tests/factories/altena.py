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
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from altena.security import TWEESTAPS_NODIG

    client = Client()
    client.force_login(user)
    session = client.session
    if tweestaps and session.get(TWEESTAPS_NODIG):
        # django-otp's own state, as django_otp.login leaves it after a code: a confirmed device's id.
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="test-fixture", confirmed=True
        )
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
