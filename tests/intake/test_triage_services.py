"""Triage services: each outcome, its timeline events and its guards."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from altena.access import Rol
from intake.hooks import casus_fase_gewijzigd
from intake.models import Verwijzing
from intake.services import (
    OvergangNietToegestaan,
    VersieConflict,
    casus_afhandelen,
    casus_afsluiten,
    casus_opschalen,
    verwijzing_maken,
    verwijzing_terugkoppeling,
)
from intake.workflow import Fase, Route
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, InwonerFactory, VerwijzingFactory
from tests.factories.netwerk import KernFactory, PartnerFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(kern, team):
    return CasusFactory(inwoner=InwonerFactory(kern=kern), team=team, leefgebieden=["instrumentele_adl"])


def soorten(casus):
    return list(casus.gebeurtenissen.order_by("tijdstip", "id").values_list("soort", flat=True))


# --- afhandelen -------------------------------------------------------------------------------


def test_afhandelen_closes_the_question_with_a_note(casus, frontoffice):
    casus = casus_afhandelen(casus=casus, door=frontoffice, notitie="Folder huishoudelijke hulp meegegeven.")
    assert (casus.fase, casus.route) == (Fase.AFGEHANDELD, Route.DIRECT)
    assert not casus.is_open and casus.afgesloten_op is not None
    event = casus.gebeurtenissen.get()
    assert (event.soort, event.fase_naar, event.actor) == ("overgang", Fase.AFGEHANDELD, frontoffice)
    assert "Folder" in event.tekst


def test_afhandelen_needs_a_note(casus, frontoffice):
    with pytest.raises(ValidationError) as exc:
        casus_afhandelen(casus=casus, door=frontoffice, notitie="   ")
    assert "notitie" in exc.value.message_dict
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD and not casus.gebeurtenissen.exists()


def test_afhandelen_refuses_a_stale_version(casus, frontoffice):
    with pytest.raises(VersieConflict):
        casus_afhandelen(casus=casus, door=frontoffice, notitie="advies", versie=casus.versie + 1)


# --- verwijzen --------------------------------------------------------------------------------


def test_no_referral_without_consent(casus, frontoffice):
    partner = PartnerFactory(kernen=[casus.kern])
    with pytest.raises(ValidationError) as exc:
        verwijzing_maken(casus=casus, partner=partner, door=frontoffice)
    assert "toestemming" in exc.value.messages[0]
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD
    assert not Verwijzing.objects.exists() and not casus.gebeurtenissen.exists()


def test_referral_moves_case_to_verwezen_and_records_verwijzing(kern, frontoffice):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), met_toestemming=True)
    partner = PartnerFactory(naam="Welzijn Altena", kernen=[kern])
    verwijzing = verwijzing_maken(
        casus=casus, partner=partner, door=frontoffice, toelichting="Bel haar", versie=1
    )
    casus.refresh_from_db()
    assert (casus.fase, casus.route) == (Fase.VERWEZEN, Route.VOORLIGGEND_VELD)
    assert (verwijzing.status, verwijzing.partner, verwijzing.door) == ("verstuurd", partner, frontoffice)
    assert verwijzing.verstuurd_op is not None
    assert soorten(casus) == ["overgang", "verwijzing"]
    assert "Welzijn Altena" in casus.gebeurtenissen.get(soort="verwijzing").tekst


def test_second_referral_on_a_referred_case_only_adds_a_verwijzing(kern, frontoffice):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), verwezen=True, met_toestemming=True)
    verwijzing_maken(casus=casus, partner=PartnerFactory(), door=frontoffice)
    casus.refresh_from_db()
    assert casus.fase == Fase.VERWEZEN and casus.verwijzingen.count() == 1
    assert soorten(casus) == ["verwijzing"]
    assert casus.versie == 2


def test_afschaling_from_onderzoek_comes_back_as_a_referral(kern, consultant):
    casus = CasusFactory(
        inwoner=InwonerFactory(kern=kern), maatwerk=True, fase=Fase.ONDERZOEK, met_toestemming=True
    )
    verwijzing_maken(casus=casus, partner=PartnerFactory(), door=consultant)
    casus.refresh_from_db()
    assert (casus.fase, casus.route, casus.wet) == (Fase.VERWEZEN, Route.VOORLIGGEND_VELD, "wmo")


def test_referral_refused_from_a_fase_without_that_transition(kern, frontoffice):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), maatwerk=True, met_toestemming=True)  # melding
    with pytest.raises(OvergangNietToegestaan):
        verwijzing_maken(casus=casus, partner=PartnerFactory(), door=frontoffice)
    assert not Verwijzing.objects.exists()


def test_referral_to_inactive_partner_is_refused(kern, frontoffice):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), met_toestemming=True)
    with pytest.raises(ValidationError) as exc:
        verwijzing_maken(casus=casus, partner=PartnerFactory(actief=False), door=frontoffice)
    assert "partner" in exc.value.message_dict


# --- terugkoppeling ---------------------------------------------------------------------------


def test_terugkoppeling_records_status_text_date_and_timeline(frontoffice):
    verwijzing = VerwijzingFactory()
    datum = timezone.localdate() - datetime.timedelta(days=2)
    verwijzing = verwijzing_terugkoppeling(
        verwijzing=verwijzing,
        status="geaccepteerd",
        tekst="Intake gepland.",
        datum=datum,
        door=frontoffice,
        versie=1,
    )
    assert (verwijzing.status, verwijzing.terugkoppeling_datum, verwijzing.terugkoppeling_door) == (
        "geaccepteerd",
        datum,
        frontoffice,
    )
    assert verwijzing.afgerond_op is None and verwijzing.versie == 2
    event = verwijzing.casus.gebeurtenissen.get(soort="terugkoppeling")
    assert "Intake gepland." in event.tekst
    verwijzing = verwijzing_terugkoppeling(
        verwijzing=verwijzing, status="afgerond", tekst="Klaar.", datum=timezone.localdate(), door=frontoffice
    )
    assert verwijzing.afgerond_op is not None and not verwijzing.is_actief


def test_terugkoppeling_guards(frontoffice):
    verwijzing = VerwijzingFactory(status="afgerond")
    with pytest.raises(ValidationError) as exc:
        verwijzing_terugkoppeling(
            verwijzing=verwijzing,
            status="geaccepteerd",
            tekst="x",
            datum=timezone.localdate(),
            door=frontoffice,
        )
    assert "status" in exc.value.message_dict
    open_verwijzing = VerwijzingFactory()
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        verwijzing_terugkoppeling(
            verwijzing=open_verwijzing, status="afgerond", tekst="x", datum=morgen, door=frontoffice
        )
    assert "datum" in exc.value.message_dict
    with pytest.raises(ValidationError):
        verwijzing_terugkoppeling(
            verwijzing=open_verwijzing,
            status="afgerond",
            tekst="",
            datum=timezone.localdate(),
            door=frontoffice,
        )
    open_verwijzing.refresh_from_db()
    assert open_verwijzing.status == "verstuurd"


# --- opschalen --------------------------------------------------------------------------------


def test_opschalen_makes_a_melding_under_the_law_with_date_team_and_signal(casus, frontoffice, team):
    ontvangen = []

    def receiver(sender, **kwargs):
        ontvangen.append((kwargs["van"], kwargs["naar"], kwargs["casus"].meldingsdatum))

    casus_fase_gewijzigd.connect(receiver)
    try:
        casus = casus_opschalen(
            casus=casus, wet="wmo", reden="Huishouden lukt niet meer", door=frontoffice, versie=1
        )
    finally:
        casus_fase_gewijzigd.disconnect(receiver)
    assert (casus.fase, casus.route, casus.wet) == (Fase.MELDING, Route.MAATWERK, "wmo")
    assert casus.meldingsdatum == timezone.localdate()
    assert casus.team == team  # the conftest team has a consultant and covers the kern
    assert ontvangen == [(Fase.AANGEMELD, Fase.MELDING, timezone.localdate())]
    event = casus.gebeurtenissen.get()
    assert "Wmo 2015" in event.tekst and "Huishouden lukt niet meer" in event.tekst
    assert event.gegevens["meldingsdatum"] == timezone.localdate().isoformat()


def test_opschalen_from_verwezen_with_an_earlier_melding_date(kern, frontoffice):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), verwezen=True)
    datum = timezone.localdate() - datetime.timedelta(days=3)
    casus = casus_opschalen(
        casus=casus, wet="jeugdwet", reden="Netwerk volstaat niet", door=frontoffice, meldingsdatum=datum
    )
    assert (casus.fase, casus.wet, casus.meldingsdatum) == (Fase.MELDING, "jeugdwet", datum)


@pytest.mark.parametrize(
    "wet,reden,veld", [("", "reden", "wet"), ("wmo", "  ", "reden"), ("belastingwet", "reden", "wet")]
)
def test_no_opschaling_without_a_law_and_a_reason(casus, frontoffice, wet, reden, veld):
    with pytest.raises(ValidationError) as exc:
        casus_opschalen(casus=casus, wet=wet, reden=reden, door=frontoffice)
    assert veld in exc.value.message_dict
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD and not casus.gebeurtenissen.exists()


def test_opschalen_refuses_a_future_melding_date_and_a_settled_case(casus, frontoffice):
    with pytest.raises(ValidationError) as exc:
        casus_opschalen(
            casus=casus,
            wet="wmo",
            reden="r",
            door=frontoffice,
            meldingsdatum=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert "meldingsdatum" in exc.value.message_dict
    casus = casus_afhandelen(casus=casus, door=frontoffice, notitie="advies")
    with pytest.raises(OvergangNietToegestaan):
        casus_opschalen(casus=casus, wet="wmo", reden="r", door=frontoffice)


def test_opschalen_hands_the_case_to_a_maatwerk_team_covering_the_kern(frontoffice):
    sleeuwijk = KernFactory(naam="Sleeuwijk-test")
    andel = KernFactory(naam="Andel-test")
    consulent = UserFactory(rollen=[Rol.CONSULTANT])
    toegang = TeamFactory(naam="Toegang", kernen=[], leden=[frontoffice])
    TeamFactory(naam="Maatwerk Andel", kernen=[andel], leden=[consulent])
    hele_gemeente = TeamFactory(naam="Maatwerk Altena", kernen=[], leden=[consulent])
    casus = CasusFactory(inwoner=InwonerFactory(kern=sleeuwijk), team=toegang)
    casus = casus_opschalen(casus=casus, wet="participatiewet", reden="Geen inkomen", door=frontoffice)
    assert casus.team == hele_gemeente
    specifiek = TeamFactory(naam="Maatwerk Sleeuwijk", kernen=[sleeuwijk], leden=[consulent])
    casus2 = casus_opschalen(
        casus=CasusFactory(inwoner=InwonerFactory(kern=sleeuwijk), team=toegang),
        wet="wmo",
        reden="r",
        door=frontoffice,
    )
    assert casus2.team == specifiek


# --- afsluiten --------------------------------------------------------------------------------


def test_afsluiten_a_referred_case_needs_a_reason(kern, frontoffice):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), verwezen=True)
    with pytest.raises(ValidationError):
        casus_afsluiten(casus=casus, reden="", door=frontoffice)
    casus = casus_afsluiten(casus=casus, reden="doel bereikt", door=frontoffice)
    assert (casus.fase, casus.afsluitreden) == (Fase.AFGESLOTEN, "doel bereikt")
