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
