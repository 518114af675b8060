"""The outbox that cannot lose a 301: the backoffice service writes a mutation row in its own
transaction; the task turns pending rows into 301s and marks them done, retries a failure later
without holding up other cases, and is idempotent. A go-live date keeps old toewijzingen unsent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from backoffice.models import VoorzieningMutatie
from backoffice.services import voorziening_beeindigen
from berichten.models import Bericht, Toewijzing
from berichten.services import mutaties as mutaties_module
from berichten.services.mutaties import mutaties_verwerken, wachttijd
from berichten.services.toewijzingen import toewijzingbericht_maken
from netwerk.models import Gemeente

pytestmark = pytest.mark.django_db


def _open():
    return VoorzieningMutatie.objects.filter(verwerkt_op__isnull=True)


def test_besluit_schrijft_mutatie_en_de_taak_maakt_de_301(toekennen, huishoudelijke_hulp, thuiszorg):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)  # the fixture runs the task once
    mutatie = VoorzieningMutatie.objects.get(casus=casus)
    assert mutatie.soort == VoorzieningMutatie.Soort.TOEGEKEND and mutatie.verwerkt_op is not None
    assert Bericht.objects.filter(berichttype="WMO301").count() == 1
    assert mutaties_verwerken() == 0  # nothing pending: nothing sent again
    assert Bericht.objects.filter(berichttype="WMO301").count() == 1


def test_einde_schrijft_mutatie_in_dezelfde_transactie(toekennen, huishoudelijke_hulp, thuiszorg, consultant):
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    voorziening = casus.voorzieningen.get()
    voorziening_beeindigen(
        voorziening=voorziening, beeindigd_op=timezone.localdate(), reden="Doel bereikt", door=consultant
    )
    (rij,) = _open()
    assert rij.soort == VoorzieningMutatie.Soort.BEEINDIGD and rij.voorziening == voorziening
    assert Bericht.objects.filter(berichttype="WMO301").count() == 1  # not yet: the task sends it
    assert mutaties_verwerken() == 1
    assert not _open().exists()
    assert Bericht.objects.filter(berichttype="WMO301").count() == 2
    assert Toewijzing.objects.get().einddatum == timezone.localdate()
    assert mutaties_verwerken() == 0  # idempotent


def test_mislukking_wordt_later_opnieuw_geprobeerd_zonder_anderen_op_te_houden(
    toekennen, huishoudelijke_hulp, thuiszorg, consultant, time_machine, altena
):
    eerste = toekennen(huishoudelijke_hulp, thuiszorg)
    tweede = toekennen(huishoudelijke_hulp, thuiszorg)
    for casus in (eerste, tweede):
        voorziening_beeindigen(
            voorziening=casus.voorzieningen.get(),
            beeindigd_op=timezone.localdate(),
            reden="Doel bereikt",
            door=consultant,
        )
    echte = mutaties_module.toewijzingen_bijwerken_vergrendeld

    def soms_kapot(locked):
        if locked.pk == eerste.pk:
            raise RuntimeError("GGk onbereikbaar")
        return echte(locked)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mutaties_module, "toewijzingen_bijwerken_vergrendeld", soms_kapot)
        assert mutaties_verwerken() == 2
    (rij,) = _open()
    assert rij.casus_id == eerste.pk and rij.pogingen == 1 and "GGk onbereikbaar" in rij.laatste_fout
    assert rij.volgende_poging > timezone.now()
    assert Bericht.objects.filter(casus=tweede, berichttype="WMO301").count() == 2  # the other went on
    assert mutaties_verwerken() == 0  # waits for its next attempt
    time_machine.move_to(timezone.now() + wachttijd(1) + timedelta(seconds=1))
    assert mutaties_verwerken() == 1
    assert not _open().exists()
    assert Bericht.objects.filter(casus=eerste, berichttype="WMO301").count() == 2


def test_wachttijd_loopt_op_tot_een_uur():
    assert [wachttijd(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert wachttijd(30) == timedelta(hours=1)


def test_startdatum_stuurt_nooit_een_toewijzing_die_ervoor_eindigt(
    settings, toekennen, huishoudelijke_hulp, thuiszorg
):
    vandaag = timezone.localdate()
    settings.BERICHTEN_STARTDATUM = vandaag.isoformat()
    # A voorziening that ended before the go-live date: no toewijzing, no 301.
    oud = toekennen(
        huishoudelijke_hulp,
        thuiszorg,
        startdatum=vandaag - timedelta(days=400),
        einddatum=vandaag - timedelta(days=40),
    )
    assert not Toewijzing.objects.filter(casus=oud).exists()
    assert not Bericht.objects.filter(casus=oud).exists()
    assert not _open().exists()
    # A running one: its 301 never carries a toewijzing of the same client that ended before.
    nieuw = toekennen(huishoudelijke_hulp, thuiszorg, inwoner=oud.inwoner)
    t = nieuw.toewijzingen.get()
    afgelopen = Toewijzing.objects.create(
        nummer=999001, casus=nieuw, aanbieder=thuiszorg, standaard="wmo", categorie="01",
        ingangsdatum=vandaag - timedelta(days=300), einddatum=vandaag - timedelta(days=1),
        volume=1, eenheid="04", frequentie="2",
    )  # fmt: skip
    bericht = toewijzingbericht_maken(casus=nieuw, aanbieder=thuiszorg, gewijzigd={afgelopen.pk, t.pk})
    inhoud = bytes(bericht.inhoud).decode()
    assert str(t.nummer) in inhoud and "999001" not in inhoud
    settings.BERICHTEN_STARTDATUM = None
    bericht = toewijzingbericht_maken(casus=nieuw, aanbieder=thuiszorg, gewijzigd={afgelopen.pk})
    assert "999001" in bytes(bericht.inhoud).decode()  # without the setting it would go


def test_gemeente_zonder_cbs_code_blijft_wachten(toekennen, huishoudelijke_hulp, thuiszorg, altena):
    Gemeente.objects.filter(pk=altena.pk).update(naam="Altena (oud)")
    casus = toekennen(huishoudelijke_hulp, thuiszorg)
    (rij,) = _open()
    assert rij.casus_id == casus.pk and rij.pogingen == 1 and "CBS-code" in rij.laatste_fout
    assert not Bericht.objects.filter(casus=casus).exists()
