"""Retention (issue 10): rules per law and outcome, a dry-run report, anonymisation with a log row
per destruction, and the raad's aggregated figures unchanged afterwards."""

import datetime

import pytest
from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from altena.models import Verwerking
from backoffice.bewaartermijnen import ANONIEM, bewaartermijnen_toepassen, proefrapport, voorbij_termijn
from backoffice.models import Bewaartermijn, Voorziening
from backoffice.tasks import bewaartermijnen as bewaartermijnen_taak
from intake.models import Casus, CasusGebeurtenis, Inwoner
from tests.factories.backoffice import BesluitFactory, ProductFactory, VoorzieningFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date(2026, 3, 2)


def _personen(resultaat: dict) -> dict:
    """Cases and persons; the documents' categories are tested in tests/documenten/test_bewaren.py."""
    return {k: resultaat[k] for k in ("casussen", "inwoners")}


def over(jaren, dagen=1):
    return VANDAAG.replace(year=VANDAAG.year + jaren) + datetime.timedelta(days=dagen)


def gesloten(wet, *, met_voorziening, kern, inwoner=None):
    inwoner = inwoner or InwonerFactory(kern=kern, huishouden=HuishoudenFactory())
    casus = CasusFactory(
        inwoner=inwoner,
        maatwerk=True,
        wet=wet,
        fase="afgesloten",
        afsluitreden="doel bereikt",
        afgesloten_op=timezone.make_aware(datetime.datetime(2026, 3, 1, 12)),
        hulpvraag=f"Geheim verhaal {wet}",
    )
    if met_voorziening:
        besluit = BesluitFactory(casus=casus)
        VoorzieningFactory(
            besluit=besluit,
            product=ProductFactory(wet=wet, naam=f"Product {wet}"),
            startdatum=datetime.date(2025, 1, 1),
            einddatum=datetime.date(2026, 3, 1),
        )
    return casus


def test_the_selectielijst_rules_are_there_and_start_as_dry_run():
    regels = {(r.wet, r.met_voorziening): r.jaren for r in Bewaartermijn.objects.all()}
    assert regels[("wmo", True)] == 15 and regels[("wmo", False)] == 5
    assert regels[("participatiewet", True)] == 10 and regels[("jeugdwet", True)] == 15
    assert not Bewaartermijn.objects.filter(actief=True).exists()


def test_term_per_law_and_outcome_runs_from_the_end(kern):
    wmo_met = gesloten("wmo", met_voorziening=True, kern=kern)
    wmo_zonder = gesloten("wmo", met_voorziening=False, kern=kern)
    pw = gesloten("participatiewet", met_voorziening=True, kern=kern)
    jeugd = gesloten("jeugdwet", met_voorziening=False, kern=kern)
    regel = {(r.wet, r.met_voorziening): r for r in Bewaartermijn.objects.all()}

    def due(casus, op):
        return (
            voorbij_termijn(regel[(casus.wet, Voorziening.objects.filter(casus=casus).exists())], op)
            .filter(pk=casus.pk)
            .exists()
        )

    assert not due(wmo_zonder, over(4)) and due(wmo_zonder, over(5))
    assert not due(wmo_met, over(14)) and due(wmo_met, over(15))
    assert not due(pw, over(9)) and due(pw, over(10))
    assert not due(jeugd, over(14)) and due(jeugd, over(15))


def test_an_open_case_is_never_due(kern):
    CasusFactory(inwoner=InwonerFactory(kern=kern), maatwerk=True)
    for regel in Bewaartermijn.objects.all():
        assert not voorbij_termijn(regel, over(50)).exists()


def raadcijfers():
    casussen = list(
        Casus.objects.annotate(jaar=ExtractYear("aangemaakt"))
        .values("wet", "kern", "fase", "afsluitreden", "jaar", "crisis")
        .annotate(n=Count("pk"))
        .order_by("wet", "kern", "fase", "jaar")
    )
    voorzieningen = list(
        Voorziening.objects.values("product__naam", "startdatum", "einddatum")
        .annotate(n=Count("pk"), volume=Sum("volume"))
        .order_by("product__naam")
    )
    return casussen, voorzieningen


def test_dry_run_changes_nothing_then_anonymising_keeps_the_raad_figures(kern, monkeypatch):
    wmo = gesloten("wmo", met_voorziening=True, kern=kern)
    jong = gesloten("wmo", met_voorziening=False, kern=kern)
    inwoner, bsn = wmo.inwoner, wmo.inwoner.bsn
    rapport = {(r.regel.wet, r.regel.met_voorziening): r.aantal for r in proefrapport(over(15))}
    assert rapport[("wmo", True)] == 1 and rapport[("wmo", False)] == 1
    # all rules still dry run
    assert _personen(bewaartermijnen_toepassen(over(15))) == {"casussen": 0, "inwoners": 0}
    assert Casus.objects.get(pk=wmo.pk).hulpvraag.startswith("Geheim")

    notitie = CasusGebeurtenis.objects.create(
        casus=wmo, soort="notitie", tijdstip=timezone.now(), tekst="Geheime notitie", gegevens={"x": 1}
    )
    voor = raadcijfers()
    Bewaartermijn.objects.filter(wet="wmo", met_voorziening=True).update(actief=True)
    assert _personen(bewaartermijnen_toepassen(over(15))) == {"casussen": 1, "inwoners": 1}
    assert raadcijfers() == voor

    wmo.refresh_from_db()
    inwoner.refresh_from_db()
    assert wmo.hulpvraag == ANONIEM and wmo.geanonimiseerd_op is not None
    notitie.refresh_from_db()
    assert (notitie.tekst, notitie.gegevens, notitie.soort) == (ANONIEM, {}, "notitie")
    assert inwoner.bsn != bsn and inwoner.achternaam == "Geanonimiseerd" and not inwoner.voornamen
    assert inwoner.geboortedatum == datetime.date(inwoner.geboortedatum.year, 1, 1) and not inwoner.straat
    assert inwoner.huishouden.naam == "Huishouden (geanonimiseerd)"
    assert Casus.objects.get(pk=jong.pk).hulpvraag.startswith("Geheim")  # other rule, still dry run
    rows = Verwerking.objects.filter(handeling="vernietigen")
    assert {(r.object_type, r.inwoner_id, r.casus_nummer) for r in rows} == {
        ("casus", inwoner.pk, wmo.nummer),
        ("inwoner", inwoner.pk, ""),
    }
    # a second night finds nothing new
    assert _personen(bewaartermijnen_toepassen(over(15))) == {"casussen": 0, "inwoners": 0}
    assert rows.count() == 2


def test_a_person_with_an_open_case_keeps_name_and_bsn(kern):
    oud = gesloten("wmo", met_voorziening=False, kern=kern)
    CasusFactory(inwoner=oud.inwoner, maatwerk=True)
    Bewaartermijn.objects.update(actief=True)
    assert _personen(bewaartermijnen_toepassen(over(6))) == {"casussen": 1, "inwoners": 0}
    assert Inwoner.objects.get(pk=oud.inwoner_id).achternaam == oud.inwoner.achternaam


def test_the_nightly_task_runs_the_active_rules(kern, monkeypatch):
    gesloten("wmo", met_voorziening=False, kern=kern)
    Bewaartermijn.objects.update(actief=True)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: over(6))
    bewaartermijnen_taak.apply()
    assert Casus.objects.get().hulpvraag == ANONIEM


def test_beheerder_sees_the_dry_run_report_without_case_content(client_for, beheerder, consultant, kern):
    casus = gesloten("wmo", met_voorziening=False, kern=kern)
    response = client_for(beheerder).get("/backoffice/bewaartermijnen/")
    html = response.content.decode()
    assert response.status_code == 200 and "proefrapport" in html
    assert casus.nummer not in html and casus.inwoner.achternaam not in html
    assert client_for(consultant).get("/backoffice/bewaartermijnen/").status_code == 403


def test_the_timeline_stays_append_only_except_anonymising_an_anonymised_case(kern):
    from django.db import transaction
    from django.db.utils import InternalError, ProgrammingError

    casus = gesloten("wmo", met_voorziening=False, kern=kern)
    event = CasusGebeurtenis.objects.create(casus=casus, soort="notitie", tijdstip=timezone.now(), tekst="x")
    eigen = CasusGebeurtenis.objects.filter(pk=event.pk)
    with pytest.raises((ProgrammingError, InternalError)), transaction.atomic():
        eigen.update(tekst=ANONIEM, gegevens={})  # the case is not anonymised
    Casus.objects.filter(pk=casus.pk).update(geanonimiseerd_op=timezone.now())
    with pytest.raises((ProgrammingError, InternalError)), transaction.atomic():
        eigen.update(tekst="iets anders")
    with pytest.raises((ProgrammingError, InternalError)), transaction.atomic():
        eigen.update(tekst=ANONIEM, gegevens={}, soort="besluit")
    eigen.update(tekst=ANONIEM, gegevens={})
    assert eigen.get().tekst == ANONIEM


@pytest.mark.parametrize("jaren", [4, 5, 9, 10, 14, 15, 16])
def test_the_dry_run_report_counts_what_each_rule_selects(kern, jaren):
    """proefrapport (one query for all rules) and voorbij_termijn (the selection the nightly task
    anonymises) must agree, rule by rule, on every boundary."""
    for wet in ("wmo", "participatiewet", "jeugdwet"):
        for met in (True, False):
            gesloten(wet, met_voorziening=met, kern=kern)
    CasusFactory(inwoner=InwonerFactory(kern=kern), maatwerk=True)  # open: never counted
    op = over(jaren)
    for r in proefrapport(op):
        selectie = voorbij_termijn(r.regel, op)
        assert r.aantal == selectie.count(), r.regel
        oudste = min((c.einde for c in selectie), default=None)
        assert r.oudste_einde == oudste, r.regel


RAPPORT = "/backoffice/bewaartermijnen/"


def _aantallen():
    return {(r.wet, r.met_voorziening): r.proef_aantal for r in Bewaartermijn.objects.all()}


def test_the_report_stores_its_dry_run_and_reads_it_back_without_counting_again(
    client_for, beheerder, kern, monkeypatch
):
    from backoffice import bewaartermijnen

    gesloten("wmo", met_voorziening=False, kern=kern)
    client = client_for(beheerder)
    assert client.get(RAPPORT).status_code == 200
    assert all(r.proef_berekend_op is not None for r in Bewaartermijn.objects.all())

    def niet_opnieuw(*a, **k):
        raise AssertionError("het proefrapport is opnieuw geteld")

    monkeypatch.setattr(bewaartermijnen, "proefrapport", niet_opnieuw)
    response = client.get(RAPPORT)
    assert response.status_code == 200 and 'data-testid="proef-berekend-op"' in response.content.decode()


def test_a_changed_rule_or_a_new_day_makes_the_report_count_again(client_for, beheerder, kern, monkeypatch):
    gesloten("wmo", met_voorziening=False, kern=kern)  # closed 1 March 2026
    client = client_for(beheerder)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: over(4))
    client.get(RAPPORT)
    assert _aantallen()[("wmo", False)] == 0  # 5 years: not yet

    regel = Bewaartermijn.objects.get(wet="wmo", met_voorziening=False)
    regel.jaren = 3
    regel.save()  # as the admin does
    assert Bewaartermijn.objects.get(pk=regel.pk).proef_berekend_op is None
    client.get(RAPPORT)
    assert _aantallen()[("wmo", False)] == 1

    # Back to 5 years behind the model's back (the stored dry run still says 1), computed on an
    # earlier day: the report counts again.
    Bewaartermijn.objects.filter(pk=regel.pk).update(jaren=5)
    Bewaartermijn.objects.update(proef_berekend_op=timezone.now() - datetime.timedelta(days=2))
    client.get(RAPPORT)
    assert _aantallen()[("wmo", False)] == 0


def test_the_beheerder_can_count_again_now_and_the_nightly_task_counts(client_for, beheerder, kern):
    gesloten("wmo", met_voorziening=False, kern=kern)
    response = client_for(beheerder).post(RAPPORT)
    assert response.status_code == 302
    assert all(r.proef_berekend_op is not None for r in Bewaartermijn.objects.all())
    Bewaartermijn.objects.update(proef_berekend_op=None, proef_aantal=None)
    bewaartermijnen_taak.apply()
    assert all(r.proef_aantal is not None for r in Bewaartermijn.objects.all())
