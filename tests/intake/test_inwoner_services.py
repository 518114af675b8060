"""Registering inwoners, households and their regisseur, and the ZRM quick scan; access scope."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from altena.access import Rol
from intake.models import Casus, Huishouden, Inwoner, ZrmScore
from intake.services import (
    BsnBestaatAl,
    HuishoudenConflict,
    casus_aanmaken,
    huishouden_regisseur_toewijzen,
    inwoner_registreren,
    zrm_scores_vastleggen,
)
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory, bsn_for
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db


def gegevens(kern, **extra):
    return {
        "bsn": "123456782",
        "voornamen": "Anna",
        "achternaam": "Jansen",
        "geboortedatum": datetime.date(1948, 3, 2),
        "straat": "Kerkstraat",
        "huisnummer": "4",
        "postcode": "4254ab",
        "kern": kern,
        **extra,
    }


def test_inwoner_registreren_normalises_and_starts_a_household(kern, frontoffice):
    inwoner = inwoner_registreren(door=frontoffice, **gegevens(kern))
    assert (inwoner.postcode, inwoner.woonplaats, inwoner.kern) == ("4254 AB", "Sleeuwijk", kern)
    assert inwoner.huishouden.naam == "Huishouden Jansen, Kerkstraat 4"


def test_second_person_at_the_address_joins_the_household(kern, frontoffice):
    eerste = inwoner_registreren(door=frontoffice, **gegevens(kern))
    tweede = inwoner_registreren(door=frontoffice, **gegevens(kern, bsn=bsn_for(7), voornamen="Piet"))
    assert tweede.huishouden == eerste.huishouden
    assert Huishouden.objects.count() == 1


def test_duplicate_bsn_is_refused_with_the_existing_person(kern, frontoffice):
    bestaand = inwoner_registreren(door=frontoffice, **gegevens(kern))
    with pytest.raises(BsnBestaatAl) as exc:
        inwoner_registreren(door=frontoffice, **gegevens(kern, voornamen="Iemand"))
    assert exc.value.inwoner == bestaand
    assert "bsn" in exc.value.message_dict
    assert Inwoner.objects.count() == 1


def test_future_birth_date_and_bad_bsn_are_refused(kern, frontoffice):
    with pytest.raises(ValidationError) as exc:
        inwoner_registreren(
            door=frontoffice,
            **gegevens(kern, geboortedatum=timezone.localdate() + datetime.timedelta(days=1)),
        )
    assert "geboortedatum" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        inwoner_registreren(door=frontoffice, **gegevens(kern, bsn="123456789"))
    assert "bsn" in exc.value.message_dict
    assert not Inwoner.objects.exists() and not Huishouden.objects.exists()


def test_regisseur_for_the_household_directs_its_open_cases(kern, consultant, teamleider):
    huishouden = HuishoudenFactory()
    lid = InwonerFactory(kern=kern, huishouden=huishouden)
    open_casus = CasusFactory(inwoner=lid)
    gesloten = CasusFactory(inwoner=lid, afgesloten=True)
    huishouden = huishouden_regisseur_toewijzen(
        huishouden=huishouden, regisseur=consultant, door=teamleider, versie=1
    )
    assert huishouden.regisseur == consultant and huishouden.versie == 2
    open_casus.refresh_from_db()
    gesloten.refresh_from_db()
    assert (open_casus.regisseur, open_casus.versie) == (consultant, 2)
    assert gesloten.regisseur is None
    assert open_casus.gebeurtenissen.get().soort == "toegewezen"
    with pytest.raises(HuishoudenConflict):
        huishouden_regisseur_toewijzen(huishouden=huishouden, regisseur=None, door=teamleider, versie=1)


def test_only_a_consultant_can_be_regisseur(frontoffice, teamleider):
    with pytest.raises(ValidationError):
        huishouden_regisseur_toewijzen(huishouden=HuishoudenFactory(), regisseur=frontoffice, door=teamleider)


def test_zrm_scores_only_relevant_domains_each_with_a_reason(frontoffice):
    casus = CasusFactory()
    with pytest.raises(ValidationError) as exc:
        zrm_scores_vastleggen(
            casus=casus,
            door=frontoffice,
            scores=[
                {"domein": "financien", "score": 2, "reden": ""},
                {"domein": "huisvesting", "score": 7, "reden": "x"},
                {"domein": "huisvesting", "score": 3, "reden": "x"},
            ],
        )
    assert len(exc.value.messages) == 3
    assert not ZrmScore.objects.exists()
    scores = zrm_scores_vastleggen(
        casus=casus, door=frontoffice, scores=[{"domein": "financien", "score": 2, "reden": "Schulden"}]
    )
    assert [(s.domein, s.score, s.bron) for s in scores] == [("financien", 2, "quickscan")]
    assert "Financiën 2" in casus.gebeurtenissen.get().tekst
    assert not scores[0].is_verouderd
    scores[0].gescoord_op = timezone.localdate() - datetime.timedelta(days=31)
    assert scores[0].is_verouderd


def test_repeated_submit_with_scores_makes_one_case_and_one_scan(kern, frontoffice):
    inwoner = InwonerFactory(kern=kern)
    kwargs = dict(
        inwoner=inwoner,
        door=frontoffice,
        hulpvraag="Hulp bij het huishouden",
        kanaal="telefoon",
        leefgebieden=["instrumentele_adl"],
        indienings_token=uuid.uuid4(),
        zrm_scores=[{"domein": "instrumentele_adl", "score": 2, "reden": "Kan niet meer stofzuigen"}],
    )
    assert casus_aanmaken(**kwargs).pk == casus_aanmaken(**kwargs).pk
    assert Casus.objects.count() == 1 and ZrmScore.objects.count() == 1


# --- scope --------------------------------------------------------------------------------------


def test_frontoffice_sees_inwoners_of_its_municipality_not_others(frontoffice, kern):
    eigen = InwonerFactory(kern=kern)
    elders = InwonerFactory(kern=KernFactory(naam="Grijpskerk", gemeente="Westerkwartier"))
    zichtbaar = set(Inwoner.objects.zichtbaar_voor(frontoffice))
    assert eigen in zichtbaar and elders not in zichtbaar


def test_consultant_sees_inwoners_and_households_through_cases_or_regie(consultant, team, kern):
    ander_team = TeamFactory(naam="Ander team", kernen=[kern])
    via_team = CasusFactory(inwoner=InwonerFactory(kern=kern, huishouden=HuishoudenFactory()), team=team)
    niet = CasusFactory(inwoner=InwonerFactory(kern=kern, huishouden=HuishoudenFactory()), team=ander_team)
    geregisseerd = HuishoudenFactory(regisseur=consultant)
    assert set(Inwoner.objects.zichtbaar_voor(consultant)) == {via_team.inwoner}
    assert set(Huishouden.objects.zichtbaar_voor(consultant)) == {via_team.inwoner.huishouden, geregisseerd}
    assert niet.inwoner.huishouden not in Huishouden.objects.zichtbaar_voor(consultant)


@pytest.mark.parametrize("role", [Rol.BEHEERDER, Rol.PRIVACY])
def test_beheerder_and_privacy_see_no_inwoner(role, kern, team):
    user = UserFactory(rollen=[role])
    team.leden.add(user)
    CasusFactory(inwoner=InwonerFactory(kern=kern), team=team)
    assert not Inwoner.objects.zichtbaar_voor(user).exists()
    assert not Casus.objects.zichtbaar_voor(user).exists()
