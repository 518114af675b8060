"""Concurrency: two consultants claiming one melding at once (one wins, the other is told), and a
stale form (older versie) that is refused without overwriting anything."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from altena.access import Rol
from backoffice import services
from backoffice.models import Aanvraag
from intake.models import Casus
from intake.services import VersieConflict
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory
from tests.factories.netwerk import TeamFactory


@pytest.mark.django_db(transaction=True)
def test_twee_consulenten_claimen_tegelijk_een_wint():
    Group.objects.get_or_create(name=Rol.CONSULTANT)
    anna = UserFactory(username="anna", rollen=[Rol.CONSULTANT])
    bert = UserFactory(username="bert", rollen=[Rol.CONSULTANT])
    team = TeamFactory(leden=[anna, bert])
    casus = CasusFactory(maatwerk=True, team=team)
    start = threading.Barrier(2)
    uitkomst = {}

    def claim(user):
        try:
            start.wait()
            services.casus_claimen(casus=Casus.objects.get(pk=casus.pk), door=user)
            uitkomst[user.username] = "gewonnen"
        except services.AlInBehandeling as fout:
            uitkomst[user.username] = fout.messages[0]
        except Exception as fout:  # noqa: BLE001 - reported by the assertion below
            uitkomst[user.username] = repr(fout)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim, args=(u,)) for u in (anna, bert)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(uitkomst) == ["anna", "bert"]
    winnaars = [naam for naam, uit in uitkomst.items() if uit == "gewonnen"]
    assert len(winnaars) == 1
    verliezer = "bert" if winnaars == ["anna"] else "anna"
    assert "is zojuist al in behandeling genomen door" in uitkomst[verliezer]
    casus.refresh_from_db()
    assert casus.behandelaar.username == winnaars[0]
    assert casus.gebeurtenissen.filter(soort="toegewezen").count() == 1


@pytest.mark.django_db
def test_verouderd_formulier_overschrijft_niets(vandaag, opschalen, consultant):
    casus = services.casus_claimen(casus=opschalen("wmo"), door=consultant)
    oude_versie = casus.versie
    services.plan_ontvangen(
        casus=casus, ontvangen_op=vandaag, samenvatting="Plan", door=consultant, versie=oude_versie
    )
    with pytest.raises(VersieConflict) as fout:
        services.aanvraag_ontvangen(
            casus=casus, ontvangen_op=vandaag, omschrijving="Begeleiding", door=consultant, versie=oude_versie
        )
    assert "intussen gewijzigd" in str(fout.value)
    assert not Aanvraag.objects.exists()
    casus.refresh_from_db()
    assert casus.fase == "melding"


@pytest.mark.django_db
def test_verouderd_formulier_in_de_browser_houdt_invoer(vandaag, opschalen, consultant, client_for):
    casus = services.casus_claimen(casus=opschalen("wmo"), door=consultant)
    oude_versie = casus.versie
    services.plan_ontvangen(casus=casus, ontvangen_op=vandaag, samenvatting="Plan", door=consultant)
    response = client_for(consultant).post(
        f"/backoffice/casus/{casus.nummer}/aanvraag/",
        {"versie": oude_versie, "ontvangen_op": "2026-03-02", "omschrijving": "Mijn unieke omschrijving"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "intussen gewijzigd" in html
    assert "Mijn unieke omschrijving" in html
    assert not Aanvraag.objects.exists()


def _wacht_tot_een_sessie_op_een_lock_wacht(timeout=10.0):
    """Poll pg_stat_activity until another session of this database waits on a lock."""
    import time

    einde = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < einde:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # else one snapshot per transaction
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_feestdag_herberekening_overschrijft_geen_gelijktijdige_hervatting(vandaag, opschalen, consultant):
    """A beheerder adds a decreed feestdag while a consultant resumes a paused term: the recompute
    must wait for the consultant and use the resumed term, not write back the stale pause."""
    from datetime import date

    from django.db import transaction

    from backoffice.models import Feestdag, Termijn

    casus = services.casus_claimen(casus=opschalen("wmo"), door=consultant)
    services.aanvraag_ontvangen(
        casus=casus, ontvangen_op=vandaag, omschrijving="Begeleiding", door=consultant
    )
    termijn = Termijn.objects.get(casus=casus, soort="wmo_beschikking")
    services.termijn_opschorten(termijn=termijn, van=date(2026, 3, 5), reden="Stukken", door=consultant)
    fout = []

    def beheerder():
        try:
            Feestdag.objects.create(datum=date(2026, 3, 20), omschrijving="Proefdag", grondslag="test")
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            fout.append(repr(exc))
        finally:
            connection.close()

    draad = threading.Thread(target=beheerder)
    with transaction.atomic():
        services.termijn_hervatten(termijn=termijn, tot=date(2026, 3, 15), door=consultant)
        draad.start()
        assert _wacht_tot_een_sessie_op_een_lock_wacht()
    draad.join(timeout=30)
    assert not fout
    termijn.refresh_from_db()
    assert termijn.opgeschort_sinds is None
    assert termijn.opgeschort_dagen == 10
    assert termijn.uiterste_datum == date(2026, 3, 26)  # 16-3 + 10 days opgeschort
