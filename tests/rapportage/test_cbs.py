"""The CBS Beleidsinformatie Jeugd export: records, codes checked against the protocol itself, the
list of trajectories that cannot be delivered, and the verwerkingenlog."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone

from altena.models import Verwerking
from backoffice.models import Leveringsvorm
from rapportage import cbs
from tests.factories.backoffice import BesluitFactory, ProductFactory, VoorzieningFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.factories.netwerk import KernFactory
from tests.oracle import ISTANDAARDEN, oracle

pytestmark = pytest.mark.django_db

PROTOCOL = ISTANDAARDEN / "bronnen" / "beleidsinformatie-jeugd-cbs-protocol.md"
H1 = "?gemeente=Altena&soort=halfjaar&jaar=2026&nummer=1"


def protocol_codes(kop: str) -> set[str]:
    """The codes '(NN)' listed under a heading of the protocol, up to its Toelichting."""
    tekst = oracle(PROTOCOL).read_text()
    deel = tekst.split(f"**{kop}**", 1)[1].split("**Toelichting", 1)[0]
    return set(re.findall(r"\((\d{2}|[VMO])\)", deel))


def d(*a):
    return datetime.date(*a)


@pytest.fixture
def jeugd(db):
    veen = KernFactory(naam="Veen", voormalige_gemeente="Aalburg")

    def traject(categorie, start, eind=None, beeindigd=None, reden="", pgb=False, inwoner=None, **casus_kw):
        inwoner = inwoner or InwonerFactory(kern=veen, postcode="4264 AB", geboortedatum=d(2014, 3, 9))
        casus = CasusFactory(inwoner=inwoner, kern=veen, maatwerk=True, wet="jeugdwet", **casus_kw)
        product = ProductFactory(
            wet="jeugdwet", naam=f"Jeugd {categorie}", categorie=categorie, productcode=f"{categorie}A01"
        )
        return VoorzieningFactory(
            casus=casus,
            besluit=BesluitFactory(casus=casus),
            product=product,
            startdatum=start,
            einddatum=eind or d(2026, 12, 31),
            beeindigd_op=beeindigd,
            beeindigingsreden=reden,
            leveringsvorm=Leveringsvorm.PGB if pgb else Leveringsvorm.NATURA,
        )

    lopend = traject("45", d(2026, 2, 1))
    traject("45", d(2026, 2, 1), inwoner=lopend.casus.inwoner)  # same person, start, hulpvorm: merged
    verblijf = traject("43", d(2025, 9, 1), beeindigd=d(2026, 3, 15), reden="Casus afgesloten: doel bereikt")
    crisis = traject("45", d(2026, 4, 1), crisis=True, verwijzer="huisarts")
    uitval = [
        traject("45", d(2026, 1, 10), pgb=True),
        traject("48", d(2026, 1, 10)),
        traject("50", d(2026, 1, 10)),
        traject("45", d(2026, 1, 10), beeindigd=d(2026, 2, 1), reden="onbekend waarom"),
    ]
    traject("45", d(2025, 1, 1), eind=d(2025, 12, 1))  # ended before the half year
    VoorzieningFactory(casus=CasusFactory(kern=veen, maatwerk=True))  # Wmo: not jeugdhulp
    return {"lopend": lopend, "verblijf": verblijf, "crisis": crisis, "uitval": uitval, "traject": traject}


def _csv(client):
    response = client.get("/rapportage/raad/cbs/csv/" + H1)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode()), delimiter=";"))


def test_records_hold_the_protocol_fields(client_for, raad_teamleider, jeugd):
    rijen = {r["bsn"]: r for r in _csv(client_for(raad_teamleider))}
    assert len(rijen) == 3
    lopend = rijen[jeugd["lopend"].casus.inwoner.bsn]
    assert lopend == {
        "bsn": jeugd["lopend"].casus.inwoner.bsn,
        "geboortedatum": "20140309",
        "geslacht": "O",
        "postcode": "4264AB",
        "verwijzer": "01",
        "hulpvorm": "02",
        "gestart_met_crisis": "02",
        "datum_aanvang": "20260201",
        "datum_einde": "",
        "reden_beeindiging": "",
    }
    verblijf = rijen[jeugd["verblijf"].casus.inwoner.bsn]
    assert (verblijf["hulpvorm"], verblijf["datum_einde"], verblijf["reden_beeindiging"]) == (
        "14",
        "20260315",
        "01",
    )
    crisis = rijen[jeugd["crisis"].casus.inwoner.bsn]
    assert (crisis["verwijzer"], crisis["gestart_met_crisis"]) == ("02", "01")


def test_every_code_in_the_file_is_in_the_protocols_code_lists(client_for, raad_teamleider, jeugd):
    lijsten = {
        "geslacht": protocol_codes("2.4. Geslacht"),
        "verwijzer": protocol_codes("3.2. Verwijzer"),
        "hulpvorm": protocol_codes("3.3. Hulpvorm"),
        "gestart_met_crisis": protocol_codes("3.4. Gestart met crisis"),
        "reden_beeindiging": protocol_codes("3.7. Reden beëindiging jeugdhulp"),
    }
    assert lijsten["geslacht"] == {"V", "M", "O"}
    assert lijsten["verwijzer"] == {"01", "02", "03", "04", "05", "06", "08"}
    assert lijsten["hulpvorm"] == {"01", "02", "03", "04", "11", "12", "13", "14"}
    for rij in _csv(client_for(raad_teamleider)):
        for veld, codes in lijsten.items():
            assert rij[veld] in codes or (veld == "reden_beeindiging" and rij[veld] == ""), (veld, rij[veld])
        assert re.fullmatch(r"\d{9}", rij["bsn"]) and re.fullmatch(r"\d{8}", rij["datum_aanvang"])


def test_the_page_lists_what_cannot_be_exported_and_why(client_for, raad_beleid, jeugd):
    response = client_for(raad_beleid).get("/rapportage/raad/cbs/" + H1)
    assert response.status_code == 200
    controle = response.context["controle"]
    assert controle.aantal == 3
    redenen = {nummer: reden for nummer, _product, reden in controle.uitval_eerste}
    pgb, bescherming, maatwerk, reden = (v.casus.nummer for v in jeugd["uitval"])
    assert "pgb" in redenen[pgb] and "SVB" in redenen[pgb]
    assert "jeugdbescherming" in redenen[bescherming]
    assert "hulpvorm niet af te leiden" in redenen[maatwerk]
    assert "niet te coderen" in redenen[reden]
    assert len(redenen) == 4


def test_the_download_is_logged_per_inwoner(client_for, raad_beleid, jeugd):
    _csv(client_for(raad_beleid))
    log = Verwerking.objects.filter(handeling=Verwerking.Handeling.EXPORTEREN, actor=raad_beleid)
    assert log.count() == 3
    assert {v.inwoner_id for v in log} == {
        jeugd[k].casus.inwoner_id for k in ("lopend", "verblijf", "crisis")
    }
    assert all("CBS" in v.verwerkingsactiviteit for v in log)


def test_the_cbs_export_goes_per_half_year(client_for, raad_teamleider, jeugd):
    response = client_for(raad_teamleider).get(
        "/rapportage/raad/cbs/?gemeente=Altena&soort=kwartaal&jaar=2026&nummer=1"
    )
    assert response.status_code == 400
    assert "per halfjaar" in response.context["form"].errors["soort"][0]
    download = client_for(raad_teamleider).get("/rapportage/raad/cbs/csv/?soort=kwartaal&jaar=2026&nummer=1")
    assert download.status_code == 302
    assert not Verwerking.objects.filter(handeling=Verwerking.Handeling.EXPORTEREN).exists()


@pytest.mark.parametrize("role_name", ["Frontoffice", "Consultant", "Beheerder", "Privacy", "Partner"])
def test_other_roles_cannot_download_the_cbs_file(client_for, role_users, role_name):
    assert client_for(role_users[role_name]).get("/rapportage/raad/cbs/csv/" + H1).status_code == 403


def test_a_long_list_of_what_cannot_be_exported_shows_counts_per_reason_and_the_first_rows(
    client_for, raad_beleid, jeugd, monkeypatch
):
    monkeypatch.setattr(cbs, "UITVAL_BEWAARD", 2)
    response = client_for(raad_beleid).get("/rapportage/raad/cbs/" + H1)
    html = response.content.decode()
    controle = response.context["controle"]
    assert controle.uitval_aantal == 4 and len(controle.uitval_eerste) == 2
    assert "De eerste 2 van 4 trajecten" in html
    per_reden = dict(controle.uitval_per_reden)
    assert sum(per_reden.values()) == 4 and len(per_reden) == 4


def test_the_check_of_the_day_is_stored_and_checked_again_on_request(
    client_for, raad_beleid, jeugd, monkeypatch
):
    from rapportage.models import CbsControle

    client = client_for(raad_beleid)
    client.get("/rapportage/raad/cbs/" + H1)
    assert CbsControle.objects.count() == 1

    def niet_opnieuw(*a, **k):
        raise AssertionError("opnieuw gecontroleerd")

    with monkeypatch.context() as m:
        m.setattr(cbs, "records", niet_opnieuw)
        assert client.get("/rapportage/raad/cbs/" + H1).context["controle"].aantal == 3
    # A new trajectory: the stored check still says 3 until asked again; the file is always fresh.
    jeugd["traject"]("45", d(2026, 3, 1))
    assert client.get("/rapportage/raad/cbs/" + H1).context["controle"].aantal == 3
    assert len(_csv(client)) == 4
    response = client.post("/rapportage/raad/cbs/" + H1)
    assert response.status_code == 200 and response.context["controle"].aantal == 4
    assert CbsControle.objects.count() == 1
    # An earlier day's check is checked again on the next view.
    CbsControle.objects.update(berekend_op=timezone.now() - datetime.timedelta(days=1), aantal=0)
    assert client.get("/rapportage/raad/cbs/" + H1).context["controle"].aantal == 4
