"""The 301: made from a besluit through the backoffice service, for Wmo and Jeugdwet, on a first
toewijzing, an extension, an early end and a change of volume; valid against the published XSD."""

from datetime import timedelta

import pytest
from django.utils import timezone

from backoffice.services import voorziening_beeindigen
from berichten.ggk import uitpakken
from berichten.models import Bericht, Status, Toewijzing
from berichten.services.mutaties import mutaties_verwerken
from berichten.services.toewijzingen import toewijzingen_bijwerken
from berichten.services.wijzigen import voorziening_wijzigen

from .conftest import assert_valid

pytestmark = pytest.mark.django_db


def producten(doc):
    ns = {"m": doc.nsmap[[p for p in doc.nsmap if p.endswith("301")][0]]}
    return doc.findall("m:Client/m:ToegewezenProducten/m:ToegewezenProduct", ns), ns


def test_wmo_besluit_geeft_geldig_301_in_de_outbox(toekennen, huishoudelijke_hulp, thuiszorg, berichtenmap):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    toewijzing = Toewijzing.objects.get(casus=casus)
    assert (toewijzing.categorie, toewijzing.volume, toewijzing.eenheid, toewijzing.frequentie) == (
        "01",
        3,
        "04",
        "2",
    )
    bericht = Bericht.objects.get(berichttype="WMO301")
    assert bericht.status == Status.VERSTUURD
    assert (bericht.afzender, bericht.ontvanger) == ("1959", "75123456")
    bestand = berichtenmap / "uit" / bericht.bestandsnaam
    envelop = uitpakken(bestand.read_bytes())  # the outbox holds the GGk envelope
    assert envelop.functie == "WMO301" and envelop.zender == "1959" and envelop.ontvanger == "75123456"
    doc = assert_valid(envelop.bericht, "WMO301")
    lijst, ns = producten(doc)
    assert [int(p.findtext("m:ToewijzingNummer", namespaces=ns)) for p in lijst] == [toewijzing.nummer]


def test_jeugdwet_besluit_geeft_geldig_jw301(toekennen, jeugd_ggz, jeugdaanbieder):
    toekennen(jeugd_ggz, jeugdaanbieder, wet="jeugdwet", eenheid="dag", frequentie="4weken", volume=4)
    bericht = Bericht.objects.get(berichttype="JW301")
    doc = assert_valid(bericht)
    lijst, ns = producten(doc)
    # 4 dagen per 4 weken: one day (two dagdelen of 4 hours) per week; category 54 is valid.
    assert lijst[0].findtext("m:Omvang/ijw:Volume", namespaces={**ns, "ijw": doc.nsmap["ijw"]}) == "2"
    assert Toewijzing.objects.get().categorie == "54"


def test_pgb_en_participatiewet_geven_geen_bericht(toekennen, huishoudelijke_hulp, thuiszorg):
    toekennen(huishoudelijke_hulp, None, leveringsvorm="pgb")
    assert not Bericht.objects.exists() and not Toewijzing.objects.exists()


def test_rechtmatigheid_tweede_voorziening_geeft_301_met_beide(
    toekennen, huishoudelijke_hulp, thuiszorg, inwoner
):
    from tests.factories.backoffice import ProductFactory

    begeleiding = ProductFactory(
        wet="wmo", naam="Begeleiding", categorie="02", productcode="02A01", eenheid="uur"
    )
    toekennen(huishoudelijke_hulp, thuiszorg, inwoner=inwoner)
    toekennen(begeleiding, thuiszorg, inwoner=inwoner)
    tweede = Bericht.objects.filter(berichttype="WMO301").order_by("pk").last()
    lijst, ns = producten(assert_valid(tweede))
    nummers = sorted(int(p.findtext("m:ToewijzingNummer", namespaces=ns)) for p in lijst)
    assert nummers == sorted(Toewijzing.objects.values_list("nummer", flat=True))
    assert len(nummers) == 2 and len(set(nummers)) == 2


def test_verlenging_verschuift_einddatum_zelfde_nummer(toekennen, huishoudelijke_hulp, thuiszorg, consultant):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    t = Toewijzing.objects.get()
    nieuw_eind = t.einddatum + timedelta(days=90)
    voorziening_wijzigen(voorziening=casus.voorzieningen.get(), door=consultant, einddatum=nieuw_eind)
    assert Toewijzing.objects.count() == 1
    t.refresh_from_db()
    assert (t.einddatum, t.reden_wijziging) == (nieuw_eind, "04")
    lijst, ns = producten(assert_valid(Bericht.objects.filter(berichttype="WMO301").order_by("pk").last()))
    assert lijst[0].findtext("m:Einddatum", namespaces=ns) == nieuw_eind.isoformat()
    assert lijst[0].findtext("m:RedenWijziging", namespaces=ns) == "04"


def test_vroegtijdig_einde_via_backoffice(
    toekennen, huishoudelijke_hulp, thuiszorg, consultant, django_capture_on_commit_callbacks
):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    vandaag = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        voorziening_beeindigen(
            voorziening=casus.voorzieningen.get(),
            beeindigd_op=vandaag,
            reden="Inwoner is verhuisd",
            door=consultant,
        )
        mutaties_verwerken()  # the outbox task, as the beat runs it
    t = Toewijzing.objects.get()
    assert (t.einddatum, t.reden_wijziging) == (vandaag, "07")
    assert Bericht.objects.filter(berichttype="WMO301").count() == 2
    lijst, ns = producten(assert_valid(Bericht.objects.filter(berichttype="WMO301").order_by("pk").last()))
    assert lijst[0].findtext("m:RedenWijziging", namespaces=ns) == "07"


def test_volumewijziging_beeindigt_en_maakt_nieuwe_toewijzing(
    toekennen, jeugd_ggz, jeugdaanbieder, consultant, time_machine
):
    casus = toekennen(jeugd_ggz, jeugdaanbieder, wet="jeugdwet")
    time_machine.move_to(timezone.now() + timedelta(days=10))
    voorziening_wijzigen(voorziening=casus.voorzieningen.get(), door=consultant, volume="1.5")
    oud, nieuw = Toewijzing.objects.order_by("nummer")
    assert oud.reden_wijziging == "05" and oud.einddatum == timezone.localdate() - timedelta(days=1)
    assert (nieuw.volume, nieuw.eenheid, nieuw.ingangsdatum) == (90, "01", timezone.localdate())
    lijst, _ = producten(assert_valid(Bericht.objects.filter(berichttype="JW301").order_by("pk").last()))
    assert len(lijst) == 2


def test_bijwerken_is_idempotent(toekennen, huishoudelijke_hulp, thuiszorg):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    assert toewijzingen_bijwerken(casus=casus) == []
    assert Bericht.objects.count() == 1


@pytest.mark.parametrize("wet", ["wmo", "jeugdwet"])
def test_elk_pad_geldig_voor_beide_wetten(
    wet, toekennen, huishoudelijke_hulp, jeugd_ggz, thuiszorg, jeugdaanbieder, consultant,
    django_capture_on_commit_callbacks, time_machine,
):  # fmt: skip
    product, aanbieder = (huishoudelijke_hulp, thuiszorg) if wet == "wmo" else (jeugd_ggz, jeugdaanbieder)
    casus = toekennen(product, aanbieder, wet=wet)  # first toewijzing
    voorziening = casus.voorzieningen.get()
    voorziening_wijzigen(
        voorziening=voorziening, door=consultant, einddatum=voorziening.einddatum + timedelta(days=30)
    )
    time_machine.move_to(timezone.now() + timedelta(days=7))
    voorziening_wijzigen(voorziening=voorziening, door=consultant, volume="4")  # change
    with django_capture_on_commit_callbacks(execute=True):
        morgen = timezone.localdate() + timedelta(days=1)
        voorziening_beeindigen(
            voorziening=voorziening, beeindigd_op=morgen, reden="Doel bereikt", door=consultant
        )
        mutaties_verwerken()
    berichten = Bericht.objects.filter(berichttype__endswith="301").order_by("pk")
    assert berichten.count() == 4
    for bericht in berichten:
        assert bericht.berichttype == ("WMO301" if wet == "wmo" else "JW301")
        assert_valid(bericht)
    redenen = list(Toewijzing.objects.order_by("nummer").values_list("reden_wijziging", flat=True))
    assert redenen == ["05", "05"]
