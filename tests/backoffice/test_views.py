"""The pages: access per role, the queue (filters, order, overdue count), the case detail (with
its verwerkingenlogging row), step forms keeping input on bad data, and query budgets."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from altena.access import Rol
from altena.models import Verwerking
from backoffice import services
from backoffice.models import Besluit, Termijn
from tests.factories.backoffice import BesluitFactory, BezwaarFactory, TermijnFactory, VoorzieningFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory
from tests.queries import precies_queries

pytestmark = pytest.mark.django_db

# Named query budgets: a page's cost must not grow with its rows.
# incl. the bounded count, the page's ids in key order, its rows and running terms, the count of
# cases with an overdue term (the alarm, one query: ARRAY of the terms' cases), and the log INSERT
WERKVOORRAAD_QUERIES = 13
# incl. the documenten section (its letters and number of files), the berichten block (one query when
# the case has no messages) and the log INSERT of the household members shown; the household's
# members and visible cases go into their queries as ARRAY(subquery), not as queries of their own
CASUS_DETAIL_QUERIES = 26


@pytest.fixture
def casus(team, consultant):
    c = CasusFactory(maatwerk=True, team=team, behandelaar=consultant)
    TermijnFactory(casus=c)
    return c


def stap_urls(casus):
    n = casus.nummer
    return [
        reverse(f"backoffice:{naam}", kwargs={"nummer": n})
        for naam in (
            "casus",
            "toewijzen",
            "onderzoek_starten",
            "plan",
            "aanvraag",
            "besluit",
            "afschalen",
            "afsluiten",
        )
    ]


@pytest.mark.parametrize(
    ("rol", "verwacht"),
    [
        (Rol.FRONTOFFICE, 403),
        (Rol.CONSULTANT, 200),
        (Rol.TEAMLEIDER, 200),
        (Rol.BEHEERDER, 403),
        (Rol.PRIVACY, 403),
    ],
)
def test_toegang_per_rol(role_users, client_for, casus, rol, verwacht):
    c = client_for(role_users[rol])
    assert c.get("/backoffice/").status_code == verwacht
    assert c.get(reverse("backoffice:casus", kwargs={"nummer": casus.nummer})).status_code == verwacht


def test_alleen_teamleider_wijst_toe(client_for, consultant, teamleider, casus):
    url = reverse("backoffice:toewijzen", kwargs={"nummer": casus.nummer})
    assert client_for(consultant).get(url).status_code == 403
    assert client_for(teamleider).get(url).status_code == 200


def test_alle_stappagina_s_openen(client_for, consultant, casus):
    c = client_for(consultant)
    for url in stap_urls(casus):
        if "toewijzen" in url:
            continue
        assert c.get(url).status_code == 200, url


def test_casus_buiten_team_is_onvindbaar(client_for, consultant):
    ander = CasusFactory(maatwerk=True)
    assert (
        client_for(consultant).get(reverse("backoffice:casus", kwargs={"nummer": ander.nummer})).status_code
        == 404
    )


def test_anoniem_naar_login(client, casus):
    assert client.get("/backoffice/").status_code == 302


def test_casus_lezen_schrijft_verwerking(client_for, consultant, casus):
    client_for(consultant).get(reverse("backoffice:casus", kwargs={"nummer": casus.nummer}))
    v = Verwerking.objects.get(casus_nummer=casus.nummer)
    assert v.handeling == "lezen" and v.inwoner_id == casus.inwoner_id and v.actor == consultant
    assert casus.inwoner.bsn not in v.oorsprong


def test_werkvoorraad_volgorde_en_resterende_dagen(vandaag, client_for, consultant, team):
    laat = CasusFactory(maatwerk=True, team=team)
    TermijnFactory(casus=laat, uiterste_datum=vandaag + timedelta(days=20))
    vroeg = CasusFactory(maatwerk=True, team=team)
    TermijnFactory(casus=vroeg, uiterste_datum=vandaag + timedelta(days=5))
    crisis = CasusFactory(maatwerk=True, team=team, crisis=True)
    TermijnFactory(casus=crisis, uiterste_datum=vandaag + timedelta(days=30))
    zonder = CasusFactory(maatwerk=True, team=team)
    response = client_for(consultant).get("/backoffice/")
    rijen = [c.nummer for c in response.context["object_list"]]
    assert rijen == [crisis.nummer, vroeg.nummer, laat.nummer, zonder.nummer]
    html = response.content.decode()
    assert "nog 5 dagen" in html and "6 weken na melding" in html


def test_werkvoorraad_filters_en_verstreken_teller(vandaag, client_for, teamleider, consultant, team):
    over_tijd = CasusFactory(maatwerk=True, team=team, behandelaar=consultant)
    TermijnFactory(casus=over_tijd, uiterste_datum=vandaag - timedelta(days=2))
    deze_week = CasusFactory(maatwerk=True, team=team, wet="jeugdwet")
    TermijnFactory(casus=deze_week, soort="jeugd_beschikking", uiterste_datum=vandaag + timedelta(days=3))
    plan_voorbij = CasusFactory(maatwerk=True, team=team)
    TermijnFactory(casus=plan_voorbij, soort="wmo_plan", uiterste_datum=vandaag - timedelta(days=1))
    c = client_for(teamleider)
    response = c.get("/backoffice/")
    assert response.context["aantal_verstreken"] == 1
    assert "1</strong> casus heeft een verstreken wettelijke termijn" in response.content.decode()

    def nummers(**params):
        return {x.nummer for x in c.get("/backoffice/", params).context["object_list"]}

    assert nummers(termijn="verstreken") == {over_tijd.nummer}
    assert nummers(termijn="deze_week") == {deze_week.nummer}
    assert nummers(wet="jeugdwet") == {deze_week.nummer}
    assert nummers(behandelaar=str(consultant.pk)) == {over_tijd.nummer}
    assert over_tijd.nummer not in nummers(behandelaar="geen")
    assert nummers(fase="aanvraag") == set()
    assert nummers(kern=str(over_tijd.kern_id)) == {over_tijd.nummer}
    assert nummers(team=str(team.pk)) == {over_tijd.nummer, deze_week.nummer, plan_voorbij.nummer}


def test_claimen_via_de_knop(client_for, consultant, team):
    c = CasusFactory(maatwerk=True, team=team)
    response = client_for(consultant).post(
        reverse("backoffice:claimen", kwargs={"nummer": c.nummer}), follow=True
    )
    c.refresh_from_db()
    assert c.behandelaar == consultant
    assert f"U behandelt nu casus {c.nummer}" in response.content.decode()


def test_claimen_van_geclaimde_casus_meldt_wie(client_for, consultant, teamleider, team):
    from tests.factories.altena import UserFactory

    collega = UserFactory(
        username="collega", first_name="Carla", last_name="Collega", rollen=[Rol.CONSULTANT]
    )
    team.leden.add(collega)
    c = CasusFactory(maatwerk=True, team=team, behandelaar=collega)
    response = client_for(consultant).post(
        reverse("backoffice:claimen", kwargs={"nummer": c.nummer}), follow=True
    )
    assert "al in behandeling genomen door Carla Collega" in response.content.decode()
    c.refresh_from_db()
    assert c.behandelaar == collega


def test_teamleider_wijst_toe_binnen_team(client_for, teamleider, consultant, casus):
    from tests.factories.altena import UserFactory

    buitenstaander = UserFactory(username="buiten", rollen=[Rol.CONSULTANT])
    url = reverse("backoffice:toewijzen", kwargs={"nummer": casus.nummer})
    response = client_for(teamleider).post(url, {"versie": casus.versie, "behandelaar": buitenstaander.pk})
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    casus.behandelaar = None
    casus.save()
    response = client_for(teamleider).post(url, {"versie": casus.versie, "behandelaar": consultant.pk})
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.behandelaar == consultant


def test_besluit_formulier_fouten_bij_het_veld(
    vandaag, client_for, consultant, opschalen, begeleiding, zorgaanbieder
):
    casus = services.casus_claimen(casus=opschalen("wmo"), door=consultant)
    casus = services.aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag, omschrijving="x", door=consultant
    ).casus
    casus.refresh_from_db()
    url = reverse("backoffice:besluit", kwargs={"nummer": casus.nummer})
    data = {
        "versie": casus.versie,
        "soort": "toekenning",
        "besluitdatum": "2026-03-02",
        "verzonden_op": "2026-03-02",
        "grondslag": "Wmo 2015 art. 2.3.5",
        "motivering": "",
        "vz-TOTAL_FORMS": 2,
        "vz-INITIAL_FORMS": 0,
        "vz-MIN_NUM_FORMS": 0,
        "vz-MAX_NUM_FORMS": 1000,
        "vz-0-product": begeleiding.pk,
        "vz-0-leveringsvorm": "natura",
        "vz-0-aanbieder": "",
        "vz-0-volume": "3",
        "vz-0-eenheid": "uur",
        "vz-0-frequentie": "week",
        "vz-0-startdatum": "2026-03-10",
        "vz-0-einddatum": "2026-03-01",
    }
    response = client_for(consultant).post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Een besluit zonder motivering is niet toegestaan" in html
    assert "De einddatum ligt vóór de startdatum." in html
    assert "Zorg in natura vraagt om een zorgaanbieder." in html
    assert not Besluit.objects.exists()
    data.update({"motivering": "Nodig.", "vz-0-aanbieder": zorgaanbieder.pk, "vz-0-einddatum": "2026-09-01"})
    response = client_for(consultant).post(url, data)
    assert response.status_code == 302
    assert Besluit.objects.get().voorzieningen.get().aanbieder == zorgaanbieder


def _wachtrij(team, n, vandaag):
    for i in range(n):
        c = CasusFactory(maatwerk=True, team=team, crisis=(i % 5 == 0))
        TermijnFactory(casus=c, uiterste_datum=vandaag + timedelta(days=i - 3))


@pytest.mark.parametrize("rijen", [1, 25])
def test_querybudget_werkvoorraad(vandaag, client_for, consultant, team, rijen):
    _wachtrij(team, rijen, vandaag)
    c = client_for(consultant)
    with precies_queries(WERKVOORRAAD_QUERIES):
        response = c.get("/backoffice/")
    assert len(response.context["object_list"]) == rijen


@pytest.mark.parametrize("rijen", [1, 25])
def test_querybudget_casus_detail(vandaag, client_for, consultant, team, rijen):
    huishouden = HuishoudenFactory()
    casus = CasusFactory(
        maatwerk=True,
        team=team,
        behandelaar=consultant,
        huishouden=huishouden,
        inwoner=InwonerFactory(huishouden=huishouden),
    )
    for _i in range(rijen):
        besluit = BesluitFactory(casus=casus)
        VoorzieningFactory(besluit=besluit)
        BezwaarFactory(besluit=besluit)
        TermijnFactory(casus=casus, soort="wmo_plan", afgerond_op=vandaag)
        CasusFactory(maatwerk=True, huishouden=huishouden, inwoner=InwonerFactory(huishouden=huishouden))
    c = client_for(consultant)
    with precies_queries(CASUS_DETAIL_QUERIES):
        response = c.get(reverse("backoffice:casus", kwargs={"nummer": casus.nummer}))
    assert response.status_code == 200
    assert len(response.context["besluiten"]) == rijen
    assert len(response.context["stapeling"]) == rijen


def test_termijn_op_detail_zegt_welke_regel(vandaag, client_for, consultant, opschalen):
    casus = services.casus_claimen(casus=opschalen("wmo"), door=consultant)
    html = (
        client_for(consultant)
        .get(reverse("backoffice:casus", kwargs={"nummer": casus.nummer}))
        .content.decode()
    )
    assert "6 weken na melding 2-3-2026 (Wmo 2015 art. 2.3.2)" in html
    assert Termijn.objects.filter(casus=casus).count() == 2
    assert date(2026, 4, 13).strftime("%d-%m-%Y") in html


def test_afschalen_zonder_toestemming_meldt_het_bij_het_veld(client_for, consultant, team):
    from intake.models import Casus, Verwijzing
    from tests.factories.netwerk import PartnerFactory

    casus = CasusFactory(maatwerk=True, team=team, behandelaar=consultant, toestemming_delen=False)
    Casus.objects.filter(pk=casus.pk).update(fase="onderzoek")
    welzijn = PartnerFactory(naam="Welzijn Altena")
    url = reverse("backoffice:afschalen", kwargs={"nummer": casus.nummer})
    data = {"versie": casus.versie, "partner": welzijn.pk, "toelichting": "Maatje via welzijn."}
    response = client_for(consultant).post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is nog geen toestemming om gegevens met partners te delen" in html
    assert "Maatje via welzijn." in html  # what the consultant typed is kept
    assert not Verwijzing.objects.exists()
    data["toestemming_scope"] = "Delen met Welzijn Altena"
    response = client_for(consultant).post(url, data)
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.fase == "verwezen" and casus.toestemming_delen


def test_verstreken_teller_stopt_na_het_maximum(vandaag, client_for, teamleider, team, monkeypatch):
    """The alarm counts like the queue (at most MAX, then "meer dan"): an uncapped count reads every
    overdue case in scope, which grows with the data."""
    from backoffice.views import werkvoorraad

    monkeypatch.setattr(werkvoorraad, "MAX_VERSTREKEN", 2)
    for _ in range(4):
        casus = CasusFactory(maatwerk=True, team=team)
        TermijnFactory(casus=casus, uiterste_datum=vandaag - timedelta(days=2))
    response = client_for(teamleider).get("/backoffice/")
    assert response.context["aantal_verstreken"] == 3  # four overdue, counted up to MAX + 1 only
    assert "Meer dan <strong>2</strong> casussen hebben een verstreken wettelijke termijn" in (
        response.content.decode()
    )
