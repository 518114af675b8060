"""The BRP client against the stand-in, every request and response checked against the published API."""

from __future__ import annotations

import json
from datetime import date

import httpx
import pytest
from jsonschema.exceptions import ValidationError as SchemaFout

from altena.access import Rol
from altena.models import Verwerking
from brp.client import BrpClient, BrpGeweigerd, Context, OngeldigBsn
from brp.models import BrpBevraging
from brp.velden import SYSTEEM, TOEGESTAAN, Doel
from tests.factories.altena import UserFactory
from tests.factories.brp import brp_persoon

from .spec import Orakel, OrakelTransport

pytestmark = pytest.mark.django_db


@pytest.fixture
def orakel(standin):
    return Orakel(standin.url)


@pytest.fixture
def brp_client(standin, orakel):
    return BrpClient(url=standin.url, transport=OrakelTransport(orakel))


@pytest.fixture
def balie(db):
    return UserFactory(username="balie", rollen=[Rol.FRONTOFFICE])


def test_raadplegen_met_bsn_geeft_persoon_met_adres_partner_en_kinderen(standin, brp_client, orakel, balie):
    kind = brp_persoon(voornamen="Pim", geboortedatum="2015-02-03")
    partner = brp_persoon(voornamen="Kees", geslacht="M", geslachtsnaam="Bakker")
    moeder = brp_persoon(
        voornamen="Els",
        voorvoegsel="van",
        geslachtsnaam="Dijk",
        partners=[partner["bsn"]],
        kinderen=[kind["bsn"]],
    )
    standin.zet(kind, partner, moeder)

    [p] = brp_client.raadpleeg([moeder["bsn"]], ctx=Context(doel=Doel.REGISTREREN, door=balie))

    assert p.bsn == moeder["bsn"]
    assert p.naam.volledig == "Els van Dijk"
    assert p.adres.straat == "Dorpsstraat" and p.adres.postcode_opgemaakt == "4254 AB"
    assert [g.naam for g in p.partners] == ["Kees Bakker"]
    assert [(g.naam, g.geboortedatum) for g in p.kinderen] == [("Pim Jansen", date(2015, 2, 3))]
    assert orakel.verzoeken == 1 and orakel.antwoorden == 1


def test_elke_vraag_noemt_fields_uit_de_allowlist_en_wordt_geprotocolleerd(standin, brp_client, balie):
    persoon = standin.zet(brp_persoon())[0]
    brp_client.raadpleeg(
        [persoon["bsn"]], ctx=Context(doel=Doel.REGISTREREN, door=balie, casus_nummer="2026-000001")
    )
    rij = BrpBevraging.objects.get()
    assert rij.velden == list(TOEGESTAAN[(Doel.REGISTREREN, Rol.FRONTOFFICE)])
    assert rij.bsns == [persoon["bsn"]]
    assert (rij.actor, rij.doel, rij.casus_nummer, rij.resultaat) == (
        balie,
        "registreren",
        "2026-000001",
        "geslaagd",
    )
    log = Verwerking.objects.get(object_type="brp-bevraging")
    assert log.object_id == str(rij.pk) and log.actor == balie and log.casus_nummer == "2026-000001"
    assert persoon["bsn"] not in (log.object_id + log.oorsprong)  # the verwerkingenlog never holds a BSN


def test_zoeken_op_naam_en_op_adres(standin, brp_client, balie):
    a = brp_persoon(geslachtsnaam="Vermeer", geboortedatum="1971-01-01")
    b = brp_persoon(geslachtsnaam="Vermeer", geboortedatum="1971-01-01", voornamen="Bert", geslacht="M")
    c = brp_persoon(geslachtsnaam="Anders", adres={"huisnummer": 7})
    standin.zet(a, b, c)
    ctx = Context(doel=Doel.ZOEKEN, door=balie)

    gevonden = brp_client.zoek_op_naam(geslachtsnaam="vermeer", geboortedatum=date(1971, 1, 1), ctx=ctx)
    assert {p.bsn for p in gevonden} == {a["bsn"], b["bsn"]}
    assert gevonden[0].adresregels == ["Dorpsstraat 1", "4254 AB  SLEEUWIJK"]

    op_adres = brp_client.zoek_op_adres(postcode="4254 ab", huisnummer=7, ctx=ctx)
    assert [p.bsn for p in op_adres] == [c["bsn"]]


def test_bsn_zonder_elfproef_verlaat_de_applicatie_niet(standin, orakel, balie):
    verstuurd = []
    transport = httpx.MockTransport(lambda r: verstuurd.append(r) or httpx.Response(500))
    client = BrpClient(url=standin.url, transport=transport)
    with pytest.raises(OngeldigBsn, match="elfproef"):
        client.raadpleeg(["123456789"], ctx=Context(doel=Doel.REGISTREREN, door=balie))
    assert verstuurd == []


def test_veld_buiten_de_allowlist_wordt_geweigerd_voor_de_vraag(standin, balie):
    verstuurd = []
    client = BrpClient(url=standin.url, transport=httpx.MockTransport(lambda r: verstuurd.append(r)))
    with pytest.raises(BrpGeweigerd, match="mogen voor dit doel niet"):
        client.raadpleeg(
            ["999990019"], ctx=Context(doel=Doel.REGISTREREN, door=balie), velden=("nationaliteiten",)
        )
    # gezag only on a Jeugdwet case, never at the front door
    with pytest.raises(BrpGeweigerd):
        client.raadpleeg(["999990019"], ctx=Context(doel=Doel.REGISTREREN, door=balie), velden=("gezag",))
    with pytest.raises(BrpGeweigerd, match="deze rol"):
        client.raadpleeg(["999990019"], ctx=Context(doel=Doel.JEUGDWET, door=balie))
    assert verstuurd == []


def test_exacte_content_type_en_api_sleutel(standin):
    gezien = []

    def antwoord(request):
        gezien.append(request)
        return httpx.Response(200, json={"type": "RaadpleegMetBurgerservicenummer", "personen": []})

    client = BrpClient(url=standin.url, api_key="geheim", transport=httpx.MockTransport(antwoord))
    client.raadpleeg(["999990019"], ctx=Context(doel=Doel.CONTROLE))
    assert gezien[0].headers["content-type"] == "application/json; charset=utf-8"
    assert gezien[0].headers["x-api-key"] == "geheim"
    assert json.loads(gezien[0].content)["fields"] == list(TOEGESTAAN[(Doel.CONTROLE, SYSTEEM)])


def test_twintig_bsns_per_vraag_en_niet_meer(standin, brp_client):
    personen = standin.zet(*[brp_persoon() for _ in range(21)])
    bsns = [p["bsn"] for p in personen]
    assert len(brp_client.raadpleeg(bsns[:20], ctx=Context(doel=Doel.CONTROLE))) == 20
    with pytest.raises(Exception, match="1 tot 20"):
        brp_client.raadpleeg(bsns, ctx=Context(doel=Doel.CONTROLE))


def test_het_orakel_weigert_een_ongeldig_verzoek(standin, orakel):
    """Proof that the second (discriminator) check bites: openapi-core alone accepts these bodies."""
    for body in (
        {
            "type": "RaadpleegMetBurgerservicenummer",
            "fields": ["naam"],
            "burgerservicenummer": ["999990019"] * 21,
        },
        {"type": "RaadpleegMetBurgerservicenummer", "fields": ["naam"], "burgerservicenummer": [999990019]},
    ):
        request = httpx.Request(
            "POST",
            standin.url + "/personen",
            content=json.dumps(body).encode(),
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        with pytest.raises(SchemaFout):
            orakel.verzoek(request)
