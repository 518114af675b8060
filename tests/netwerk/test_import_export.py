"""Import and export of partners (django-import-export): good file, bad rows, dry run, round trip."""

# ruff: noqa: E501 (CSV rows read best one per line)

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.formats.base_formats import XLSX

from netwerk.models import Partner
from netwerk.resources import PartnerResource
from tests.factories.netwerk import ContactpersoonFactory, KernFactory, PartnerFactory

pytestmark = pytest.mark.django_db

KOPPEN = (
    "naam,soort,gemeente,omschrijving,leefgebieden,kernen,alle_kernen,telefoon,"
    "agb_code,kvk_nummer,istandaarden_categorieen,actief"
)
GOED = f"""{KOPPEN}
Ouderensoos Uppel,Vrijwilligers / mantelzorgsteunpunt,Altena,Soos op woensdag,"Sociaal netwerk, Tijdsbesteding",Uppel,nee,06-1,,,,ja
Thuiszorg Rivierenland,zorgaanbieder_wmo,Altena,Thuiszorg,basale_adl,"Uppel, Babylonienbroek",nee,0183-1,98001011,41089012,"01, 3",ja
Welzijn Altena Samen,welzijn,Altena,Ouderenwerk,sociaal_netwerk,,ja,0183-2,,4101 2345,,
"""
FOUT = f"""{KOPPEN}
Goede partner,welzijn,Altena,,sociaal_netwerk,Uppel,nee,,,,,ja
Partner in Atlantis,welzijn,Altena,,sociaal_netwerk,"Uppel, Atlantis",nee,,,,,ja
Zorg zonder AGB,zorgaanbieder_jeugd,Altena,,,Uppel,nee,,12AB,123,45,ja
Bestaande soos,vrijwilligers,Altena,,,Uppel,nee,,,,,ja
Raar,hondentrimmer,Altena,,eenzaamheid,Uppel,misschien,,,,,ja
Zorg zonder code,zorgaanbieder_wmo,Altena,,,Uppel,nee,,,,01,ja
Welzijn met categorie,welzijn,Altena,,,Uppel,nee,,,,01,ja
"""


@pytest.fixture
def kernen(db):
    return {naam: KernFactory(naam=naam) for naam in ("Uppel", "Almkerk", "Babyloniënbroek")}


def _dataset(text):
    return tablib.Dataset().load(text, format="csv")


def test_good_file_imports_every_row(kernen):
    result = PartnerResource().import_data(_dataset(GOED), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Partner.objects.count() == 3
    zorg = Partner.objects.get(naam="Thuiszorg Rivierenland")
    assert {k.naam for k in zorg.kernen.all()} == {"Uppel", "Babyloniënbroek"}
    assert zorg.istandaarden_categorieen == ["01", "03"]
    soos = Partner.objects.get(naam="Ouderensoos Uppel")
    assert soos.soort == "vrijwilligers"
    assert soos.leefgebieden == ["sociaal_netwerk", "tijdsbesteding"]
    welzijn = Partner.objects.get(naam="Welzijn Altena Samen")
    assert welzijn.alle_kernen and welzijn.actief and welzijn.kvk_nummer == "41012345"


def test_bad_rows_are_reported_per_row_and_nothing_is_imported_on_dry_run(kernen):
    PartnerFactory(naam="Bestaande soos", kernen=[kernen["Uppel"]])
    result = PartnerResource().import_data(_dataset(FOUT), dry_run=True)
    assert result.has_validation_errors()
    fouten = {row.number: row.error_dict for row in result.invalid_rows}
    assert set(fouten) == {2, 3, 4, 5, 6, 7}
    assert fouten[2]["kernen"] == ["Onbekende kern “Atlantis” in gemeente Altena."]
    assert "AGB-code bestaat uit precies 8 cijfers" in fouten[3]["agb_code"][0]
    assert "KvK-nummer bestaat uit precies 8 cijfers" in fouten[3]["kvk_nummer"][0]
    assert fouten[6] == {"agb_code": ["Een zorgaanbieder (Wmo of Jeugd) moet een AGB-code hebben."]}
    assert fouten[7] == {
        "istandaarden_categorieen": [
            "Alleen een zorgaanbieder (Wmo of Jeugd) levert iStandaarden-categorieën."
        ]
    }
    assert fouten[4]["naam"][0].startswith("Er is al een partner met de naam “Bestaande soos” in kern Uppel.")
    assert "Onbekende soort “hondentrimmer”" in fouten[5]["soort"][0]
    assert "Onbekend leefgebied “eenzaamheid”" in fouten[5]["leefgebieden"][0]
    assert "Vul ja of nee in" in fouten[5]["alle_kernen"][0]
    assert Partner.objects.count() == 1  # the dry run left nothing behind, not even the good row


def test_duplicate_rows_within_one_file_are_caught(kernen):
    text = f'{KOPPEN}\nDubbel,welzijn,Altena,,,Uppel,nee,,,,,ja\nDubbel,welzijn,Altena,,,"Almkerk, Uppel",nee,,,,,ja\n'
    result = PartnerResource().import_data(_dataset(text), dry_run=True)
    assert [row.number for row in result.invalid_rows] == [2]
    assert Partner.objects.count() == 0


def test_admin_import_previews_then_confirms(client_for, beheerder, kernen):
    client = client_for(beheerder)
    upload = SimpleUploadedFile("partners.csv", GOED.encode(), content_type="text/csv")
    response = client.post(
        reverse("admin:netwerk_partner_import"), {"import_file": upload, "format": "0", "resource": "0"}
    )
    assert response.status_code == 200
    assert "confirm_form" in response.context and response.context["confirm_form"] is not None
    assert Partner.objects.count() == 0  # the preview is a dry run
    confirm = response.context["confirm_form"].initial
    response = client.post(reverse("admin:netwerk_partner_process_import"), confirm)
    assert response.status_code == 302
    assert Partner.objects.count() == 3


def test_admin_import_with_a_bad_row_shows_which_row(client_for, beheerder, kernen):
    client = client_for(beheerder)
    upload = SimpleUploadedFile("partners.csv", FOUT.encode(), content_type="text/csv")
    response = client.post(
        reverse("admin:netwerk_partner_import"), {"import_file": upload, "format": "0", "resource": "0"}
    )
    html = response.content.decode()
    assert response.context.get("confirm_form") is None  # no way to import a half-good file
    assert "Onbekende kern “Atlantis” in gemeente Altena." in html
    assert "Partner in Atlantis" in html
    assert Partner.objects.count() == 0


def test_round_trip_export_then_import(kernen):
    zorg = PartnerFactory(
        zorgaanbieder=True,
        naam="Jeugdhulp De Waard",
        soort="zorgaanbieder_jeugd",
        agb_code="01234567",
        istandaarden_categorieen=["45", "46"],
        leefgebieden=["huiselijke_relaties", "werk_opleiding"],
        kernen=[kernen["Uppel"], kernen["Babyloniënbroek"]],
    )
    ContactpersoonFactory(partner=zorg)
    PartnerFactory(naam="Overal", alle_kernen=True, actief=False)
    for fmt in ("csv", "xlsx"):
        dataset = PartnerResource().export()
        exported = dataset.export(fmt)
        reloaded = tablib.Dataset().load(exported, format=fmt)
        result = PartnerResource().import_data(reloaded, dry_run=False)
        assert not result.has_errors() and not result.has_validation_errors(), fmt
        assert Partner.objects.count() == 2
        zorg.refresh_from_db()
        assert zorg.agb_code == "01234567"
        assert zorg.istandaarden_categorieen == ["45", "46"]
        assert zorg.leefgebieden == ["huiselijke_relaties", "werk_opleiding"]
        assert {k.naam for k in zorg.kernen.all()} == {"Uppel", "Babyloniënbroek"}
        assert zorg.contactpersonen.count() == 1
        overal = Partner.objects.get(naam="Overal")
        assert overal.alle_kernen and not overal.actief


def test_export_is_readable_for_people(kernen):
    PartnerFactory(
        naam="Soos", soort="vrijwilligers", leefgebieden=["sociaal_netwerk"], kernen=[kernen["Uppel"]]
    )
    row = PartnerResource().export().dict[0]
    assert row["soort"] == "Vrijwilligers / mantelzorgsteunpunt"
    assert row["leefgebieden"] == "Sociaal netwerk"
    assert row["kernen"] == "Uppel"
    assert row["actief"] == "ja"


def test_admin_export_xlsx(client_for, beheerder, kernen):
    PartnerFactory(naam="Soos", kernen=[kernen["Uppel"]])
    response = client_for(beheerder).post(
        reverse("admin:netwerk_partner_export"), {"format": "1", "resource": "0", **_alle_velden()}
    )
    assert response.status_code == 200
    data = tablib.Dataset().load(response.content, format="xlsx")
    assert data.dict[0]["naam"] == "Soos"
    assert XLSX().get_title() == "xlsx"


def test_import_without_permission_is_refused(client_for, frontoffice):
    frontoffice.is_staff = True  # the staff flag alone grants no admin access (altena/gebruikers.py)
    frontoffice.save()
    response = client_for(frontoffice).get(reverse("admin:netwerk_partner_import"), follow=True)
    assert response.status_code == 403


def _alle_velden():
    return {f"partnerresource_{naam}": "on" for naam in PartnerResource().get_export_order()}
