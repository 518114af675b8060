"""Each gemeente is its own controller (issue 10, found #2): nothing of one gemeente is visible,
searchable or inferable from another, and the household match never crosses gemeenten."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from altena.access import Rol
from altena.models import Verwerking
from intake.models import Casus, Huishouden, Inwoner
from intake.services import inwoner_registreren
from netwerk.models import Kern
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db

ADRES = {"straat": "Dorpsstraat", "huisnummer": "1", "postcode": "4254 AB"}


@pytest.fixture
def grootegast(db):
    return KernFactory(
        gemeente="Westerkwartier",
        naam="Grootegast",
        voormalige_gemeente="Grootegast",
        postcodegebieden=["9861"],
    )


@pytest.fixture
def wk_balie(grootegast):
    user = UserFactory(username="balie-wk", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang Westerkwartier", gemeente="Westerkwartier", leden=[user])
    return user


@pytest.fixture
def wk_consulent(grootegast):
    user = UserFactory(username="consulent-wk", rollen=[Rol.CONSULTANT])
    TeamFactory(naam="Maatwerk Westerkwartier", gemeente="Westerkwartier", leden=[user])
    return user


@pytest.fixture
def altena_huishouden(kern):
    huishouden = HuishoudenFactory(naam="Huishouden De Vries, Dorpsstraat 1", gemeente="Altena")
    lid = InwonerFactory(kern=kern, huishouden=huishouden, achternaam="De Vries", **ADRES)
    CasusFactory(inwoner=lid, maatwerk=True, wet="jeugdwet", hulpvraag="Geheime jeugdhulpvraag")
    return huishouden


def registratie(**extra):
    return {
        "bsn": "123456782",
        "voornamen": "Nep",
        "achternaam": "Persoon",
        "geboortedatum": "1980-01-01",
        "kern": "",
        **ADRES,
        **extra,
    }


def test_gemeente_follows_the_kern_for_inwoner_and_casus(kern, grootegast):
    casus = CasusFactory(inwoner=InwonerFactory(kern=grootegast, postcode="9861 AA"))
    assert casus.gemeente == casus.inwoner.gemeente == "Westerkwartier"
    assert InwonerFactory(kern=kern).gemeente == "Altena"


def test_bsn_is_unique_per_gemeente_not_globally(kern, grootegast):
    InwonerFactory(kern=kern, bsn="123456782")
    InwonerFactory(kern=grootegast, bsn="123456782")  # a shared-service deployment: allowed
    with pytest.raises(IntegrityError):
        InwonerFactory(kern=kern, bsn="123456782")


def test_a_postcode_outside_the_gemeente_is_refused_at_the_field(client_for, wk_balie, altena_huishouden):
    """The attack: a desk worker of another gemeente registers a made-up person at the address."""
    response = client_for(wk_balie).post("/intake/nieuw/inwoner/", registratie(kern=""))
    form = response.context["form"]
    assert response.status_code == 200
    assert "postcode" in form.errors or "kern" in form.errors
    grootegast = Kern.objects.get(naam="Grootegast")
    response = client_for(wk_balie).post("/intake/nieuw/inwoner/", registratie(kern=grootegast.pk))
    assert "ligt niet in de gemeente Westerkwartier" in " ".join(response.context["form"].errors["postcode"])
    assert 'value="Nep"' in response.content.decode()
    assert Inwoner.objects.count() == 1


def test_a_postcode_of_another_kern_is_refused_at_the_field(client_for, frontoffice, kern, team):
    almkerk = KernFactory(naam="Almkerk", postcodegebieden=["4286"])
    team.kernen.add(almkerk)
    response = client_for(frontoffice).post("/intake/nieuw/inwoner/", registratie(kern=almkerk.pk))
    assert "hoort niet bij de kern Almkerk" in " ".join(response.context["form"].errors["postcode"])
    assert not Inwoner.objects.exists()


def test_household_match_never_crosses_gemeenten(wk_balie, altena_huishouden):
    """Even where postcode areas are not configured, the address match stays in the gemeente."""
    Kern.objects.filter(gemeente="Westerkwartier").update(postcodegebieden=[])
    elders = KernFactory(
        gemeente="Westerkwartier", naam="Faan", voormalige_gemeente="Grootegast", postcodegebieden=[]
    )
    nep = inwoner_registreren(
        door=wk_balie,
        bsn="123456782",
        voornamen="Nep",
        achternaam="Persoon",
        geboortedatum=datetime.date(1980, 1, 1),
        kern=elders,
        **ADRES,
    )
    assert nep.huishouden != altena_huishouden and nep.huishouden.gemeente == "Westerkwartier"
    with pytest.raises(ValidationError):
        inwoner_registreren(
            door=wk_balie,
            bsn="111222333",
            voornamen="Nep",
            achternaam="Twee",
            geboortedatum=datetime.date(1980, 1, 1),
            kern=elders,
            huishouden=altena_huishouden,
            **ADRES,
        )


def test_nothing_of_another_gemeente_is_visible_or_searchable(
    client_for, wk_balie, wk_consulent, altena_huishouden
):
    lid = altena_huishouden.leden.get()
    casus = Casus.objects.get()
    # A household member of the other gemeente (legacy data) does not open the household either.
    InwonerFactory(
        kern=Kern.objects.get(naam="Grootegast"),
        huishouden=altena_huishouden,
        postcode="9861 AA",
    )
    for user in (wk_balie, wk_consulent):
        assert not Huishouden.objects.zichtbaar_voor(user).filter(pk=altena_huishouden.pk).exists()
        assert not Inwoner.objects.zichtbaar_voor(user).filter(pk=lid.pk).exists()
        assert not Casus.objects.zichtbaar_voor(user).exists()
        client = client_for(user)
        assert client.get(f"/intake/huishouden/{altena_huishouden.pk}/").status_code == 404
        assert client.get(f"/intake/inwoner/{lid.pk}/").status_code == 404
        assert client.get(f"/intake/casus/{casus.nummer}/").status_code == 404
    response = client_for(wk_balie).post("/intake/nieuw/", {"bsn": lid.bsn})
    html = response.content.decode()
    assert response.context["resultaten"] == [] and lid.achternaam not in html
    # Nothing of the inwoner was processed; the refused attempts on its pages carry it (issue 21), so
    # its own gemeente's privacy officer finds them by BSN, and nothing else does.
    rijen = Verwerking.objects.filter(inwoner_id=lid.pk)
    assert rijen.exists() and set(rijen.values_list("resultaat", flat=True)) == {"geweigerd"}


def test_a_household_is_not_visible_merely_because_a_member_is(
    client_for, frontoffice, consultant, kern, team
):
    andel = KernFactory(naam="Andel", postcodegebieden=["4281"])
    huishouden = HuishoudenFactory(gemeente="Altena")
    lid = InwonerFactory(kern=andel, huishouden=huishouden, postcode="4281 AA")
    fo, co = client_for(frontoffice), client_for(consultant)
    # the desk worker finds the person (gemeente-wide, against double registration) ...
    assert fo.get(f"/intake/inwoner/{lid.pk}/").status_code == 200
    # ... but the household outside the werkgebied stays closed, also to a consultant without a case
    assert fo.get(f"/intake/huishouden/{huishouden.pk}/").status_code == 404
    assert co.get(f"/intake/huishouden/{huishouden.pk}/").status_code == 404
    # a case of the household in the consultant's team is a reason of their own (regie)
    CasusFactory(inwoner=lid, team=team, maatwerk=True)
    assert co.get(f"/intake/huishouden/{huishouden.pk}/").status_code == 200
