"""Checks on an uploaded case file before anything is stored: size, emptiness, the type by its
content (not only its extension), no active content (PDF JavaScript, launch actions, embedded files,
HTML or script after a valid header), a safe display name, and optionally a virus scan (ClamAV's
clamd through clamav-client, behind the project's ``Virusscanner`` interface)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol
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
    staart = b""
    for chunk in upload.chunks():
        sha.update(chunk)
        actieve_inhoud(staart + chunk, pdf=mime == "application/pdf")
        staart = chunk[-256:]
    upload.seek(0)
    virusscan(upload)
    upload.seek(0)
    return Gecontroleerd(naam=naam, content_type=mime, grootte=upload.size, sha256=sha.hexdigest())


# Active content a browser or PDF reader would run (issue 21: polyglots were stored because only the
# magic bytes were checked). PDF names may hide letters as #xx escapes: those are decoded first.
# PDF names are case-sensitive; /JS must be followed by its value, so compressed bytes rarely match.
_PDF_ACTIEF = re.compile(
    rb"/(JavaScript|JS(?=[\s(<\[0-9/])|Launch|EmbeddedFiles?|RichMedia|SubmitForm|ImportData)(?![A-Za-z])"
)
# Markup a browser would run; tags of at least five letters, so random binary data hardly matches.
_MARKUP = re.compile(rb"<\s*(script|html|!doctype|iframe|object|embed)\b|javascript:|vbscript:")
_PDF_ESCAPE = re.compile(rb"#([0-9a-fA-F]{2})")
ACTIEF_MELDING = (
    "Dit bestand bevat actieve inhoud ({wat}) en is niet opgeslagen: zulke inhoud kan code uitvoeren "
    "bij wie het opent. Sla het opnieuw op als gewone PDF of afbeelding (bijvoorbeeld via "
    "'Afdrukken naar PDF') en probeer het opnieuw."
)


def actieve_inhoud(deel: bytes, *, pdf: bool) -> None:
    """Refuse JavaScript, launch actions and embedded files in a PDF, and HTML or script anywhere
    (e.g. after a valid PDF or image header)."""
    laag = deel.lower()
    if pdf:
        genormaliseerd = _PDF_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), deel)
        gevonden = _PDF_ACTIEF.search(genormaliseerd)
        if gevonden:
            soort = gevonden.group(1).decode()
            wat = "een ingesloten bestand" if soort.startswith("Embedded") else f"PDF-actie /{soort}"
            if soort in ("JavaScript", "JS"):
                wat = "JavaScript"
            raise ValidationError(ACTIEF_MELDING.format(wat=wat))
    if _MARKUP.search(laag):
        raise ValidationError(ACTIEF_MELDING.format(wat="HTML of script"))


class ScanFout(Exception):
    pass


@dataclass(frozen=True)
class Uitslag:
    schoon: bool
    virus: str = ""


class Virusscanner(Protocol):
    """The project's interface to a virus scanner: scan a file object, return the verdict; raise
    ScanFout when no verdict can be had (the caller then refuses the upload: fail closed)."""

    def scan(self, bestand) -> Uitslag: ...


class ClamdScanner:
    """ClamAV's clamd over TCP (``tcp://host:3310``) or a Unix socket (``unix:///run/clamav/clamd.ctl``),
    through the maintained clamav-client library (INSTREAM: the file is streamed, never a path)."""

    def __init__(self, adres: str, timeout: int):
        from clamav_client.clamd import ClamdNetworkSocket, ClamdUnixSocket

        url = urlparse(adres)
        if url.scheme == "unix":
            self.clamd = ClamdUnixSocket(path=url.path, timeout=timeout)
        elif url.scheme == "tcp":
            self.clamd = ClamdNetworkSocket(
                host=url.hostname or "127.0.0.1", port=url.port or 3310, timeout=timeout
            )
        else:
            raise ScanFout(f"Onbekend adres voor ClamAV: {adres}")

    def scan(self, bestand) -> Uitslag:
        from clamav_client.clamd import ClamdError

        bestand.seek(0)
        try:
            resultaat = self.clamd.instream(bestand)
        except (ClamdError, OSError) as exc:
            raise ScanFout(str(exc)) from exc
        if not resultaat:
            raise ScanFout("geen antwoord")
        status, virus = next(iter(resultaat.values()))
        if status == "OK":
            return Uitslag(schoon=True)
        if status == "FOUND":
            return Uitslag(schoon=False, virus=virus or "")
        raise ScanFout(f"onverwacht antwoord: {status}")


def scanner() -> Virusscanner | None:
    """The configured scanner (DOCUMENTEN_CLAMAV), or None: no scan."""
    adres = settings.DOCUMENTEN_CLAMAV
    return ClamdScanner(adres, settings.DOCUMENTEN_CLAMAV_TIMEOUT) if adres else None


def virusscan(upload) -> None:
    """When a scanner is configured, the upload waits for its verdict; no verdict means no upload
    (fail closed)."""
    try:
        actief = scanner()
        uitslag = actief.scan(upload) if actief is not None else None
    except ScanFout as exc:
        raise ValidationError(
            "De virusscanner is niet bereikbaar; het bestand is niet opgeslagen. Probeer het later opnieuw."
        ) from exc
    if uitslag is not None and not uitslag.schoon:
        raise ValidationError("In dit bestand is een virus gevonden; het is niet opgeslagen.")
