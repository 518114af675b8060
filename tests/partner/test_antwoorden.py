"""A partner's answers (accept, decline, first contact, terugkoppeling, opschaling) each land on the
case's timeline and in the referring staff member's signals; bad input changes nothing."""

import datetime

import pytest
from django.utils import timezone

from intake.models import CasusGebeurtenis, Verwijzing
from intake.workflow import Fase
from signalen.models import Doel, Signaal, SignaalSoort
from signalen.services import standaardregels_aanmaken

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regels(db):
    standaardregels_aanmaken()


def post(client, verwijzing, actie, capture, **velden):
    data = {f"{actie}-versie": Verwijzing.objects.get(pk=verwijzing.pk).versie}
    data.update({f"{actie}-{k}": v for k, v in velden.items()})
    with capture(execute=True):
        return client.post(f"/partner/verwijzing/{verwijzing.pk}/{actie}/", data)


def laatste_antwoord(verwijzing):
    return CasusGebeurtenis.objects.filter(casus=verwijzing.casus, soort="terugkoppeling").latest("id")


def test_accept_lands_on_the_timeline_and_in_the_referrers_signals(
    pw, verwijzing, frontoffice, medewerker, django_capture_on_commit_callbacks
):
    response = post(pw, verwijzing, "accepteren", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    verwijzing.refresh_from_db()
    assert verwijzing.status == "geaccepteerd" and verwijzing.geaccepteerd_op is not None
    g = laatste_antwoord(verwijzing)
    assert (g.actor, g.gegevens["actie"], g.gegevens["bron"]) == (
        medewerker.gebruiker,
        "geaccepteerd",
        "partner",
    )
    assert "Welzijn Sleeuwijk: verwijzing geaccepteerd" in g.tekst
    signaal = Signaal.objects.get(regel=SignaalSoort.PARTNER_TERUGKOPPELING)
    assert (signaal.ontvanger, signaal.casus) == (frontoffice, verwijzing.casus)


def test_decline_needs_a_reason_and_then_signals(
    pw, verwijzing, frontoffice, django_capture_on_commit_callbacks
):
    response = post(pw, verwijzing, "afwijzen", django_capture_on_commit_callbacks, reden="  ")
    assert response.status_code == 200
    assert "Geef de reden" in response.content.decode()
    verwijzing.refresh_from_db()
    assert verwijzing.status == "verstuurd" and not Signaal.objects.exists()

    response = post(
        pw, verwijzing, "afwijzen", django_capture_on_commit_callbacks, reden="Wij hebben geen plek."
    )
    assert response.status_code == 302
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.terugkoppeling_tekst) == ("afgewezen", "Wij hebben geen plek.")
    assert "afgewezen. Reden: Wij hebben geen plek." in laatste_antwoord(verwijzing).tekst
    signaal = Signaal.objects.get(regel=SignaalSoort.VERWIJZING_AFGEWEZEN)
    assert signaal.ontvanger == frontoffice and "geen plek" in signaal.tekst
    # and on the timeline as a signal
    assert CasusGebeurtenis.objects.filter(casus=verwijzing.casus, soort="signaal").count() == 1


def test_first_contact_and_progress_and_closing(
    pw, verwijzing, frontoffice, django_capture_on_commit_callbacks
):
    post(pw, verwijzing, "accepteren", django_capture_on_commit_callbacks)
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = post(pw, verwijzing, "eerste-contact", django_capture_on_commit_callbacks, datum=morgen)
    assert "toekomst" in response.content.decode()
    vandaag = timezone.localdate()
    post(pw, verwijzing, "eerste-contact", django_capture_on_commit_callbacks, datum=vandaag.isoformat())
    post(
        pw, verwijzing, "terugkoppeling", django_capture_on_commit_callbacks, tekst="Eerste bezoek ging goed."
    )
    verwijzing.refresh_from_db()
    assert (verwijzing.eerste_contact_op, verwijzing.status) == (vandaag, "geaccepteerd")
    assert "voortgang: Eerste bezoek ging goed." in laatste_antwoord(verwijzing).tekst
    post(
        pw,
        verwijzing,
        "terugkoppeling",
        django_capture_on_commit_callbacks,
        tekst="Gaat naar de soos.",
        uitkomst="doel_bereikt",
    )
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.uitkomst) == ("afgerond", "doel_bereikt")
    assert "afgerond (doel bereikt)" in laatste_antwoord(verwijzing).tekst
    # accept, first contact, progress, closed: four answers, four signals to the referrer
    assert (
        Signaal.objects.filter(regel=SignaalSoort.PARTNER_TERUGKOPPELING, ontvanger=frontoffice).count() == 4
    )


def test_opschaling_request_signals_the_referring_team_and_opschalen_is_one_step(
    pw, verwijzing, frontoffice, teamleider, client_for, django_capture_on_commit_callbacks
):
    response = post(pw, verwijzing, "opschaling", django_capture_on_commit_callbacks, reden="")
    assert "Geef de reden" in response.content.decode()
    post(
        pw,
        verwijzing,
        "opschaling",
        django_capture_on_commit_callbacks,
        reden="Er spelen ook grote schulden.",
    )
    verwijzing.refresh_from_db()
    assert verwijzing.opschaling_reden == "Er spelen ook grote schulden."
    assert (
        "vraagt opschaling naar maatwerk: Er spelen ook grote schulden." in laatste_antwoord(verwijzing).tekst
    )
    signalen = Signaal.objects.filter(regel=SignaalSoort.PARTNER_OPSCHALING)
    assert {(s.doel, s.ontvanger, s.team) for s in signalen} == {
        (Doel.PERSOON, frontoffice, None),
        (Doel.TEAMLEIDER, None, verwijzing.casus.team),
    }
    fo = client_for(frontoffice)
    persoonlijk = signalen.get(doel=Doel.PERSOON)
    case_page = fo.get(f"/signalen/{persoonlijk.pk}/", follow=True).content.decode()
    assert "vraagt opschaling naar maatwerk" in case_page
    url = f"/intake/casus/{verwijzing.casus.nummer}/opschalen/?verwijzing={verwijzing.pk}"
    assert url.replace("&", "&amp;") in case_page or url in case_page
    form = fo.get(url).context["form"]
    assert "Er spelen ook grote schulden." in form.initial["reden"]
    response = fo.post(
        url,
        {
            "versie": verwijzing.casus.versie,
            "wet": "participatiewet",
            "reden": form.initial["reden"],
            "meldingsdatum": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    casus = type(verwijzing.casus).objects.get(pk=verwijzing.casus_id)
    assert (casus.fase, casus.wet) == (Fase.MELDING, "participatiewet")
    assert client_for(teamleider).get("/signalen/").content.decode().count("vraagt opschaling") >= 1


def test_closing_with_more_needed_also_asks_opschaling(pw, verwijzing, django_capture_on_commit_callbacks):
    post(pw, verwijzing, "accepteren", django_capture_on_commit_callbacks)
    post(
        pw,
        verwijzing,
        "terugkoppeling",
        django_capture_on_commit_callbacks,
        tekst="Er is meer nodig: begeleiding thuis.",
        uitkomst="meer_nodig",
    )
    assert Signaal.objects.filter(regel=SignaalSoort.PARTNER_OPSCHALING).count() == 2


def test_a_stale_version_or_wrong_status_changes_nothing(pw, verwijzing, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = pw.post(f"/partner/verwijzing/{verwijzing.pk}/accepteren/", {"accepteren-versie": 99})
    assert "intussen gewijzigd" in response.content.decode()
    response = post(pw, verwijzing, "terugkoppeling", django_capture_on_commit_callbacks, tekst="Te vroeg")
    assert "Dit kan niet" in pw.get(response["Location"]).content.decode()
    response = pw.post(f"/partner/verwijzing/{verwijzing.pk}/onzin/", {})
    assert response.status_code == 404
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.versie) == ("verstuurd", 1)
    assert not CasusGebeurtenis.objects.filter(casus=verwijzing.casus, soort="terugkoppeling").exists()


def test_staff_still_record_feedback_for_partners_without_an_account(client_for, frontoffice, verwijzing):
    response = client_for(frontoffice).post(
        f"/intake/verwijzing/{verwijzing.pk}/terugkoppeling/",
        {
            "versie": 1,
            "status": "geaccepteerd",
            "datum": timezone.localdate().isoformat(),
            "tekst": "Telefonisch",
        },
    )
    assert response.status_code == 302
    verwijzing.refresh_from_db()
    assert verwijzing.status == "geaccepteerd" and verwijzing.geaccepteerd_op is not None


def test_the_desk_worker_sees_the_answers_on_the_case(
    pw, client_for, frontoffice, verwijzing, django_capture_on_commit_callbacks
):
    post(pw, verwijzing, "accepteren", django_capture_on_commit_callbacks)
    post(
        pw, verwijzing, "terugkoppeling", django_capture_on_commit_callbacks, tekst="Eerste bezoek ging goed."
    )
    html = client_for(frontoffice).get(f"/intake/casus/{verwijzing.casus.nummer}/").content.decode()
    assert "Geaccepteerd op" in html and "Eerste bezoek ging goed." in html
    assert "Welzijn Sleeuwijk: voortgang: Eerste bezoek ging goed." in html


def test_one_intake_service_owns_the_referrals_status(
    pw, client_for, frontoffice, verwijzing, django_capture_on_commit_callbacks, monkeypatch
):
    """The partner's answer and the staff's terugkoppeling both go through intake's
    ``verwijzing_bijwerken``; after the partner accepted, the desk cannot record "accepted" again
    but can record the end."""
    from intake.services import triage

    aanroepen = []
    echt = triage.verwijzing_bijwerken

    def spion(**kwargs):
        aanroepen.append(kwargs["naar"])
        return echt(**kwargs)

    monkeypatch.setattr(triage, "verwijzing_bijwerken", spion)
    monkeypatch.setattr("partner.services.verwijzing_bijwerken", spion)
    assert post(pw, verwijzing, "accepteren", django_capture_on_commit_callbacks).status_code == 302
    data = {"status": "geaccepteerd", "datum": timezone.localdate().isoformat(), "tekst": "Telefonisch"}
    data["versie"] = Verwijzing.objects.get(pk=verwijzing.pk).versie
    response = client_for(frontoffice).post(f"/intake/verwijzing/{verwijzing.pk}/terugkoppeling/", data)
    assert response.status_code == 200  # refused at the field: accepted already
    assert Verwijzing.objects.get(pk=verwijzing.pk).versie == data["versie"]
    data["status"] = "afgerond"
    response = client_for(frontoffice).post(f"/intake/verwijzing/{verwijzing.pk}/terugkoppeling/", data)
    assert response.status_code == 302
    assert aanroepen[0] == "geaccepteerd" and aanroepen[-1] == "afgerond"
    verwijzing.refresh_from_db()
    assert verwijzing.status == "afgerond" and verwijzing.afgerond_op is not None
