"""The Celery task (beat every minute) and the management command do one round of the exchange."""

import pytest
from django.conf import settings
from django.core.management import call_command

from backoffice.models import VoorzieningMutatie
from berichten import tasks
from berichten.models import Bericht, Levering, Status, Toewijzing

from .helpers import in_inbox, opzetten, voorbeeld

pytestmark = pytest.mark.django_db


def test_beat_heeft_de_taak():
    assert settings.CELERY_BEAT_SCHEDULE["berichten-verwerken"]["task"] == "berichten.tasks.verwerken"
    assert settings.CELERY_BEAT_SCHEDULE["berichten-mutaties"]["task"] == "berichten.tasks.mutaties_verwerken"


def test_taak_verstuurt_leest_en_haalt_in(berichtenmap, toekennen, huishoudelijke_hulp, thuiszorg):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    # A mutation still pending (its 301 not yet made) is made by the next round.
    Bericht.objects.all().delete()
    Toewijzing.objects.all().delete()
    VoorzieningMutatie.objects.update(verwerkt_op=None)
    opzetten(voorbeeld("WMO305"))
    in_inbox(berichtenmap, "start.xml", voorbeeld("WMO305"))
    uitkomst = tasks.verwerken()
    assert uitkomst == {"toewijzingen": 1, "verstuurd": 1, "ontvangen": 1, "melding": None}
    assert Toewijzing.objects.filter(casus=casus).count() == 1
    assert Levering.objects.count() == 2
    assert not Bericht.objects.filter(status=Status.TE_VERSTUREN).exists()


def test_commando(berichtenmap, capsys):
    call_command("berichten_verwerken")
    assert "0 verstuurd, 0 ontvangen" in capsys.readouterr().out
