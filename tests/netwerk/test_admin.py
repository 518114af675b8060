"""Access to the sociale kaart and the admin: who may go where, bulk deactivate, never delete."""

import pytest
from django.urls import reverse

from altena.access import Rol
from netwerk.models import Partner
from tests.factories.netwerk import KernFactory, PartnerFactory

pytestmark = pytest.mark.django_db

KAART = reverse("netwerk:sociale_kaart")


def test_anonymous_is_sent_to_login(client):
    partner = PartnerFactory()
    for url in (KAART, reverse("netwerk:partner_detail", args=[partner.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    "role, status",
    [
        (Rol.FRONTOFFICE, 200),
        (Rol.CONSULTANT, 200),
        (Rol.TEAMLEIDER, 200),
        (Rol.BEHEERDER, 403),
        (Rol.PRIVACY, 403),
    ],
)
def test_sociale_kaart_is_for_case_workers(client_for, role_users, role, status):
    partner = PartnerFactory()
    client = client_for(role_users[role])
    assert client.get(KAART).status_code == status
    assert client.get(reverse("netwerk:partner_detail", args=[partner.pk])).status_code == status


def test_frontoffice_cannot_reach_the_admin(client_for, frontoffice):
    response = client_for(frontoffice).get(reverse("admin:netwerk_partner_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_beheerder_manages_partners_and_kernen_in_admin(client_for, beheerder):
    PartnerFactory(naam="Welzijn Altena Samen")
    KernFactory(naam="Babyloniënbroek")
    client = client_for(beheerder)
    for name in ("changelist", "add"):
        assert client.get(reverse(f"admin:netwerk_partner_{name}")).status_code == 200
    response = client.get(reverse("admin:netwerk_kern_changelist"), {"q": "babylonienbroek"})
    assert response.status_code == 200
    assert "Babyloniënbroek" in response.content.decode()
    assert client.get(reverse("admin:netwerk_partner_import")).status_code == 200
    assert client.get(reverse("admin:netwerk_partner_export")).status_code == 200


def test_beheerder_adds_a_partner_with_a_contactpersoon(client_for, beheerder, kern):
    response = client_for(beheerder).post(reverse("admin:netwerk_partner_add"), _partner_post(kern))
    assert response.status_code == 302, response.context["adminform"].form.errors
    partner = Partner.objects.get(naam="Thuiszorg Rivierenland")
    assert list(partner.kernen.all()) == [kern]
    assert partner.agb_code == "98001011"
    assert partner.istandaarden_categorieen == ["01", "02"]
    assert [(a.naam, a.capaciteit_tekst) for a in partner.aanbod.all()] == [
        ("Thuisbegeleiding", "Wachtlijst, ca. 3 weken")
    ]
    assert partner.contactpersonen.get().naam == "Fatima El Amrani"


def test_admin_form_shows_dutch_errors_and_saves_nothing(client_for, beheerder, kern):
    PartnerFactory(naam="Thuiszorg Rivierenland", kernen=[kern])
    data = _partner_post(kern, agb_code="1234", kvk_nummer="12ab")
    response = client_for(beheerder).post(reverse("admin:netwerk_partner_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "AGB-code bestaat uit precies 8 cijfers" in errors["agb_code"][0]
    assert "KvK-nummer bestaat uit precies 8 cijfers" in errors["kvk_nummer"][0]
    assert "Er is al een partner met de naam “Thuiszorg Rivierenland” in kern Sleeuwijk" in errors["naam"][0]
    assert 'value="Thuiszorg Rivierenland"' in response.content.decode()  # input kept
    assert Partner.objects.count() == 1
    assert not Partner.objects.filter(contactpersonen__naam="Fatima El Amrani").exists()


def test_admin_refuses_kernen_of_another_gemeente(client_for, beheerder, kern):
    elders = KernFactory(naam="Zuidhorn", gemeente="Westerkwartier")
    data = _partner_post(kern)
    data["kernen"] = [str(kern.pk), str(elders.pk)]
    response = client_for(beheerder).post(reverse("admin:netwerk_partner_add"), data)
    assert (
        "Deze kernen horen niet bij gemeente Altena: Zuidhorn."
        in response.context["adminform"].form.errors["kernen"][0]
    )


def test_bulk_deactivate_keeps_the_partners(client_for, beheerder):
    partners = PartnerFactory.create_batch(3)
    response = client_for(beheerder).post(
        reverse("admin:netwerk_partner_changelist"),
        {"action": "deactiveren", "_selected_action": [p.pk for p in partners[:2]]},
    )
    assert response.status_code == 302
    assert Partner.objects.count() == 3
    assert sorted(Partner.objects.values_list("actief", flat=True)) == [False, False, True]


def test_partners_cannot_be_deleted_in_admin(client_for, beheerder):
    partner = PartnerFactory()
    client = client_for(beheerder)
    assert client.get(reverse("admin:netwerk_partner_delete", args=[partner.pk])).status_code == 403
    changelist = client.get(reverse("admin:netwerk_partner_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_admin_kern_filter_includes_partners_serving_all_kernen(client_for, beheerder, kern):
    PartnerFactory(naam="In de kern", kernen=[kern])
    PartnerFactory(naam="Overal", alle_kernen=True)
    PartnerFactory(naam="Ergens anders", kernen=[KernFactory()])
    response = client_for(beheerder).get(reverse("admin:netwerk_partner_changelist"), {"kern": kern.pk})
    assert sorted(p.naam for p in response.context["cl"].result_list) == ["In de kern", "Overal"]


def _partner_post(kern, **overrides):
    data = {
        "naam": "Thuiszorg Rivierenland",
        "soort": "zorgaanbieder_wmo",
        "gemeente": "Altena",
        "actief": "on",
        "omschrijving": "Hulp bij het huishouden",
        "leefgebieden": ["instrumentele_adl"],
        "kernen": [str(kern.pk)],
        "telefoon": "0183-700100",
        "email": "",
        "website": "",
        "adres": "",
        "bereikbaarheid": "",
        "agb_code": "98 00 10 11",
        "kvk_nummer": "41089012",
        "istandaarden_categorieen": ["01", "02"],
        "contactpersonen-TOTAL_FORMS": "1",
        "contactpersonen-INITIAL_FORMS": "0",
        "contactpersonen-MIN_NUM_FORMS": "0",
        "contactpersonen-MAX_NUM_FORMS": "1000",
        "contactpersonen-0-naam": "Fatima El Amrani",
        "contactpersonen-0-rol": "wijkcoördinator",
        "contactpersonen-0-telefoon": "06-12345609",
        "contactpersonen-0-email": "",
        "aanbod-TOTAL_FORMS": "1",
        "aanbod-INITIAL_FORMS": "0",
        "aanbod-MIN_NUM_FORMS": "0",
        "aanbod-MAX_NUM_FORMS": "1000",
        "aanbod-0-naam": "Thuisbegeleiding",
        "aanbod-0-capaciteit": "wachtlijst",
        "aanbod-0-wachttijd_weken": "3",
        "aanbod-0-bevestigd_op": "",
    }
    data.update(overrides)
    return data


def test_change_page_and_kern_list_render_for_beheerder(client_for, beheerder, kern):
    partner = PartnerFactory(zorgaanbieder=True, kernen=[kern])
    client = client_for(beheerder)
    response = client.get(reverse("admin:netwerk_partner_change", args=[partner.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [value for value, _ in form.fields["gemeente"].choices] == ["", "Altena"]  # from the kernen
    kernen = client.get(reverse("admin:netwerk_kern_changelist"))
    assert kernen.context["cl"].result_list[0]._aantal_partners == 1
