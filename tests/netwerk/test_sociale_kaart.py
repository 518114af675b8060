"""The sociale kaart: filters, accent-insensitive search, pagination, query budget and the detail page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netwerk.models import Kern, PartnerSoort
from tests.factories.netwerk import ContactpersoonFactory, KernFactory, PartnerFactory
from tests.queries import precies_queries

pytestmark = pytest.mark.django_db

URL = reverse("netwerk:sociale_kaart")


def namen(response):
    return [p.naam for p in response.context["object_list"]]


@pytest.fixture
def kernen(db):
    return {
        naam: KernFactory(naam=naam, voormalige_gemeente=oud)
        for naam, oud in [("Uppel", "Woudrichem"), ("Almkerk", "Woudrichem"), ("Babyloniënbroek", "Aalburg")]
    }


@pytest.fixture
def kaart(kernen):
    """A small map: a partner per kern, one serving all kernen, one of another municipality."""
    return {
        "soos": PartnerFactory(
            naam="Ouderensoos Uppel",
            soort=PartnerSoort.VRIJWILLIGERS,
            leefgebieden=["sociaal_netwerk", "tijdsbesteding"],
            kernen=[kernen["Uppel"]],
        ),
        "school": PartnerFactory(
            naam="Basisschool De Regenboog",
            soort=PartnerSoort.SCHOOL,
            leefgebieden=["werk_opleiding"],
            kernen=[kernen["Almkerk"], kernen["Uppel"]],
        ),
        "dorpshuis": PartnerFactory(
            naam="Ons Dorpshuis",
            soort=PartnerSoort.KERK,
            omschrijving="Maaltijd op vrijdag in het dorpshuis van Babyloniënbroek.",
            leefgebieden=["sociaal_netwerk"],
            kernen=[kernen["Babyloniënbroek"]],
        ),
        "welzijn": PartnerFactory(
            naam="Welzijn Altena Samen",
            soort=PartnerSoort.WELZIJN,
            omschrijving="Huisbezoeken bij eenzaamheid en schuldenproblemen.",
            leefgebieden=["sociaal_netwerk"],
            alle_kernen=True,
        ),
        "elders": PartnerFactory(
            naam="Welzijn Westerkwartier",
            gemeente="Westerkwartier",
            leefgebieden=["sociaal_netwerk"],
            alle_kernen=True,
        ),
        "oud": PartnerFactory(naam="Opgeheven soos", kernen=[kernen["Uppel"]], actief=False),
    }


def test_all_active_partners_are_listed_by_name(client_for, frontoffice, kaart):
    response = client_for(frontoffice).get(URL)
    assert response.status_code == 200
    assert namen(response) == [
        "Basisschool De Regenboog",
        "Ons Dorpshuis",
        "Ouderensoos Uppel",
        "Welzijn Altena Samen",
        "Welzijn Westerkwartier",
    ]


def test_kern_filter_includes_partners_serving_all_kernen_of_that_gemeente(
    client_for, frontoffice, kaart, kernen
):
    response = client_for(frontoffice).get(URL, {"kern": kernen["Uppel"].pk})
    assert namen(response) == ["Basisschool De Regenboog", "Ouderensoos Uppel", "Welzijn Altena Samen"]


def test_lonely_elderly_man_in_uppel_kern_and_leefgebied(client_for, frontoffice, kaart, kernen):
    response = client_for(frontoffice).get(URL, {"kern": kernen["Uppel"].pk, "leefgebied": "sociaal_netwerk"})
    assert namen(response) == ["Ouderensoos Uppel", "Welzijn Altena Samen"]
    assert b"Alle kernen" in response.content


def test_soort_filter_combined_with_kern(client_for, frontoffice, kaart, kernen):
    response = client_for(frontoffice).get(URL, {"kern": kernen["Uppel"].pk, "soort": PartnerSoort.SCHOOL})
    assert namen(response) == ["Basisschool De Regenboog"]


def test_leefgebied_filter_alone(client_for, frontoffice, kaart):
    response = client_for(frontoffice).get(URL, {"leefgebied": "werk_opleiding"})
    assert namen(response) == ["Basisschool De Regenboog"]


@pytest.mark.parametrize("zoekterm", ["babylonienbroek", "Babyloniënbroek", "BABYLONIENBROEK", "babylon"])
def test_search_on_kern_name_ignores_accents(client_for, frontoffice, kaart, zoekterm):
    response = client_for(frontoffice).get(URL, {"q": zoekterm})
    # The partner in that kern (its description names the kern too), and the one serving all kernen.
    assert set(namen(response)) == {"Ons Dorpshuis", "Welzijn Altena Samen"}


def test_search_in_partner_text_ignores_accents(client_for, frontoffice, kernen):
    PartnerFactory(naam="Café De Brug", omschrijving="Koffie", kernen=[kernen["Almkerk"]])
    PartnerFactory(naam="Cafetaria", omschrijving="Friet", kernen=[kernen["Almkerk"]])
    response = client_for(frontoffice).get(URL, {"q": "cafe de brug"})
    assert namen(response) == ["Café De Brug"]


def test_search_uses_dutch_stemming(client_for, frontoffice, kaart):
    # "schulden" is not a substring of "schuldenproblemen"... but the stem "schuld" is found in full text.
    response = client_for(frontoffice).get(URL, {"q": "huisbezoek"})
    assert namen(response) == ["Welzijn Altena Samen"]


def test_search_tolerates_a_typo_in_the_name(client_for, frontoffice, kaart):
    response = client_for(frontoffice).get(URL, {"q": "ouderensoss"})
    assert namen(response) == ["Ouderensoos Uppel"]


def test_search_finds_contactpersoon_and_every_word_must_match(client_for, frontoffice, kaart):
    ContactpersoonFactory(partner=kaart["school"], naam="Jeroen Timmers")
    client = client_for(frontoffice)
    assert namen(client.get(URL, {"q": "timmers"})) == ["Basisschool De Regenboog"]
    assert namen(client.get(URL, {"q": "timmers uppel"})) == ["Basisschool De Regenboog"]
    assert namen(client.get(URL, {"q": "timmers babylonienbroek"})) == []


def test_search_combined_with_filters(client_for, frontoffice, kaart, kernen):
    response = client_for(frontoffice).get(URL, {"q": "welzijn", "kern": kernen["Uppel"].pk})
    assert namen(response) == ["Welzijn Altena Samen"]


def test_empty_result_has_a_dutch_message(client_for, frontoffice, kaart):
    response = client_for(frontoffice).get(URL, {"q": "bestaatniet"})
    assert namen(response) == []
    assert "Geen partners gevonden met deze filters" in response.content.decode()


def test_pagination_keeps_the_filters(client_for, frontoffice, kernen):
    for i in range(30):
        PartnerFactory(naam=f"Partner {i:02d}", kernen=[kernen["Uppel"]])
    PartnerFactory(naam="Elders", kernen=[kernen["Almkerk"]])
    client = client_for(frontoffice)
    eerste = client.get(URL, {"kern": kernen["Uppel"].pk})
    assert eerste.context["page_obj"].paginator.count == 30
    assert len(namen(eerste)) == 25
    assert f"kern={kernen['Uppel'].pk}&amp;page=2" in eerste.content.decode()
    tweede = client.get(URL, {"kern": kernen["Uppel"].pk, "page": 2})
    assert namen(tweede) == [f"Partner {i:02d}" for i in range(25, 30)]


def _make_partners(aantal, kern):
    for i in range(aantal):
        partner = PartnerFactory(naam=f"Partner {i:03d}", kernen=[kern, KernFactory()])
        ContactpersoonFactory(partner=partner)
        ContactpersoonFactory(partner=partner)


# Every page: session, user and the menu (roles, signal badge). The sociale kaart itself: the chosen
# kern, the count, the kern choices, the page of partners, their kernen and their contactpersonen.
BASIS_QUERIES = 4
KAART_QUERIES = 6


@pytest.mark.parametrize("aantal", [1, 50])
def test_query_budget_is_constant(client_for, frontoffice, kernen, aantal):
    _make_partners(aantal, kernen["Uppel"])
    client = client_for(frontoffice)
    with precies_queries(BASIS_QUERIES + KAART_QUERIES):
        response = client.get(URL, {"kern": kernen["Uppel"].pk, "q": "partner"})
    assert response.status_code == 200
    assert len(namen(response)) == min(aantal, 25)


def test_query_count_does_not_grow_with_the_partners(client_for, frontoffice, kernen):
    client = client_for(frontoffice)
    counts = []
    for maak, aantal in ((_make_partners, 1), (_make_more, 49)):  # 1, then 50 partners in Uppel
        maak(aantal, kernen["Uppel"])
        with CaptureQueriesContext(connection) as context:
            client.get(URL, {"kern": kernen["Uppel"].pk})
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


def _make_more(aantal, kern):
    for i in range(aantal):
        partner = PartnerFactory(naam=f"Meer {i:03d}", kernen=[kern])
        ContactpersoonFactory(partner=partner)


def test_detail_page_shows_everything(client_for, consultant, kernen):
    partner = PartnerFactory(
        zorgaanbieder=True,
        naam="Thuiszorg Rivierenland",
        agb_code="98001011",
        kvk_nummer="41089012",
        istandaarden_categorieen=["01", "03"],
        email="planning@thuiszorg.example",
        bereikbaarheid="24/7",
        kernen=[kernen["Uppel"]],
    )
    ContactpersoonFactory(partner=partner, naam="Fatima El Amrani", rol="wijkcoördinator")
    response = client_for(consultant).get(reverse("netwerk:partner_detail", args=[partner.pk]))
    html = response.content.decode()
    for tekst in [
        "Thuiszorg Rivierenland",
        "98001011",
        "41089012",
        "01 Hulp bij het huishouden",
        "03 Persoonlijke verzorging",
        "Fatima El Amrani",
        "wijkcoördinator",
        "Uppel",
        "24/7",
        "tel:0183123456",
        "Sociaal netwerk",
    ]:
        assert tekst in html, tekst


def test_detail_of_deactivated_partner_warns(client_for, teamleider, kernen):
    partner = PartnerFactory(actief=False)
    response = client_for(teamleider).get(reverse("netwerk:partner_detail", args=[partner.pk]))
    assert "niet meer actief" in response.content.decode()


def test_list_links_to_detail(client_for, frontoffice, kaart):
    response = client_for(frontoffice).get(URL)
    assert reverse("netwerk:partner_detail", args=[kaart["soos"].pk]) in response.content.decode()


def test_kern_choices_come_from_data(client_for, frontoffice, kaart):
    response = client_for(frontoffice).get(URL)
    keuzes = list(response.context["filter"].form.fields["kern"].queryset)
    assert keuzes == list(Kern.objects.all())
