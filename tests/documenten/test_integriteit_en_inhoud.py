"""Issue 21, low findings in the documents: a letter's PDF on storage could be replaced and was served
without checking its SHA-256; polyglot uploads (a PDF header followed by HTML and script, a PDF with
/OpenAction JavaScript) were stored because only the magic bytes were checked; the virus scan goes
through clamav-client behind the project's own interface."""

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from altena.models import Verwerking
from documenten.bestanden import ClamdScanner, Uitslag
from documenten.models import CasusDocument
from documenten.services import brief_verzenden
from tests.documenten.test_bestanden import NepClamd, fout, upload
from tests.factories.documenten import PDF_BYTES, CasusDocumentFactory
from tests.factories.intake import CasusFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(team, consultant):
    return CasusFactory(maatwerk=True, fase="onderzoek", team=team, behandelaar=consultant)


ACTIEF = {
    "pdf-met-html.pdf": b"%PDF-1.4\n<html><body><script>fetch('/intake/')</script></body></html>\n%%EOF\n",
    "openaction.pdf": b"%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF",
    "verstopt.pdf": b"%PDF-1.4\n1 0 obj<</OpenAction<</S/Java#53cript/J#53 (x)>>>>endobj\n%%EOF",
    "ingesloten.pdf": b"%PDF-1.4\n1 0 obj<</Names<</EmbeddedFiles 2 0 R>>>>endobj\n%%EOF",
    "starten.pdf": b"%PDF-1.4\n1 0 obj<</OpenAction<</S/Launch/F(cmd.exe)>>>>endobj\n%%EOF",
    "plaatje.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40 + b"<script>alert(1)</script>",
}


@pytest.mark.parametrize("naam", sorted(ACTIEF))
def test_active_content_is_refused_with_a_dutch_reason(client_for, consultant, casus, naam):
    melding = fout(upload(client_for(consultant), casus, naam, ACTIEF[naam]))
    assert melding.startswith("Dit bestand bevat actieve inhoud"), melding
    assert not CasusDocument.objects.exists()


def test_a_plain_pdf_is_still_accepted(client_for, consultant, casus):
    inhoud = b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction[3 0 R/Fit]>>endobj\n%%EOF\n"
    assert upload(client_for(consultant), casus, "gewoon.pdf", inhoud).status_code == 302


def _vervang_op_opslag(veld, inhoud: bytes):
    with open(veld.path, "wb") as fh:
        fh.write(inhoud)


def test_a_replaced_case_file_is_refused_logged_and_reported(client_for, consultant, casus, privacy):
    privacy.email = "fg@altena.example"
    privacy.save()
    document = CasusDocumentFactory(casus=casus)
    url = f"/documenten/casus/{casus.nummer}/bestanden/{document.pk}/"
    assert client_for(consultant).get(url).status_code == 200
    _vervang_op_opslag(document.bestand, PDF_BYTES.replace(b"1.4", b"1.7"))
    response = client_for(consultant).get(url)
    assert response.status_code == 403
    assert "na het opslaan gewijzigd" in response.content.decode()
    assert Verwerking.objects.filter(
        casus_nummer=casus.nummer, resultaat="geweigerd", actor=consultant
    ).exists()
    [waarschuwing] = mail.outbox
    assert waarschuwing.to == ["fg@altena.example"] and casus.nummer in waarschuwing.body


def test_a_replaced_letter_is_refused(client_for, consultant, besluit_met_voorziening):
    brief = brief_verzenden(
        casus=besluit_met_voorziening.casus,
        soort="beschikking_toekenning",
        obj=besluit_met_voorziening,
        verzonden_op=timezone.localdate(),
        kanaal="email",
        door=consultant,
    )
    url = f"/documenten/casus/{brief.casus.nummer}/brief/{brief.pk}/pdf/"
    assert client_for(consultant).get(url).status_code == 200
    _vervang_op_opslag(brief.bestand, b"%PDF-1.4 een andere brief met een ander adres")
    assert client_for(consultant).get(url).status_code == 403


def test_the_clamd_stand_in_gets_a_large_file_in_chunks_through_clamav_client():
    from io import BytesIO

    inhoud = PDF_BYTES + b"x" * 5000  # clamav-client sends 1 KiB chunks
    clamd = NepClamd(b"stream: OK")
    assert ClamdScanner(clamd.adres, timeout=5).scan(BytesIO(inhoud)) == Uitslag(schoon=True)
    assert clamd.inhoud == inhoud
    clamd = NepClamd(b"stream: Eicar-Test-Signature FOUND")
    assert ClamdScanner(clamd.adres, timeout=5).scan(BytesIO(inhoud)) == Uitslag(
        schoon=False, virus="Eicar-Test-Signature"
    )


@override_settings(DOCUMENTEN_CLAMAV="ftp://scanner")
def test_an_unknown_scanner_address_refuses_the_upload(client_for, consultant, casus):
    melding = fout(upload(client_for(consultant), casus, "huisarts.pdf", PDF_BYTES))
    assert melding.startswith("De virusscanner is niet bereikbaar")
