"""seed_demo step 80: the demo consultant's most recent besluiten get their beschikking, once."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone

from altena.demo import DemoContext
from documenten.demo import demo_brieven
from documenten.models import Brief, Briefhoofd, BriefSjabloon
from tests.factories.altena import UserFactory
from tests.factories.backoffice import AanvraagFactory, BesluitFactory, VoorzieningFactory
from tests.factories.intake import CasusFactory

pytestmark = pytest.mark.django_db


def ctx():
    return DemoContext(
        gemeente="altena", gemeente_naam="Altena", casussen=0, password="x", stdout=io.StringIO()
    )


def test_demo_verstuurt_de_beschikkingen_van_de_democonsulent(kern):
    consultant = UserFactory(username="consultant", rollen=["Consultant"])
    besluiten = []
    for i in range(3):
        casus = CasusFactory(maatwerk=True, fase="besluit", behandelaar=consultant, inwoner__kern=kern)
        dag = timezone.localdate() - timedelta(days=10 + i)
        besluit = BesluitFactory(
            casus=casus,
            aanvraag=AanvraagFactory(casus=casus, ontvangen_op=dag),
            besluitdatum=dag,
            verzonden_op=dag,
        )
        VoorzieningFactory(besluit=besluit)
        besluiten.append(besluit)
    ander = CasusFactory(maatwerk=True, fase="besluit", inwoner__kern=kern)
    VoorzieningFactory(besluit=BesluitFactory(casus=ander, aanvraag=AanvraagFactory(casus=ander)))

    demo_brieven(ctx())
    assert Briefhoofd.objects.filter(gemeente__naam="Altena").exists()
    assert BriefSjabloon.objects.filter(gemeente__naam="Altena").count() == 8 * 3
    assert set(Brief.objects.values_list("besluit_id", flat=True)) == {b.pk for b in besluiten}
    assert all(b.verzonden_op == b.besluit.verzonden_op for b in Brief.objects.select_related("besluit"))

    demo_brieven(ctx())  # idempotent
    assert Brief.objects.count() == 3
