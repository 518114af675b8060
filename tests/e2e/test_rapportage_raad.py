"""A teamleider opens the raad report for the last full quarter, sees the charts, downloads the XLSX
and the PDF; then opens the dashboard and follows a number to its queue."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from altena.access import Rol
from intake.models import CasusGebeurtenis
from intake.workflow import Fase
from rapportage.periode import laatste_volle_kwartaal
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_teamleider_opens_the_raad_report_and_downloads_it(page, live_server, login):
    Group.objects.get_or_create(name=Rol.TEAMLEIDER)
    leider = UserFactory(username="teamleider", rollen=[Rol.TEAMLEIDER])
    team = TeamFactory(naam="Team Altena")
    team.leden.add(leider)
    veen = KernFactory(naam="Veen", voormalige_gemeente="Aalburg")
    team.kernen.add(veen)
    kwartaal = laatste_volle_kwartaal()
    begin = timezone.make_aware(datetime.datetime.combine(kwartaal.van, datetime.time(10)))
    for i in range(6):
        casus = CasusFactory(
            inwoner=InwonerFactory(kern=veen), kern=veen, team=team, maatwerk=True, aangemaakt=begin
        )
        CasusGebeurtenis.objects.create(
            casus=casus,
            soort=CasusGebeurtenis.Soort.OVERGANG,
            fase_van=Fase.AANGEMELD,
            fase_naar=Fase.MELDING,
            tijdstip=begin + datetime.timedelta(days=i),
        )

    login(page, leider.username)
    page.get_by_role("link", name="Raadsrapportage").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raadsrapportage sociaal domein")
    expect(page.get_by_test_id("periode")).to_contain_text(kwartaal.label)
    expect(page.get_by_test_id("grafiek-trend").locator("svg")).to_be_visible()
    expect(page.get_by_test_id("grafiek-besluiten").locator("svg")).to_be_visible()
    expect(page.get_by_test_id("grafiek-schaling").locator("svg")).to_be_visible()
    meldingen = page.locator('table[data-tabel="meldingen"]')
    expect(meldingen.locator("tbody tr").first).to_contain_text("Veen")
    expect(meldingen.locator("tbody tr").first).to_contain_text("6")

    with page.expect_download() as info:
        page.get_by_test_id("download-xlsx").click()
    xlsx = info.value
    assert xlsx.suggested_filename.endswith(".xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(open(xlsx.path(), "rb").read()))
    waarden = [r for ws in wb.worksheets for r in ws.iter_rows(values_only=True)]
    assert ("Veen", 6, "<5", "<5", 6, "<5") in [tuple(v for v in r if v is not None) for r in waarden]

    with page.expect_download() as info:
        page.get_by_test_id("download-pdf").click()
    pdf = open(info.value.path(), "rb").read()
    assert pdf.startswith(b"%PDF")

    page.get_by_role("link", name="Dashboard").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard teamleider")
    page.get_by_test_id("termijn-verstreken").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad maatwerk")
