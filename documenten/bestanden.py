"""Checks on an uploaded case file before anything is stored: size, emptiness, the type by its
content (not only its extension), a safe display name, and optionally a ClamAV scan."""

from __future__ import annotations

import hashlib
import socket
import struct
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlparse

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError

OLE = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"}
OOXML = "application/vnd.openxmlformats-officedocument."
# extension -> the types its content may have
TOEGESTAAN: dict[str, set[str]] = {
    "pdf": {"application/pdf"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "png": {"image/png"},
    "tif": {"image/tiff"},
    "tiff": {"image/tiff"},
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
    "docx": {OOXML + "wordprocessingml.document"},
    "xlsx": {OOXML + "spreadsheetml.sheet"},
    "pptx": {OOXML + "presentationml.presentation"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
}
TOEGESTAAN_TEKST = (
    "PDF, afbeelding (JPG, PNG, TIFF) of Office-document (Word, Excel, PowerPoint, OpenDocument)"
)


def veilige_naam(naam: str) -> str:
    """The last part of the name only, printable letters, digits and a few signs, at most 150
    characters: '../../etc/passwd' becomes 'passwd'."""
    naam = unicodedata.normalize("NFKC", naam or "").replace("\\", "/").split("/")[-1]
    schoon = "".join(c if (c.isalnum() or c in " ._-()") else "_" for c in naam if c.isprintable())
    schoon = " ".join(schoon.split()).lstrip(". ")
    if len(schoon) > 150:
        stam, _, ext = schoon.rpartition(".")
        schoon = f"{stam[: 149 - len(ext)]}.{ext}" if stam and len(ext) <= 10 else schoon[:150]
    return schoon or "document"


@dataclass(frozen=True)
class Gecontroleerd:
    naam: str
    content_type: str
    grootte: int
    sha256: str


def controleren(upload) -> Gecontroleerd:
    """Raise ValidationError (for the 'bestand' field) unless the upload may be stored."""
    max_mb = settings.DOCUMENTEN_MAX_UPLOAD_MB
    if upload is None:
        raise ValidationError("Kies een bestand.")
    if upload.size == 0:
        raise ValidationError("Het bestand is leeg.")
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(f"Het bestand is te groot: het maximum is {max_mb} MB.")
    naam = veilige_naam(upload.name)
    ext = naam.rpartition(".")[2].lower() if "." in naam else ""
    if ext not in TOEGESTAAN:
        raise ValidationError(f"Dit bestandstype is niet toegestaan. Toegestaan: {TOEGESTAAN_TEKST}.")
    upload.seek(0)
    kop = upload.read(8192)
    soort = filetype.guess(kop)
    mime = soort.mime if soort else ""
    if mime not in TOEGESTAAN[ext]:
        raise ValidationError(
            f"De inhoud van het bestand past niet bij de extensie .{ext}"
            + (f" (het lijkt een {soort.extension}-bestand)." if soort else ".")
            + " Controleer of u het juiste bestand kiest."
        )
    sha = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        sha.update(chunk)
    upload.seek(0)
    virusscan(upload)
    upload.seek(0)
    return Gecontroleerd(naam=naam, content_type=mime, grootte=upload.size, sha256=sha.hexdigest())


class ScanFout(Exception):
    pass


def _verbinden(adres: str, timeout: int) -> socket.socket:
    url = urlparse(adres)
    if url.scheme == "unix":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        sock.connect(url.path)
        return sock
    if url.scheme == "tcp":
        return socket.create_connection((url.hostname, url.port or 3310), timeout=timeout)
    raise ScanFout(f"Onbekend adres voor ClamAV: {adres}")


def clamd_scan(upload, adres: str, timeout: int) -> str:
    """Stream the file to clamd (INSTREAM) and return its answer, e.g. 'stream: OK'."""
    upload.seek(0)
    with _verbinden(adres, timeout) as sock:
        sock.sendall(b"zINSTREAM\0")
        for chunk in upload.chunks(64 * 1024):
            sock.sendall(struct.pack("!L", len(chunk)) + chunk)
        sock.sendall(struct.pack("!L", 0))
        antwoord = b""
        while not antwoord.endswith(b"\0"):
            deel = sock.recv(4096)
            if not deel:
                break
            antwoord += deel
    return antwoord.rstrip(b"\0").decode("utf-8", "replace").strip()


def virusscan(upload) -> None:
    """When DOCUMENTEN_CLAMAV names a daemon, the upload waits for its verdict; no verdict means
    no upload (fail closed)."""
    adres = settings.DOCUMENTEN_CLAMAV
    if not adres:
        return
    try:
        antwoord = clamd_scan(upload, adres, settings.DOCUMENTEN_CLAMAV_TIMEOUT)
    except (OSError, ScanFout) as exc:
        raise ValidationError(
            "De virusscanner is niet bereikbaar; het bestand is niet opgeslagen. Probeer het later opnieuw."
        ) from exc
    if antwoord.endswith("FOUND"):
        raise ValidationError("In dit bestand is een virus gevonden; het is niet opgeslagen.")
    if not antwoord.endswith("OK"):
        raise ValidationError(
            "De virusscanner gaf geen goedkeuring; het bestand is niet opgeslagen. Probeer het later opnieuw."
        )
