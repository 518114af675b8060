"""E-mail to partners: a new referral as a link only, and one daily summary when referrals are open."""

import pytest
from django.core import mail

from intake.services import verwijzing_maken
from partner.meldingen import dagoverzichten_versturen
from partner.models import PartnerDagoverzicht
from partner.tasks import dagoverzichten
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.partner import PartnerMedewerkerFactory

pytestmark = pytest.mark.django_db


def test_a_new_referral_mails_a_link_without_personal_data(
    frontoffice, kern, team, welzijn, medewerker, django_capture_on_commit_callbacks
):
    PartnerMedewerkerFactory(partner=welzijn, gebruiker__email="")  # no address: skipped
    inwoner = InwonerFactory(kern=kern, voornamen="Anna", achternaam="Jansen")
    casus = CasusFactory(inwoner=inwoner, team=team, met_toestemming=True, hulpvraag="Ik ben eenzaam")
    with django_capture_on_commit_callbacks(execute=True):
        verwijzing = verwijzing_maken(casus=casus, partner=welzijn, door=frontoffice)
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == [medewerker.gebruiker.email]
    assert f"/partner/verwijzing/{verwijzing.pk}/" in bericht.body
    for geheim in ("Anna", "Jansen", "eenzaam", casus.nummer, inwoner.bsn):
        assert geheim not in bericht.body and geheim not in bericht.subject


def test_the_daily_summary_goes_once_a_day_to_workers_with_open_referrals(medewerker, verwijzing):
    PartnerMedewerkerFactory()  # another partner, nothing open: no mail
    assert dagoverzichten() == 1
    assert dagoverzichten_versturen() == 0  # once a day
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "1 verwijzing" in body and "/partner/" in body and "Anna" not in body
    assert PartnerDagoverzicht.objects.get().verzonden_op is not None


def test_a_failed_summary_is_retried(medewerker, verwijzing, monkeypatch):
    def kapot(*args, **kwargs):
        raise OSError("smtp weg")

    monkeypatch.setattr("partner.meldingen.send_mail", kapot)
    assert dagoverzichten_versturen() == 0
    assert not PartnerDagoverzicht.objects.exists()
    monkeypatch.undo()
    assert dagoverzichten_versturen() == 1


def test_the_summary_is_in_the_static_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["partner-dagoverzichten"]
    assert entry["task"] == "partner.tasks.dagoverzichten"
