"""seed_demo fills the stand-in BRP's store and the database consistently; the demo's story works:
record a death in the stand-in, and the next sweep gives the regisseur one signal."""

import io

import pytest
from django.core.management import call_command

from backoffice.models import Voorziening
from brp.standin.store import lees
from intake.demo import bijzonder_nummer, demo_bsn
from intake.models import BrpStatus, Inwoner
from signalen.brp import brp_controle
from signalen.models import Signaal, SignaalSoort

pytestmark = pytest.mark.django_db


def test_seed_demo_vult_de_stand_in_en_de_database_gelijk(brp):
    call_command("seed_demo", casussen=60, stdout=io.StringIO())
    store = lees(brp.store)
    inwoners = list(Inwoner.objects.filter(gemeente="Altena"))
    assert inwoners and all(i.bsn in store for i in inwoners)
    for i in inwoners:
        rec = store[i.bsn]
        assert (rec["geslachtsnaam"], rec["geboortedatum"]) == (i.achternaam, i.geboortedatum.isoformat())
        assert rec["adres"]["postcode"] == i.postcode.replace(" ", "")
        assert i.brp_status == BrpStatus.GECONTROLEERD
    bijzonder = [store[demo_bsn(bijzonder_nummer("Altena", n))] for n in range(10)]
    assert any(r["overleden"] for r in bijzonder)
    assert any(r["geheimhouding"] for r in bijzonder)
    assert any(r["onderzoek"] for r in bijzonder)
    soorten = {r["gezag"]["type"] for r in bijzonder if r["gezag"]}
    assert soorten == {"EenhoofdigOuderlijkGezag", "GezamenlijkOuderlijkGezag", "GezagNietTeBepalen"}
    thuis = [r for r in bijzonder if r["adres"] and r["adres"]["straat"] == "Kerkstraat"]
    assert len(thuis) == 4  # a household at one address
    geheim = Inwoner.objects.get(bsn=demo_bsn(bijzonder_nummer("Altena", 8)))
    assert geheim.geheimhouding

    aantal = len(store)
    call_command("seed_demo", casussen=60, stdout=io.StringIO())
    assert len(lees(brp.store)) == aantal


def test_overlijden_in_de_stand_in_geeft_bij_de_volgende_controle_een_signaal(brp):
    call_command("seed_demo", casussen=300, stdout=io.StringIO())
    voorziening = Voorziening.objects.filter(
        beeindigd_op__isnull=True, casus__kern__gemeente="Altena"
    ).first()
    inwoner = voorziening.casus.inwoner
    call_command(
        "brp_standin",
        "overlijden",
        "--inwoner",
        str(inwoner.pk),
        "--datum",
        "2026-12-01",
        stdout=io.StringIO(),
    )
    brp_controle()
    signalen = Signaal.objects.filter(regel=SignaalSoort.BRP_OVERLEDEN, casus__inwoner=inwoner)
    assert signalen.count() == 1
    brp_controle()
    assert signalen.count() == 1
