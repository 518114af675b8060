"""The consultant's path through the screens: from the case page to a previewed, confirmed and
downloaded beschikking; the household view; constant queries; one letter on a double confirm."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from altena.models import Verwerking
from documenten.models import Brief
from documenten.services import BriefAlVerzonden, brief_verzenden
from tests.factories.altena import UserFactory
from tests.factories.netwerk import TeamFactory

from .conftest import lang, pdf_tekst


def brief_url(besluit):
    return f"/documenten/casus/{besluit.casus.nummer}/brief/beschikking_toekenning/{besluit.pk}/"


@pytest.mark.django_db
def test_voorbeeld_bevestigen_en_downloaden(client_for, consultant, besluit_met_voorziening):
    besluit = besluit_met_voorziening
    client = client_for(consultant)
    casuspagina = client.get(f"/backoffice/casus/{besluit.casus.nummer}/").content.decode()
    assert "Brieven en documenten" in casuspagina
    overzicht = client.get(f"/documenten/casus/{besluit.casus.nummer}/").content.decode()
    assert brief_url(besluit) in overzicht

    form = client.get(brief_url(besluit))
    assert form.status_code == 200 and "Bevestigen en verzenden" not in form.content.decode()
    vandaag = timezone.localdate().isoformat()
    voorbeeld = client.post(brief_url(besluit), {"verzonden_op": vandaag, "kanaal": "post", "voorbeeld": "1"})
    html = voorbeeld.content.decode()
    assert "Hulp bij het huishouden" in html and "Thuiszorg De Waard" in html
    assert "Bevestigen en verzenden" in html
    assert not Brief.objects.exists()

    response = client.post(
        brief_url(besluit),
        {"verzonden_op": vandaag, "kanaal": "post", "vrije_tekst": "Tot ziens.", "bevestigen": "1"},
    )
    assert response.status_code == 302
    brief = Brief.objects.get()
    assert brief.kanaal == "post" and brief.door == consultant
    assert "Tot ziens." in pdf_tekst(brief)
    casuspagina = client.get(f"/backoffice/casus/{besluit.casus.nummer}/").content.decode()
    assert f"/documenten/casus/{besluit.casus.nummer}/brief/{brief.pk}/pdf/" in casuspagina
    assert "Brief verzonden" in casuspagina  # on the timeline

    pdf = client.get(f"/documenten/casus/{besluit.casus.nummer}/brief/{brief.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert (
        Verwerking.objects.filter(object_type="brief", object_id=str(brief.pk), handeling="lezen").count()
        == 1
    )

    nogmaals = client.post(brief_url(besluit), {"verzonden_op": vandaag, "kanaal": "post", "bevestigen": "1"})
    assert nogmaals.status_code == 302
    assert Brief.objects.count() == 1


@pytest.mark.django_db
def test_ontbrekende_gegevens_gemeld_bij_het_voorbeeld(client_for, consultant, besluit_met_voorziening):
    v = besluit_met_voorziening.voorzieningen.get()
    v.leveringsvorm, v.aanbieder = "pgb", None
    v.save()
    response = client_for(consultant).post(
        brief_url(besluit_met_voorziening),
        {"verzonden_op": timezone.localdate().isoformat(), "kanaal": "post", "voorbeeld": "1"},
    )
    html = response.content.decode()
    assert "De brief kan nog niet worden verzonden. Er ontbreekt:" in html
    assert "een pgb zonder bedrag" in html
    assert "Bevestigen en verzenden" not in html


@pytest.mark.django_db
def test_slechte_invoer_bij_de_velden(client_for, consultant, besluit_met_voorziening):
    response = client_for(consultant).post(
        brief_url(besluit_met_voorziening), {"verzonden_op": "morgen", "kanaal": "duif", "bevestigen": "1"}
    )
    form = response.context["form"]
    assert form.errors["verzonden_op"] == ["Vul een geldige datum in."]
    assert "kanaal" in form.errors
    assert not Brief.objects.exists()


@pytest.mark.django_db
def test_brief_van_een_andere_casus_of_onbekende_soort_is_404(
    client_for, consultant, besluit_met_voorziening
):
    nummer = besluit_met_voorziening.casus.nummer
    client = client_for(consultant)
    assert (
        client.get(f"/documenten/casus/{nummer}/brief/onzin/{besluit_met_voorziening.pk}/").status_code == 404
    )
    assert (
        client.get(
            f"/documenten/casus/{nummer}/brief/beschikking_afwijzing/{besluit_met_voorziening.pk}/"
        ).status_code
        == 404
    )
    assert client.get(f"/documenten/casus/{nummer}/brief/999999/pdf/").status_code == 404


@pytest.mark.django_db
def test_ander_team_ziet_de_brief_niet(client_for, consultant, besluit_met_voorziening):
    brief = brief_verzenden(
        casus=besluit_met_voorziening.casus,
        soort="beschikking_toekenning",
        obj=besluit_met_voorziening,
        verzonden_op=timezone.localdate(),
        kanaal="email",
        door=consultant,
    )
    ander = UserFactory(username="ander", rollen=["Consultant"])
    TeamFactory(naam="Team Woudrichem", leden=[ander])
    url = f"/documenten/casus/{brief.casus.nummer}/brief/{brief.pk}/pdf/"
    assert client_for(ander).get(url).status_code == 404


@pytest.mark.django_db
def test_huishoudoverzicht_toont_de_brieven(client_for, consultant, besluit_met_voorziening):
    from tests.factories.intake import HuishoudenFactory

    casus = besluit_met_voorziening.casus
    huishouden = HuishoudenFactory(naam="Huishouden Verbeek")
    casus.inwoner.huishouden = huishouden
    casus.inwoner.save()
    brief = brief_verzenden(
        casus=casus,
        soort="beschikking_toekenning",
        obj=besluit_met_voorziening,
        verzonden_op=timezone.localdate(),
        kanaal="portaal",
        door=consultant,
    )
    html = client_for(consultant).get(f"/intake/huishouden/{huishouden.pk}/").content.decode()
    assert f"/documenten/casus/{casus.nummer}/brief/{brief.pk}/pdf/" in html


@pytest.mark.django_db
def test_overzicht_vast_aantal_queries(client_for, consultant, besluit_met_voorziening):
    from tests.factories.documenten import CasusDocumentFactory

    casus = besluit_met_voorziening.casus
    client = client_for(consultant)
    CasusDocumentFactory(casus=casus)
    url = f"/documenten/casus/{casus.nummer}/"
    client.get(url)
    with CaptureQueriesContext(connection) as een:
        assert client.get(url).status_code == 200
    CasusDocumentFactory.create_batch(24, casus=casus)
    with CaptureQueriesContext(connection) as veel:
        assert client.get(url).status_code == 200
    assert len(veel) == len(een)


@pytest.mark.django_db(transaction=True)
def test_twee_consulenten_bevestigen_tegelijk_een_brief(gemeente, besluit_met_voorziening, consultant):
    collega = UserFactory(username="collega", rollen=["Consultant"])
    start = threading.Barrier(2)
    uitkomst = []

    def bevestig(user):
        try:
            start.wait()
            brief_verzenden(
                casus=besluit_met_voorziening.casus,
                soort="beschikking_toekenning",
                obj=besluit_met_voorziening,
                verzonden_op=timezone.localdate(),
                kanaal="post",
                door=user,
            )
            uitkomst.append("verzonden")
        except BriefAlVerzonden:
            uitkomst.append("al verzonden")
        except Exception as exc:  # noqa: BLE001 - reported by the assertion
            uitkomst.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=bevestig, args=(u,)) for u in (consultant, collega)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(uitkomst) == ["al verzonden", "verzonden"]
    assert Brief.objects.count() == 1
    brief = Brief.objects.get()
    assert lang(brief.einde_bezwaartermijn) in pdf_tekst(brief)
