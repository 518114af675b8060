"""Issue 21, medium finding: retention left personal data behind. When a case's term has passed, the
bewaartermijnen task now destroys its letters' PDFs (the register keeps that, when and the hash),
its case files, and the partner's texts; the dry run shows each category; each destruction is in
the verwerkingenlog."""

import datetime
import os

import pytest
from django.db import InternalError, ProgrammingError, transaction
from django.utils import timezone

from altena.models import Verwerking
from backoffice.bewaartermijnen import anonimiseer, proef_per_categorie
from backoffice.models import Bewaartermijn
from documenten.models import Brief
from documenten.services import brief_verzenden
from intake.models import Verwijzing
from tests.factories.documenten import CasusDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(besluit_met_voorziening, consultant):
    casus = besluit_met_voorziening.casus
    brief = brief_verzenden(
        casus=casus,
        soort="beschikking_toekenning",
        obj=besluit_met_voorziening,
        verzonden_op=timezone.localdate(),
        kanaal="email",
        door=consultant,
    )
    document = CasusDocumentFactory(casus=casus, omschrijving="Brief huisarts over mevrouw Verbeek")
    return casus, brief, document


def test_anonymising_destroys_letters_and_files_and_keeps_the_register(dossier):
    casus, brief, document = dossier
    pdf, bestand = brief.bestand.path, document.bestand.path
    assert os.path.exists(pdf) and os.path.exists(bestand)
    resultaat = anonimiseer([casus.pk])
    assert resultaat["brieven (PDF)"] == 1 and resultaat["casusdocumenten"] == 1
    assert not os.path.exists(pdf) and not os.path.exists(bestand)
    brief = Brief.objects.get(pk=brief.pk)
    assert brief.bestand.name == "" and brief.vrije_tekst == "" and brief.vernietigd_op is not None
    assert brief.sha256 and brief.verzonden_op and brief.soort == "beschikking_toekenning"
    document.refresh_from_db()
    assert document.bestandsnaam == "[vernietigd]" and "Verbeek" not in document.omschrijving
    rijen = set(
        Verwerking.objects.filter(handeling="vernietigen").values_list(
            "object_type", "object_id", "casus_nummer"
        )
    )
    assert ("brief", str(brief.pk), casus.nummer) in rijen
    assert ("casusdocument", str(document.pk), casus.nummer) in rijen


def test_the_letter_register_stays_unchangeable_otherwise(dossier):
    casus, brief, _ = dossier
    with pytest.raises((InternalError, ProgrammingError)), transaction.atomic():
        Brief.objects.filter(pk=brief.pk).update(onderwerp="anders")
    anonimiseer([casus.pk])
    with pytest.raises((InternalError, ProgrammingError)), transaction.atomic():
        Brief.objects.filter(pk=brief.pk).update(sha256="0" * 64)
    with pytest.raises((InternalError, ProgrammingError)), transaction.atomic():
        Brief.objects.filter(pk=brief.pk).update(vernietigd_op=None)


def test_the_partners_reason_for_opschaling_is_cleared(dossier):
    from tests.factories.intake import VerwijzingFactory

    casus, _, _ = dossier
    VerwijzingFactory(casus=casus, opschaling_reden="Mevrouw Verbeek valt vaak")
    anonimiseer([casus.pk])
    assert not Verwijzing.objects.filter(casus=casus).exclude(opschaling_reden="").exists()


def test_the_dry_run_counts_each_category(dossier):
    casus, _, _ = dossier
    casus.fase = "afgesloten"
    casus.afgesloten_op = timezone.now()
    casus.save()
    regel = Bewaartermijn.objects.get(wet="wmo", met_voorziening=True)
    telling = proef_per_categorie(regel, datetime.date(2060, 1, 1))
    assert telling == {"casussen": 1, "brieven (PDF)": 1, "casusdocumenten": 1, "berichten (XML)": 0}
    assert os.path.exists(Brief.objects.get(casus=casus).bestand.path)  # a dry run destroys nothing


def test_the_dry_run_page_shows_the_categories(dossier, client_for, beheerder):
    casus, _, _ = dossier
    casus.fase = "afgesloten"
    casus.afgesloten_op = timezone.now() - datetime.timedelta(days=365 * 30)
    casus.save()
    from backoffice.models import Voorziening

    Voorziening.objects.filter(casus=casus).update(
        startdatum=datetime.date(1989, 1, 1), einddatum=datetime.date(1990, 1, 1)
    )
    html = client_for(beheerder).get("/backoffice/bewaartermijnen/").content.decode()
    assert "brieven (PDF): 1" in html and "casusdocumenten: 1" in html


def test_the_message_xml_is_emptied_through_the_database_function(dossier):
    from berichten.models import Bericht, Richting, Status

    casus, _, _ = dossier
    xml = b"<Bericht><Bsn>123456782</Bsn><Achternaam>Verbeek</Achternaam></Bericht>"
    bericht = Bericht.objects.create(
        richting=Richting.IN,
        status=Status.VERWERKT,
        berichttype="WMO315",
        casus=casus,
        bestandsnaam="WMO315_verbeek.xml",
        inhoud=xml,
        dagtekening=datetime.date(2026, 1, 5),
    )
    anders = Bericht.objects.create(richting=Richting.IN, status=Status.ONLEESBAAR, inhoud=b"<x/>")
    resultaat = anonimiseer([casus.pk])
    assert resultaat["berichten (XML)"] == 1
    bericht.refresh_from_db()
    assert bytes(bericht.inhoud) == b"" and bericht.bestandsnaam == ""
    assert (bericht.berichttype, bericht.dagtekening, bericht.status) == (
        "WMO315",
        datetime.date(2026, 1, 5),
        "verwerkt",
    )
    anders.refresh_from_db()
    assert bytes(anders.inhoud) == b"<x/>"  # not of this case: untouched
    assert Verwerking.objects.filter(
        handeling="vernietigen", object_type="bericht", object_id=str(bericht.pk)
    ).exists()


def test_the_database_function_refuses_a_case_that_is_not_anonymised(dossier):
    from django.db import connection

    from berichten.models import Bericht, Richting, Status

    casus, _, _ = dossier
    bericht = Bericht.objects.create(
        richting=Richting.IN, status=Status.VERWERKT, casus=casus, inhoud=b"<bsn/>"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT berichten_archief_blanken(%s::bigint[])", [[casus.pk]])
        assert cursor.fetchone()[0] == 0
    bericht.refresh_from_db()
    assert bytes(bericht.inhoud) == b"<bsn/>"
