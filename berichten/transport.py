"""How messages travel. In production that is the GGk of the Inlichtingenbureau; here a small
interface with one implementation that works everywhere: an outbox and an inbox folder.

Writes are atomic (a temporary name in the same folder, fsync, then rename), so a reader never
sees half a file. A file that was read is moved to ``verwerkt/`` or, when it was rejected or could
not be read, to ``fout/`` with a ``.fout.txt`` beside it: kept for inspection, never in the way."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings

MAX_GROOTTE = 25 * 1024 * 1024  # the GGk's limit (Fo01 IB003)
BEGIN = 64 * 1024  # what is kept of a file too large to read: enough for its header


class TeGroot(ValueError):
    """A file over MAX_GROOTTE: never read whole; ``begin`` holds its first bytes (the header)."""

    def __init__(self, grootte: int, begin: bytes):
        self.grootte, self.begin = grootte, begin
        super().__init__(
            f"Het bestand is {grootte / 1024 / 1024:.0f} MB; het GGk en deze gemeente nemen hoogstens "
            f"{MAX_GROOTTE // 1024 // 1024} MB aan."
        )


@dataclass(frozen=True)
class Bestand:
    naam: str
    pad: Path


class Transport(Protocol):
    def versturen(self, bestandsnaam: str, inhoud: bytes) -> None: ...

    def ontvangen(self) -> list[Bestand]: ...

    def lezen(self, bestand: Bestand) -> bytes: ...

    def afronden(self, bestand: Bestand, *, fout: str = "") -> None: ...


def atomisch_schrijven(pad: Path, inhoud: bytes) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f".{pad.name}.{uuid.uuid4().hex}.tmp")
    with open(tijdelijk, "wb") as f:
        f.write(inhoud)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tijdelijk, pad)


class MapTransport:
    """Outbox ``<map>/uit`` and inbox ``<map>/in`` (``settings.BERICHTEN_MAP``)."""

    def __init__(self, map: str | Path | None = None):
        basis = Path(map or settings.BERICHTEN_MAP)
        self.uit = basis / "uit"
        self.inbox = basis / "in"

    def versturen(self, bestandsnaam: str, inhoud: bytes) -> None:
        # The name is derived from the message's identification: writing it again after a crash
        # replaces the same file, it never makes a second one.
        atomisch_schrijven(self.uit / bestandsnaam, inhoud)

    def ontvangen(self) -> list[Bestand]:
        if not self.inbox.is_dir():
            return []
        return [
            Bestand(naam=p.name, pad=p)
            for p in sorted(self.inbox.iterdir())
            if p.is_file() and not p.name.startswith(".")
        ]

    def lezen(self, bestand: Bestand) -> bytes:
        grootte = bestand.pad.stat().st_size
        if grootte > MAX_GROOTTE:
            with open(bestand.pad, "rb") as f:
                raise TeGroot(grootte, f.read(BEGIN))
        return bestand.pad.read_bytes()

    def afronden(self, bestand: Bestand, *, fout: str = "") -> None:
        doel = self.inbox / ("fout" if fout else "verwerkt")
        doel.mkdir(parents=True, exist_ok=True)
        if fout:
            atomisch_schrijven(doel / f"{bestand.naam}.fout.txt", fout.encode("utf-8"))
        try:
            os.replace(bestand.pad, doel / bestand.naam)
        except FileNotFoundError:
            pass  # another worker finished it first


def transport() -> Transport:
    return MapTransport()
