"""The daily e-mail digest: only for who wants it, only new signals, never twice, retried on failure."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from signalen import services
from signalen.models import Dagoverzicht, DagoverzichtSignaal
from signalen.services import dagoverzichten_versturen, voorkeur_opslaan
from tests.factories.signalen import SignaalFactory

from .conftest import op

pytestmark = pytest.mark.django_db

OCHTEND = op(2026, 4, 21, 7, 0)


@pytest.fixture
def abonnee(consultant):
    consultant.email = "consultant@altena.example"
    consultant.save()
    voorkeur_opslaan(gebruiker=consultant, dagelijkse_mail=True)
    return consultant


def signaal(ontvanger, moment, **velden):
    return SignaalFactory(ontvanger=ontvanger, aangemaakt=moment, **velden)


def _alleen_aantallen(bericht, signaal):
    """The digest carries counts and a link, never a case number, signal text or signal URL."""
    assert signaal.casus.nummer not in bericht.body
    assert signaal.tekst not in bericht.body
    assert f"/signalen/{signaal.pk}/" not in bericht.body
    assert "/signalen/" in bericht.body


def versturen(moment):
    with time_machine.travel(moment, tick=False):
        return dagoverzichten_versturen()


def test_een_overzicht_per_dag_met_alleen_nieuwe_signalen(abonnee):
    eerste = signaal(abonnee, OCHTEND - timedelta(hours=10))
    signaal(abonnee, OCHTEND - timedelta(hours=9), afgehandeld=True)  # already handled: not news
    assert versturen(OCHTEND) == 1
    (bericht,) = mail.outbox
    assert bericht.to == ["consultant@altena.example"]
    assert bericht.subject == "Altena Toegang: 1 nieuw signaal"
    _alleen_aantallen(bericht, eerste)
    assert f"1 x {eerste.get_regel_display()}" in bericht.body

    signaal(abonnee, OCHTEND + timedelta(hours=1))
    assert versturen(OCHTEND + timedelta(hours=2)) == 0  # the hourly retry: today's digest is done
    assert len(mail.outbox) == 1

    tweede = signaal(abonnee, OCHTEND + timedelta(hours=3))
    assert versturen(OCHTEND + timedelta(days=1)) == 1
    assert mail.outbox[1].subject == "Altena Toegang: 2 nieuwe signalen"
    _alleen_aantallen(mail.outbox[1], tweede)
    assert "2 x " in mail.outbox[1].body
    assert DagoverzichtSignaal.objects.filter(ontvanger=abonnee).count() == 3


def test_zonder_voorkeur_of_adres_geen_mail(consultant, teamleider, team):
    signaal(consultant, OCHTEND - timedelta(hours=1))
    teamleider.email = ""
    teamleider.save()
    voorkeur_opslaan(gebruiker=teamleider, dagelijkse_mail=True)
    SignaalFactory(escalatie=True, team=team, aangemaakt=OCHTEND - timedelta(hours=1))
    assert versturen(OCHTEND) == 0
    assert mail.outbox == []


def test_teamleider_krijgt_de_escalaties_van_het_team(teamleider, team):
    teamleider.email = "tl@altena.example"
    teamleider.save()
    voorkeur_opslaan(gebruiker=teamleider, dagelijkse_mail=True)
    escalatie = SignaalFactory(escalatie=True, team=team, aangemaakt=OCHTEND - timedelta(hours=1))
    assert versturen(OCHTEND) == 1
    _alleen_aantallen(mail.outbox[0], escalatie)


def test_geen_nieuwe_signalen_geen_mail(abonnee):
    assert versturen(OCHTEND) == 0
    assert mail.outbox == []


def test_mislukte_verzending_wordt_later_opnieuw_geprobeerd(abonnee, monkeypatch):
    signaal(abonnee, OCHTEND - timedelta(hours=1))

    def stuk(*args, **kwargs):
        raise OSError("SMTP-server onbereikbaar")

    monkeypatch.setattr(services, "send_mail", stuk)
    assert versturen(OCHTEND) == 0
    assert not Dagoverzicht.objects.exists() and not DagoverzichtSignaal.objects.exists()
    monkeypatch.undo()
    assert versturen(OCHTEND + timedelta(hours=1)) == 1
    assert len(mail.outbox) == 1
    assert Dagoverzicht.objects.get().verzonden_op is not None


def test_de_claim_per_dag_laat_een_tweede_run_niets_doen(abonnee):
    signaal(abonnee, OCHTEND - timedelta(hours=1))
    with time_machine.travel(OCHTEND, tick=False):
        assert services.dagoverzicht_versturen(ontvanger=abonnee) is not None
        assert services.dagoverzicht_versturen(ontvanger=abonnee) is None
    assert len(mail.outbox) == 1
