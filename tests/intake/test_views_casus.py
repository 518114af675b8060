"""Case detail, editing with optimistic locking, the triage views and the referral feedback."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from altena.access import Rol
from altena.models import Verwerking
from intake.models import Verwijzing
from intake.services import casus_bijwerken
from intake.workflow import Fase
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, InwonerFactory, VerwijzingFactory
from tests.factories.netwerk import KernFactory, PartnerFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fo(client_for, frontoffice):
    return client_for(frontoffice)


@pytest.fixture
def casus(kern, team):
    return CasusFactory(
        inwoner=InwonerFactory(kern=kern), team=team, leefgebieden=["instrumentele_adl", "sociaal_netwerk"]
    )


def test_detail_shows_the_full_timeline_and_is_logged(fo, casus, frontoffice):
    casus_bijwerken(casus=casus, versie=1, door=frontoffice, crisis=True)
    response = fo.get(f"/intake/casus/{casus.nummer}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gegevens gewijzigd" in html and "Crisis" in html and 'data-testid="tijdlijn"' in html
    rij = Verwerking.objects.get(handeling="lezen")
    assert (rij.casus_nummer, rij.inwoner_id) == (casus.nummer, casus.inwoner_id)


@pytest.mark.parametrize("pagina", ["bewerken", "afhandelen", "opschalen", "verwijzen", "terugkoppeling"])
def test_pages_showing_the_case_are_logged_as_reads(fo, casus, pagina):
    casus.toestemming_delen = True
    casus.save()
    verwijzing = VerwijzingFactory(casus=casus)
    url = (
        f"/intake/verwijzing/{verwijzing.pk}/terugkoppeling/"
        if pagina == "terugkoppeling"
        else f"/intake/casus/{casus.nummer}/{pagina}/"
    )
    response = fo.get(url)
    assert response.status_code == 200 and escape(casus.inwoner.naam) in response.content.decode()
    rij = Verwerking.objects.get(handeling="lezen")
    assert (rij.casus_nummer, rij.inwoner_id) == (casus.nummer, casus.inwoner_id)


def test_edit_with_stale_version_shows_conflict_and_keeps_input(fo, casus, frontoffice):
    form = fo.get(f"/intake/casus/{casus.nummer}/bewerken/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        kern=casus.kern_id,
        hulpvraag="Mijn versie van de vraag",
        leefgebieden=casus.leefgebieden,
        urgentie="normaal",
    )
    # a colleague saves first
    casus_bijwerken(casus=casus, versie=1, door=frontoffice, hulpvraag="Versie van de collega")
    response = fo.post(f"/intake/casus/{casus.nummer}/bewerken/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "intussen gewijzigd" in html
        and "Versie van de collega" in html
        and "Mijn versie van de vraag" in html
    )
    assert 'name="versie" value="2"' in html
    casus.refresh_from_db()
    assert casus.hulpvraag == "Versie van de collega"
    # a deliberate second submit after reading the current state goes through
    data["versie"] = 2
    assert fo.post(f"/intake/casus/{casus.nummer}/bewerken/", data).status_code == 302
    casus.refresh_from_db()
    assert casus.hulpvraag == "Mijn versie van de vraag" and casus.versie == 3


def test_afhandelen_view(fo, casus):
    response = fo.post(
        f"/intake/casus/{casus.nummer}/afhandelen/", {"versie": 1, "notitie": "Folder gegeven"}
    )
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.fase == Fase.AFGEHANDELD
    # the action is gone once settled
    response = fo.get(f"/intake/casus/{casus.nummer}/afhandelen/")
    assert response.status_code == 302


def test_afhandelen_without_note_keeps_case_open(fo, casus):
    response = fo.post(f"/intake/casus/{casus.nummer}/afhandelen/", {"versie": 1, "notitie": ""})
    assert response.status_code == 200 and "notitie" in response.context["form"].errors
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD


def test_opschalen_view_makes_a_wmo_melding_with_its_date(fo, casus, team):
    response = fo.post(
        f"/intake/casus/{casus.nummer}/opschalen/",
        {
            "versie": 1,
            "wet": "wmo",
            "reden": "Huishouden lukt niet",
            "meldingsdatum": timezone.localdate().isoformat(),
        },
        follow=True,
    )
    casus.refresh_from_db()
    assert (casus.fase, casus.wet, casus.meldingsdatum, casus.team) == (
        Fase.MELDING,
        "wmo",
        timezone.localdate(),
        team,
    )
    assert "als melding van" in response.content.decode()
    # the front office sees the Wmo term its melding started (the onderzoek: six weeks)
    assert casus.eerste_termijn is not None
    assert (
        f"De wettelijke termijn loopt: uiterlijk {casus.eerste_termijn:%d-%m-%Y}."
        in response.content.decode()
    )


@pytest.mark.parametrize(
    "data,veld",
    [
        ({"wet": "", "reden": "x"}, "wet"),
        ({"wet": "wmo", "reden": ""}, "reden"),
        ({"wet": "wmo", "reden": "x", "meldingsdatum": "2999-01-01"}, "meldingsdatum"),
    ],
)
def test_opschalen_view_guards(fo, casus, data, veld):
    data = {"versie": 1, "meldingsdatum": timezone.localdate().isoformat(), **data}
    response = fo.post(f"/intake/casus/{casus.nummer}/opschalen/", data)
    assert response.status_code == 200 and veld in response.context["form"].errors
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD


def test_verwijzen_prefilters_partners_on_kern_and_leefgebieden(fo, casus, kern):
    andel = KernFactory(naam="Andel")
    passend = PartnerFactory(naam="Welzijn Sleeuwijk", kernen=[kern], leefgebieden=["sociaal_netwerk"])
    overal = PartnerFactory(naam="Mantelzorg Altena", alle_kernen=True, leefgebieden=["instrumentele_adl"])
    ander_domein = PartnerFactory(naam="Schuldhulp", kernen=[kern], leefgebieden=["financien"])
    andere_kern = PartnerFactory(naam="Welzijn Andel", kernen=[andel], leefgebieden=["sociaal_netwerk"])
    PartnerFactory(naam="Oud", kernen=[kern], leefgebieden=["sociaal_netwerk"], actief=False)
    PartnerFactory(
        naam="Elders", gemeente="Westerkwartier", alle_kernen=True, leefgebieden=["sociaal_netwerk"]
    )
    url = f"/intake/casus/{casus.nummer}/verwijzen/"
    keuzes = set(fo.get(url).context["form"].fields["partner"].queryset)
    assert keuzes == {passend, overal}
    assert set(fo.get(url, {"kern": andel.pk}).context["form"].fields["partner"].queryset) == {
        andere_kern,
        overal,
    }
    assert ander_domein in set(fo.get(url, {"leefgebied": "alle"}).context["form"].fields["partner"].queryset)


def test_verwijzen_without_consent_is_refused_with_a_message(fo, casus):
    partner = PartnerFactory(kernen=[casus.kern], leefgebieden=["sociaal_netwerk"])
    html = fo.get(f"/intake/casus/{casus.nummer}/verwijzen/").content.decode()
    assert "geen toestemming" in html
    response = fo.post(
        f"/intake/casus/{casus.nummer}/verwijzen/",
        {"versie": 1, "partner": partner.pk, "gedeelde_gegevens": ["naam", "telefoon"]},
    )
    assert response.status_code == 200 and "toestemming" in " ".join(
        response.context["form"].non_field_errors()
    )
    assert not Verwijzing.objects.exists()


def test_verwijzen_with_consent_to_a_partner_in_another_kern(fo, kern, team):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), team=team, met_toestemming=True)
    andel = KernFactory(naam="Andel")
    partner = PartnerFactory(naam="Welzijn Andel", kernen=[andel], leefgebieden=["huisvesting"])
    response = fo.post(
        f"/intake/casus/{casus.nummer}/verwijzen/?kern={andel.pk}",
        {
            "versie": 1,
            "partner": partner.pk,
            "toelichting": "Graag bellen",
            "gedeelde_gegevens": ["naam", "email"],
        },
    )
    assert response.status_code == 302
    verwijzing = Verwijzing.objects.get()
    assert (verwijzing.partner, verwijzing.casus.fase) == (partner, Fase.VERWEZEN)
    html = fo.get(f"/intake/casus/{casus.nummer}/").content.decode()
    assert "Welzijn Andel" in html and "Verstuurd" in html


def test_terugkoppeling_view(fo, kern, team):
    verwijzing = VerwijzingFactory(casus__inwoner=InwonerFactory(kern=kern), casus__team=team)
    url = f"/intake/verwijzing/{verwijzing.pk}/terugkoppeling/"
    gisteren = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = fo.post(url, {"versie": 1, "status": "geaccepteerd", "datum": "2999-01-01", "tekst": "Loopt"})
    assert "toekomst" in " ".join(response.context["form"].errors["datum"])
    response = fo.post(url, {"versie": 1, "status": "geaccepteerd", "datum": gisteren, "tekst": "Loopt"})
    assert response.status_code == 302
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.terugkoppeling_tekst) == ("geaccepteerd", "Loopt")


def test_afsluiten_after_referral(fo, kern, team):
    casus = CasusFactory(inwoner=InwonerFactory(kern=kern), team=team, verwezen=True)
    assert (
        fo.post(
            f"/intake/casus/{casus.nummer}/afsluiten/", {"versie": 1, "reden": "doel bereikt"}
        ).status_code
        == 302
    )
    casus.refresh_from_db()
    assert casus.fase == Fase.AFGESLOTEN


# --- access -------------------------------------------------------------------------------------


def casus_urls(casus, verwijzing):
    return {
        f"/intake/casus/{casus.nummer}/": {Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER},
        f"/intake/casus/{casus.nummer}/bewerken/": {Rol.FRONTOFFICE},
        f"/intake/casus/{casus.nummer}/afhandelen/": {Rol.FRONTOFFICE},
        f"/intake/casus/{casus.nummer}/opschalen/": {Rol.FRONTOFFICE},
        f"/intake/casus/{casus.nummer}/verwijzen/": {Rol.FRONTOFFICE, Rol.CONSULTANT},
        f"/intake/verwijzing/{verwijzing.pk}/terugkoppeling/": {Rol.FRONTOFFICE, Rol.CONSULTANT},
        f"/intake/inwoner/{casus.inwoner_id}/": {Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER},
        f"/intake/inwoner/{casus.inwoner_id}/hulpvraag/": {Rol.FRONTOFFICE},
        f"/intake/huishouden/{casus.huishouden_id}/": {Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER},
        "/intake/nieuw/inwoner/": {Rol.FRONTOFFICE},
    }


@pytest.mark.parametrize("role", Rol.ALL)
def test_role_matrix_for_case_pages(client_for, role_users, role, kern, team):
    from tests.factories.intake import HuishoudenFactory

    casus = CasusFactory(
        inwoner=InwonerFactory(kern=kern, huishouden=HuishoudenFactory()), team=team, met_toestemming=True
    )
    verwijzing = VerwijzingFactory(casus=casus)
    client = client_for(role_users[role])
    for url, rollen in casus_urls(casus, verwijzing).items():
        status = client.get(url).status_code
        assert status == (200 if role in rollen else 403), f"{role} {url}: {status}"


def test_cases_outside_the_scope_are_not_found(client_for, kern, team, consultant):
    andel = KernFactory(naam="Andel")
    ander_team = TeamFactory(naam="Team Andel", kernen=[andel])
    elders = CasusFactory(inwoner=InwonerFactory(kern=andel), team=ander_team)
    desk = UserFactory(username="balie-sleeuwijk", rollen=[Rol.FRONTOFFICE])
    TeamFactory(naam="Toegang Sleeuwijk", kernen=[kern], leden=[desk])
    for user in (desk, consultant):
        assert client_for(user).get(f"/intake/casus/{elders.nummer}/").status_code == 404
        assert client_for(user).get(f"/intake/casus/{elders.nummer}/afhandelen/").status_code in (403, 404)


def test_second_desk_worker_triaging_a_settled_case_keeps_input_and_sees_current_state(
    client_for, frontoffice, casus
):
    collega = UserFactory(username="collega", rollen=[Rol.FRONTOFFICE])
    casus.team.leden.add(collega)
    eerste, tweede = client_for(frontoffice), client_for(collega)
    assert tweede.get(f"/intake/casus/{casus.nummer}/opschalen/").status_code == 200  # both open the form
    eerste.post(f"/intake/casus/{casus.nummer}/afhandelen/", {"versie": 1, "notitie": "Advies gegeven"})
    response = tweede.post(
        f"/intake/casus/{casus.nummer}/opschalen/",
        {"versie": 1, "wet": "wmo", "reden": "Mijn reden", "meldingsdatum": timezone.localdate().isoformat()},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Direct afgehandeld" in html and "Mijn reden" in html and 'data-testid="conflict"' in html
    casus.refresh_from_db()
    assert casus.fase == Fase.AFGEHANDELD and casus.wet == ""


def test_stale_triage_gets_a_conflict_message(client_for, frontoffice, casus):
    casus_bijwerken(casus=casus, versie=1, door=frontoffice, crisis=True)
    response = client_for(frontoffice).post(
        f"/intake/casus/{casus.nummer}/afhandelen/", {"versie": 1, "notitie": "Mijn notitie"}
    )
    html = response.content.decode()
    assert "intussen gewijzigd" in html and "Mijn notitie" in html and 'name="versie" value="2"' in html
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD


def test_een_formulierfout_staat_er_een_keer(client_for, frontoffice, kern):
    """Each message appears once: a refusal without a field is shown by the form, not twice."""
    from intake.workflow import Fase

    casus = CasusFactory(kern=kern)
    client = client_for(frontoffice)
    # a stale version: the service's conflict message is a form error without a field
    response = client.post(f"/intake/casus/{casus.nummer}/afhandelen/", {"versie": 99, "notitie": "Advies."})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("is intussen gewijzigd") == 1
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD
