"""The nightly BRP sweep against the stand-in BRP: one signal per event, exactly once."""

from __future__ import annotations

import datetime

import pytest

from altena.access import Rol
from brp.client import BrpClient
from brp.models import BrpBevraging
from intake.models import BrpStatus, Inwoner
from netwerk.models import Gemeente
from signalen.brp import brp_controle, te_controleren
from signalen.models import BrpGebeurtenis, Signaal, SignaalSoort
from tests.factories.altena import UserFactory
from tests.factories.backoffice import VoorzieningFactory
from tests.factories.brp import brp_persoon
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet(brp, kern, team):
    Gemeente.objects.get_or_create(naam="Altena", defaults={"cbs_code": "1959"})
    regisseur = UserFactory(username="regie", rollen=[Rol.CONSULTANT])
    return {"regisseur": regisseur}


def met_voorziening(brp, kern, team, regisseur=None, **brp_kwargs):
    p = brp.zet(brp_persoon(**brp_kwargs))[0]
    inwoner = InwonerFactory(kern=kern, bsn=p["bsn"], postcode="4254 AB", huisnummer="1")
    casus = CasusFactory(
        inwoner=inwoner, kern=kern, team=team, fase="in_zorg", wet="wmo", regisseur=regisseur
    )
    VoorzieningFactory(besluit__casus=casus)
    return inwoner, p


def test_overlijden_geeft_de_regisseur_een_signaal_precies_een_keer(opzet, brp, kern, team):
    inwoner, p = met_voorziening(brp, kern, team, regisseur=opzet["regisseur"])
    assert brp_controle().signalen == 0  # nothing changed yet

    brp.wijzig(p["bsn"], overleden="2026-12-01")
    uitkomst = brp_controle()
    assert uitkomst.signalen == 1 and uitkomst.per_soort == {SignaalSoort.BRP_OVERLEDEN: 1}
    signaal = Signaal.objects.get()
    assert signaal.ontvanger == opzet["regisseur"] and signaal.peildatum == datetime.date(2026, 12, 1)
    assert "Overleden" in signaal.tekst and "voorzieningen" in signaal.tekst
    inwoner.refresh_from_db()
    assert inwoner.overleden_op == datetime.date(2026, 12, 1)
    assert BrpGebeurtenis.objects.get().datum == datetime.date(2026, 12, 1)

    brp_controle()  # the next night, and a retried task: nothing new
    brp_controle()
    assert Signaal.objects.count() == 1


def test_in_batches_van_twintig(opzet, brp, kern, team):
    for _ in range(45):
        met_voorziening(brp, kern, team)
    uitkomst = brp_controle()
    assert (uitkomst.inwoners, uitkomst.vragen) == (45, 3)
    assert max(len(b.bsns) for b in BrpBevraging.objects.filter(doel="controle")) == 20


def test_verhuisd_uit_de_gemeente_noemt_de_wet(opzet, brp, kern, team):
    _, p = met_voorziening(brp, kern, team)
    brp.wijzig(p["bsn"], gemeente={"code": "0361", "naam": "Alkmaar"},
               adres={"straat": "Laat", "huisnummer": 5, "postcode": "1811EA", "woonplaats": "Alkmaar",
                      "datumVan": "2026-11-15"})  # fmt: skip
    brp_controle()
    signaal = Signaal.objects.get(regel=SignaalSoort.BRP_VERHUISD_BUITEN)
    assert "Wmo" in signaal.tekst and "woonplaatsbeginsel" in signaal.tekst
    assert signaal.peildatum == datetime.date(2026, 11, 15)


def test_verhuizing_binnen_de_gemeente_naar_ander_team_signaleert_beide_teams(opzet, brp, kern, team):
    andere_kern = KernFactory(naam="Almkerk", postcodegebieden=["4286"])
    ander_team = TeamFactory(naam="Team Almkerk", kernen=[andere_kern])
    inwoner, p = met_voorziening(brp, kern, team)
    brp.wijzig(p["bsn"], adres={"straat": "Raadhuisstraat", "huisnummer": 3, "postcode": "4286AA",
                                "woonplaats": "Almkerk", "datumVan": "2026-11-20"})  # fmt: skip
    brp_controle()
    teams = set(Signaal.objects.filter(regel=SignaalSoort.BRP_VERHUISD_BINNEN).values_list("team", flat=True))
    assert teams == {team.pk, ander_team.pk}
    inwoner.refresh_from_db()
    assert (inwoner.kern, inwoner.straat, inwoner.postcode) == (andere_kern, "Raadhuisstraat", "4286 AA")


def test_verhuizing_binnen_hetzelfde_team_is_stil(opzet, brp, kern, team):
    inwoner, p = met_voorziening(brp, kern, team)
    brp.wijzig(
        p["bsn"],
        adres={"straat": "Nieuwstraat", "huisnummer": 8, "postcode": "4254CC", "woonplaats": "Sleeuwijk"},
    )
    brp_controle()
    assert not Signaal.objects.exists()
    inwoner.refresh_from_db()
    assert inwoner.straat == "Nieuwstraat"


def test_gezag_wijziging_van_een_minderjarige(opzet, brp, kern, team):
    moeder, vader = brp.zet(brp_persoon(voornamen="Mo"), brp_persoon(voornamen="Va", geslacht="M"))
    _, p = met_voorziening(
        brp, kern, team, geboortedatum="2014-01-01",
        gezag={"type": "GezamenlijkOuderlijkGezag", "ouders": [moeder["bsn"], vader["bsn"]]},
    )  # fmt: skip
    brp_controle()  # the first read fills the cache
    assert not Signaal.objects.exists()
    brp.wijzig(p["bsn"], gezag={"type": "EenhoofdigOuderlijkGezag", "ouders": [moeder["bsn"]]})
    brp_controle()
    signaal = Signaal.objects.get(regel=SignaalSoort.BRP_GEZAG)
    assert "Mo Jansen" in signaal.tekst


def test_niet_gecontroleerde_inwoner_wordt_nagekeken(opzet, brp, kern, team):
    inwoner, _ = met_voorziening(brp, kern, team)
    assert inwoner.brp_status == BrpStatus.NIET_GECONTROLEERD
    brp_controle()
    inwoner.refresh_from_db()
    assert inwoner.brp_status == BrpStatus.GECONTROLEERD


def test_brp_weg_laat_de_controle_doorlopen(opzet, brp, kern, team):
    met_voorziening(brp, kern, team)
    api = BrpClient(url="http://127.0.0.1:9", timeout_connect=0.2, timeout_read=0.2)
    uitkomst = brp_controle(api=api)
    assert (uitkomst.vragen, uitkomst.fouten, uitkomst.signalen) == (1, 1, 0)


def test_alleen_open_casus_of_lopende_voorziening(opzet, brp, kern, team):
    met_voorziening(brp, kern, team)
    gesloten = InwonerFactory(kern=kern)
    CasusFactory(inwoner=gesloten, kern=kern, fase="afgesloten")
    assert list(te_controleren().values_list("bsn", flat=True)) == [
        Inwoner.objects.exclude(pk=gesloten.pk).get().bsn
    ]
