"""Case files: checked before anything is stored, served only to who may see the case, each
download logged, deleted only by marking."""

import socket
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from altena.models import Verwerking
from documenten.bestanden import veilige_naam
from documenten.models import CasusDocument
from tests.factories.altena import UserFactory
from tests.factories.documenten import PDF_BYTES
from tests.factories.intake import CasusFactory
from tests.factories.netwerk import TeamFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40


@pytest.fixture
def casus(team, consultant):
    return CasusFactory(maatwerk=True, fase="onderzoek", team=team, behandelaar=consultant)


def upload(client, casus, naam, inhoud, **extra):
    data = {
        "bestand": SimpleUploadedFile(naam, inhoud),
        "documenttype": "medisch_advies",
        "omschrijving": "Brief van de huisarts",
        **extra,
    }
    return client.post(f"/documenten/casus/{casus.nummer}/bestanden/toevoegen/", data)


def fout(response) -> str:
    assert response.status_code == 200
    return " ".join(response.context["form"].errors.get("bestand", []))


def test_pdf_toevoegen_downloaden_en_verwijderen(client_for, consultant, casus):
    client = client_for(consultant)
    response = upload(client, casus, "huisarts.pdf", PDF_BYTES)
    assert response.status_code == 302
    document = CasusDocument.objects.get()
    assert document.bestandsnaam == "huisarts.pdf"
    assert document.content_type == "application/pdf"
    assert document.toegevoegd_door == consultant
    assert "huisarts" not in document.bestand.name and document.bestand.name.startswith("casusdocumenten/")
    assert casus.gebeurtenissen.filter(soort="document").exists()

    overzicht = client.get(f"/documenten/casus/{casus.nummer}/")
    assert "Brief van de huisarts" in overzicht.content.decode()
    response = client.get(f"/documenten/casus/{casus.nummer}/bestanden/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith('attachment; filename="huisarts.pdf"')
    assert (
        Verwerking.objects.filter(
            object_type="casusdocument", object_id=str(document.pk), handeling="lezen", actor=consultant
        ).count()
        == 1
    )
    client.get(f"/documenten/casus/{casus.nummer}/bestanden/{document.pk}/")
    assert Verwerking.objects.filter(object_type="casusdocument", handeling="lezen").count() == 2

    url = f"/documenten/casus/{casus.nummer}/bestanden/{document.pk}/verwijderen/"
    assert "Geef de reden" in client.post(url, {"reden": ""}).content.decode()
    assert client.post(url, {"reden": "Verkeerde inwoner"}).status_code == 302
    document.refresh_from_db()
    assert document.verwijderd_op is not None and document.bestand.storage.exists(document.bestand.name)
    assert client.get(f"/documenten/casus/{casus.nummer}/bestanden/{document.pk}/").status_code == 404
    assert "Brief van de huisarts" not in client.get(f"/documenten/casus/{casus.nummer}/").content.decode()


@override_settings(DOCUMENTEN_MAX_UPLOAD_MB=1)
def test_te_groot_bestand_geweigerd(client_for, consultant, casus):
    melding = fout(upload(client_for(consultant), casus, "scan.pdf", PDF_BYTES + b"0" * (1024 * 1024)))
    assert melding == "Het bestand is te groot: het maximum is 1 MB."
    assert not CasusDocument.objects.exists()


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("leeg.pdf", b"", "Het bestand is leeg."),
        ("script.exe", b"MZ\x90\x00" + b"\x00" * 60, "Dit bestandstype is niet toegestaan."),
        ("foto.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Dit bestandstype is niet toegestaan."),
        (
            "verslag.pdf",
            PNG,
            "De inhoud van het bestand past niet bij de extensie .pdf (het lijkt een png-bestand).",
        ),
        (
            "brief.docx",
            b"gewoon tekst, geen Word",
            "De inhoud van het bestand past niet bij de extensie .docx.",
        ),
        ("../../etc/passwd", b"root:x:0:0:root:/root:/bin/bash\n", "Dit bestandstype is niet toegestaan."),
    ],
)
def test_verkeerd_bestand_geweigerd_en_niets_opgeslagen(client_for, consultant, casus, naam, inhoud, melding):
    assert fout(upload(client_for(consultant), casus, naam, inhoud)).startswith(melding)
    assert not CasusDocument.objects.exists()


def test_padnaam_wordt_onschadelijk(client_for, consultant, casus):
    assert upload(client_for(consultant), casus, "../../etc/passwd.pdf", PDF_BYTES).status_code == 302
    document = CasusDocument.objects.get()
    assert document.bestandsnaam == "passwd.pdf"
    assert ".." not in document.bestand.name and "etc" not in document.bestand.name
    assert veilige_naam("..\\..\\windows\\win.ini") == "win.ini"
    assert veilige_naam("...") == "document"
    assert veilige_naam("a\x00b<script>.pdf") == "ab_script_.pdf"


def test_consulent_van_een_ander_team_krijgt_het_bestand_niet(client_for, consultant, casus):
    client_for(consultant)
    upload(client_for(consultant), casus, "huisarts.pdf", PDF_BYTES)
    document = CasusDocument.objects.get()
    ander = UserFactory(username="ander", rollen=["Consultant"])
    TeamFactory(naam="Team Woudrichem", leden=[ander])
    client = client_for(ander)
    for url in (
        f"/documenten/casus/{casus.nummer}/",
        f"/documenten/casus/{casus.nummer}/bestanden/{document.pk}/",
        f"/documenten/casus/{casus.nummer}/bestanden/{document.pk}/verwijderen/",
        f"/documenten/casus/{casus.nummer}/bestanden/toevoegen/",
    ):
        assert client.get(url).status_code == 404, url
    # refused attempts are logged as such (issue 10), never as a read
    rijen = Verwerking.objects.filter(actor=ander)
    assert rijen.count() == 4 and set(rijen.values_list("resultaat", "casus_nummer")) == {
        ("geweigerd", casus.nummer)
    }


@pytest.mark.parametrize("rol", ["Frontoffice", "Beheerder", "Privacy", "Beleid", "Partner"])
def test_andere_rollen_geweigerd(client_for, role_users, casus, rol):
    client = client_for(role_users[rol])
    n = casus.nummer
    for url in (
        f"/documenten/casus/{n}/",
        f"/documenten/casus/{n}/brief/beschikking_toekenning/1/",
        f"/documenten/casus/{n}/brief/1/pdf/",
        f"/documenten/casus/{n}/bestanden/toevoegen/",
        f"/documenten/casus/{n}/bestanden/1/",
        f"/documenten/casus/{n}/bestanden/1/verwijderen/",
    ):
        assert client.get(url).status_code == 403, url


class NepClamd:
    """A one-shot stand-in for clamd on a local port that speaks its INSTREAM protocol: a command
    line ("nINSTREAM\\n" or "zINSTREAM\\0"), chunks each prefixed with a 4-byte big-endian length,
    a zero-length chunk at the end, then one answer line ("stream: OK", "stream: <name> FOUND")
    terminated like the command. No signatures can be downloaded here, so the verdict is fixed."""

    def __init__(self, antwoord: bytes):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.ontvangen = b""
        self.inhoud = b""
        self.antwoord = antwoord.rstrip(b"\0\n")
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    @property
    def adres(self):
        return f"tcp://127.0.0.1:{self.sock.getsockname()[1]}"

    def _lees(self, conn, n):
        while len(self._buffer) < n:
            deel = conn.recv(65536)
            if not deel:
                raise ConnectionError
            self._buffer += deel
            self.ontvangen += deel
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    def serve(self):
        import struct

        conn, _ = self.sock.accept()
        self._buffer = b""
        with conn:
            try:
                commando = self._lees(conn, 10)  # "nINSTREAM\n" or "zINSTREAM\0"
                einde = b"\n" if commando.startswith(b"n") else b"\0"
                while True:
                    (lengte,) = struct.unpack("!L", self._lees(conn, 4))
                    if lengte == 0:
                        break
                    self.inhoud += self._lees(conn, lengte)
                conn.sendall(self.antwoord + einde)
            except ConnectionError:
                pass
        self.sock.close()


@pytest.mark.parametrize(
    ("antwoord", "opgeslagen", "melding"),
    [
        (b"stream: OK\0", True, ""),
        (b"stream: Eicar-Signature FOUND\0", False, "In dit bestand is een virus gevonden"),
    ],
)
def test_virusscan_houdt_de_upload_vast_tot_clamav_antwoordt(
    client_for, consultant, casus, antwoord, opgeslagen, melding
):
    clamd = NepClamd(antwoord)
    with override_settings(DOCUMENTEN_CLAMAV=clamd.adres):
        response = upload(client_for(consultant), casus, "huisarts.pdf", PDF_BYTES)
    assert clamd.ontvangen.startswith(b"nINSTREAM\n")  # clamav-client's form of the command
    assert clamd.inhoud == PDF_BYTES  # the whole file, reassembled from its chunks
    assert CasusDocument.objects.exists() is opgeslagen
    if melding:
        assert fout(response).startswith(melding)


def test_virusscanner_onbereikbaar_betekent_geen_upload(client_for, consultant, casus):
    with override_settings(DOCUMENTEN_CLAMAV="tcp://127.0.0.1:1", DOCUMENTEN_CLAMAV_TIMEOUT=2):
        melding = fout(upload(client_for(consultant), casus, "huisarts.pdf", PDF_BYTES))
    assert melding.startswith("De virusscanner is niet bereikbaar")
    assert not CasusDocument.objects.exists()
