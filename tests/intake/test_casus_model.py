"""The shared case model: numbering, the transition table, optimistic locking, the timeline."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.utils import InternalError, ProgrammingError

from intake.models import Casus, CasusGebeurtenis
from intake.models.casus import VOORDEUR_VOLGORDE
from intake.services import (
    OvergangNietToegestaan,
    VersieConflict,
    casus_aanmaken,
    casus_bijwerken,
    casus_overgang,
    volgend_casusnummer,
)
from intake.workflow import TRANSITIONS, Fase, Route
from tests.factories.intake import CasusFactory, InwonerFactory

pytestmark = pytest.mark.django_db


def test_case_number_has_year_and_six_digits():
    nummer = volgend_casusnummer(jaar=2026)
    assert nummer.startswith("2026-") and len(nummer) == 11
    assert volgend_casusnummer(jaar=2026) == f"2026-{int(nummer[5:]) + 1:06d}"


@pytest.mark.django_db(transaction=True)
def test_case_numbers_unique_under_concurrency():
    """Eight threads with their own database connections draw 25 numbers each at once."""
    results, errors = [], []
    barrier = threading.Barrier(8)

    def draw():
        try:
            barrier.wait()
            for _ in range(25):
                with transaction.atomic():
                    results.append(volgend_casusnummer(jaar=2030))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=draw) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 200
    assert len(set(results)) == 200
    assert max(results) == "2030-000200"


def test_casus_aanmaken_writes_timeline_and_is_idempotent_per_token(frontoffice, kern):
    import uuid

    inwoner = InwonerFactory(kern=kern)
    token = uuid.uuid4()
    kwargs = dict(
        inwoner=inwoner,
        door=frontoffice,
        hulpvraag="Hulp bij het huishouden",
        kanaal="balie",
        leefgebieden=["instrumentele_adl"],
        indienings_token=token,
    )
    first = casus_aanmaken(**kwargs)
    second = casus_aanmaken(**kwargs)
    assert first.pk == second.pk
    assert Casus.objects.count() == 1
    assert list(first.gebeurtenissen.values_list("soort", flat=True)) == ["aangemaakt"]


def test_the_case_number_is_drawn_last_so_its_lock_covers_only_the_writes(frontoffice, kern):
    """The counter's row lock lasts until commit and serialises every registration of the year: after
    drawing the number only the case, its timeline event and savepoints run, no checks or reads."""
    from django.test.utils import CaptureQueriesContext

    inwoner = InwonerFactory(kern=kern)
    with CaptureQueriesContext(connection) as queries:
        casus_aanmaken(inwoner=inwoner, door=frontoffice, hulpvraag="Hulp bij de administratie",
                       kanaal="telefoon", leefgebieden=["financien"])  # fmt: skip
    sql = [q["sql"].strip() for q in queries.captured_queries]
    teller = next(i for i, q in enumerate(sql) if "intake_casusnummerteller" in q)
    na = [q.split()[0].upper() for q in sql[teller + 1 :]]
    assert set(na) <= {"INSERT", "SAVEPOINT", "RELEASE"}, sql[teller + 1 :]
    assert sum(q.startswith('INSERT INTO "intake_casus"') for q in sql[teller + 1 :]) == 1
    assert any("SELECT" in q for q in sql[:teller])  # the checks ran, before the number


def test_transition_table_refuses_unlisted_transition(frontoffice):
    casus = CasusFactory()
    assert (Fase.AANGEMELD, Fase.BESLUIT) not in TRANSITIONS
    with pytest.raises(OvergangNietToegestaan) as exc:
        casus_overgang(casus=casus, naar=Fase.BESLUIT, door=frontoffice)
    assert "kan niet van fase 'Aangemeld' naar 'Besluit'" in exc.value.messages[0]
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD
    assert casus.versie == 1
    assert not casus.gebeurtenissen.exists()


def test_listed_transition_moves_fase_route_and_writes_event(frontoffice):
    casus = CasusFactory()
    casus = casus_overgang(casus=casus, naar=Fase.VERWEZEN, door=frontoffice, tekst="Naar welzijn")
    assert (casus.fase, casus.route, casus.versie) == (Fase.VERWEZEN, Route.VOORLIGGEND_VELD, 2)
    event = casus.gebeurtenissen.get()
    assert (event.fase_van, event.fase_naar, event.actor) == (Fase.AANGEMELD, Fase.VERWEZEN, frontoffice)


def test_maatwerk_fase_requires_a_law_in_the_database(frontoffice):
    casus = CasusFactory()
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            casus_overgang(casus=casus, naar=Fase.MELDING, door=frontoffice)


def test_stale_save_is_refused_and_nothing_is_overwritten(frontoffice):
    casus = CasusFactory(hulpvraag="origineel")
    form_a_versie = casus.versie
    casus_bijwerken(casus=casus, versie=form_a_versie, door=frontoffice, hulpvraag="eerste wijziging")
    with pytest.raises(VersieConflict) as exc:
        casus_bijwerken(casus=casus, versie=form_a_versie, door=frontoffice, hulpvraag="verouderde wijziging")
    assert "intussen gewijzigd" in str(exc.value)
    casus.refresh_from_db()
    assert casus.hulpvraag == "eerste wijziging"
    assert casus.versie == 2


def test_stale_transition_is_refused(frontoffice):
    casus = CasusFactory()
    casus_bijwerken(casus=casus, versie=1, door=frontoffice, crisis=True)
    with pytest.raises(VersieConflict):
        casus_overgang(casus=casus, naar=Fase.AFGEHANDELD, door=frontoffice, versie=1)
    casus.refresh_from_db()
    assert casus.fase == Fase.AANGEMELD


def test_timeline_is_append_only_in_the_database(frontoffice):
    casus = casus_overgang(casus=CasusFactory(), naar=Fase.AFGEHANDELD, door=frontoffice)
    event = casus.gebeurtenissen.get()
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises((ProgrammingError, InternalError)):
        with transaction.atomic():
            CasusGebeurtenis.objects.filter(pk=event.pk).update(tekst="vervalst")


def test_closed_case_can_be_reopened_only_to_aangemeld(teamleider):
    casus = CasusFactory(afgesloten=True)
    with pytest.raises(OvergangNietToegestaan):
        casus_overgang(casus=casus, naar=Fase.VERWEZEN, door=teamleider)
    casus = casus_overgang(casus=casus, naar=Fase.AANGEMELD, door=teamleider, tekst="Heropend: nieuwe vraag")
    assert casus.afsluitreden == "" and casus.afgesloten_op is None


def test_work_order_is_crisis_then_waiting_for_triage_then_oldest():
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    oud_verwezen = CasusFactory(
        fase=Fase.VERWEZEN, route=Route.VOORLIGGEND_VELD, aangemaakt=now - timedelta(days=90)
    )
    nieuw_aangemeld = CasusFactory(aangemaakt=now - timedelta(days=1))
    ouder_aangemeld = CasusFactory(aangemaakt=now - timedelta(days=3))
    crisis = CasusFactory(crisis=True, fase=Fase.VERWEZEN, route=Route.VOORLIGGEND_VELD, aangemaakt=now)
    volgorde = Casus.objects.order_by(*VOORDEUR_VOLGORDE, "pk")  # the front-door queue's keys
    assert list(volgorde) == [crisis, ouder_aangemeld, nieuw_aangemeld, oud_verwezen]


def test_gebeurtenissen_bulk_sql_voegt_tijdlijnregels_toe_zoals_de_service():
    """The bulk equivalent of gebeurtenis_toevoegen (used by the signalen sweeps) writes the same
    kind of append-only event, with table and column names from the model."""
    from django.db import connection

    from intake.models import CasusGebeurtenis
    from intake.services import gebeurtenissen_bulk_sql

    casus = CasusFactory()
    bron = (
        "(SELECT %s::bigint AS casus_id, 'signaal'::text AS soort, now() AS tijdstip, 'Test'::text AS tekst, "
    )
    bron += "'{\"signaal\": 1}'::jsonb AS gegevens)"
    with connection.cursor() as cursor:
        cursor.execute(gebeurtenissen_bulk_sql(bron), [casus.pk])
    event = CasusGebeurtenis.objects.get(casus=casus, soort="signaal")
    assert (event.tekst, event.gegevens, event.actor, event.fase_naar) == ("Test", {"signaal": 1}, None, "")
    assert CasusGebeurtenis._meta.db_table in gebeurtenissen_bulk_sql("x")
