import pytest
from django.db import transaction
from django.db.utils import InternalError, ProgrammingError

from altena.models import Verwerking
from altena.verwerkingen import log_verwerking

pytestmark = pytest.mark.django_db


def test_verwerkingenlog_is_append_only(privacy):
    row = log_verwerking(
        actor=privacy, handeling="lezen", verwerkingsactiviteit="test", object_type="inwoner", object_id=1
    )
    for attempt in (
        lambda: Verwerking.objects.filter(pk=row.pk).update(actor_naam="iemand anders"),
        lambda: Verwerking.objects.filter(pk=row.pk).delete(),
    ):
        with pytest.raises((ProgrammingError, InternalError)):
            with transaction.atomic():
                attempt()
    assert Verwerking.objects.get(pk=row.pk).actor_naam == privacy.username


def test_privacy_officer_reads_the_log_and_others_cannot(client_for, privacy, consultant):
    log_verwerking(
        actor=consultant,
        handeling="lezen",
        verwerkingsactiviteit="Wmo",
        object_type="casus",
        object_id=7,
        casus_nummer="2026-000007",
    )
    response = client_for(privacy).get("/privacy/", {"casus": "2026-000007"})
    assert response.status_code == 200
    assert b"2026-000007" in response.content
    assert client_for(consultant).get("/privacy/").status_code == 403
