"""The front door and the BRP: search, register from the BRP, refresh an inwoner's BRP cache.

What came from the BRP is read-only in the application. The inwoner keeps the BSN and a small
cache of what the screens need (``brp_gegevens``: relations, gezag, adressering, in onderzoek, the
BRP's own address) with the moment it was read. A look refreshes the cache when it is older than
``BRP_CACHE_SECONDEN``; the registered address and kern change only through the nightly sweep
(signalen), which signals the move to the regisseur first (docs/brp.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from brp import client as brp_client
from brp.client import BrpFout, Context  # noqa: F401 - BrpFout is part of this module's interface
from brp.persoon import Persoon
from brp.velden import Doel

from .models import BrpStatus, Inwoner
from .services import inwoner_registreren

NIET_INGESTELD = "De BRP is niet gekoppeld; registreer de inwoner met de hand (niet gecontroleerd in de BRP)."


def ingesteld() -> bool:
    return brp_client.ingesteld()


@dataclass
class Zoekuitkomst:
    personen: list[Persoon] = field(default_factory=list)
    fout: str = ""
    gevraagd: bool = False


def huisnummer_delen(huisnummer: str) -> tuple[int | None, str, str]:
    """'12a' -> (12, 'a', ''); '12-2' / '12 bis' -> (12, '', '2' / 'bis')."""
    m = re.fullmatch(r"\s*(\d{1,5})\s*([A-Za-z]?)\s*(?:[-\s]\s*([A-Za-z0-9]{1,4}))?\s*", huisnummer or "")
    if not m:
        return None, "", ""
    return int(m.group(1)), m.group(2) or "", m.group(3) or ""


def zoeken(*, request, data: dict) -> Zoekuitkomst:
    """Ask the BRP with the search the desk typed: by BSN (the full front-door fields at once), by
    name and birth date, or by postcode and house number (PersoonBeperkt, enough to choose)."""
    if not ingesteld():
        return Zoekuitkomst(fout=NIET_INGESTELD)
    api = brp_client.client()
    try:
        if data["zoekwijze"] == "bsn":
            ctx = Context(doel=Doel.REGISTREREN, door=request.user, request=request)
            return Zoekuitkomst(api.raadpleeg([data["bsn"]], ctx=ctx), gevraagd=True)
        ctx = Context(doel=Doel.ZOEKEN, door=request.user, request=request)
        if data["zoekwijze"] == "naam":
            achternaam = data["achternaam"].strip()
            voorvoegsel = ""
            m = re.fullmatch(
                r"((?:van|de|der|den|het|ter|ten|in|'t)(?:\s+(?:van|de|der|den|het|ter|ten|'t))*)\s+(.+)",
                achternaam,
                re.I,
            )
            if m:
                voorvoegsel, achternaam = m.group(1).lower(), m.group(2)
            gevonden = api.zoek_op_naam(
                geslachtsnaam=achternaam,
                geboortedatum=data["geboortedatum"],
                voorvoegsel=voorvoegsel,
                ctx=ctx,
            )
            return Zoekuitkomst(gevonden, gevraagd=True)
        nummer, letter, toevoeging = huisnummer_delen(data["huisnummer"])
        if nummer is None:
            return Zoekuitkomst(
                fout="Dit huisnummer kan de BRP niet lezen; gebruik bijvoorbeeld 12, 12a of 12-2."
            )
        gevonden = api.zoek_op_adres(
            postcode=data["postcode"], huisnummer=nummer, huisletter=letter, toevoeging=toevoeging, ctx=ctx
        )
        return Zoekuitkomst(gevonden, gevraagd=True)
    except BrpFout as exc:
        return Zoekuitkomst(fout=str(exc), gevraagd=True)


def raadplegen(
    *, request, bsn: str, doel: str = Doel.REGISTREREN, inwoner_id=None, casus_nummer=""
) -> Persoon | None:
    ctx = Context(
        doel=doel, door=request.user, request=request, inwoner_id=inwoner_id, casus_nummer=casus_nummer
    )
    personen = brp_client.client().raadpleeg([bsn], ctx=ctx)
    return personen[0] if personen else None


def cache_gegevens(persoon: Persoon) -> dict:
    gegevens = persoon.als_dict()
    gegevens.pop("bsn", None)
    return gegevens


def cache_bijwerken(inwoner: Inwoner, persoon: Persoon, *, nu=None) -> Inwoner:
    """Write what the BRP says into the inwoner's cache; name and birth date follow the BRP."""
    nu = nu or timezone.now()
    inwoner.brp_status = BrpStatus.GECONTROLEERD
    inwoner.brp_gelezen_op = nu
    # The relations and gezag are read only for some purposes: keep the last known ones otherwise.
    oud = inwoner.brp_gegevens or {}
    nieuw = cache_gegevens(persoon)
    for sleutel in ("partners", "kinderen", "ouders", "gezag", "aanhef", "aanschrijfwijze", "adresregels"):
        if not nieuw.get(sleutel) and oud.get(sleutel):
            nieuw[sleutel] = oud[sleutel]
    inwoner.brp_gegevens = nieuw
    inwoner.overleden_op = persoon.overlijdensdatum or (inwoner.overleden_op if persoon.overleden else None)
    if persoon.overleden and inwoner.overleden_op is None:
        inwoner.overleden_op = timezone.localdate()
    inwoner.geheimhouding = persoon.geheimhouding
    if persoon.naam.geslachtsnaam:
        inwoner.voornamen = persoon.naam.voornamen[:150]
        inwoner.tussenvoegsel = persoon.naam.voorvoegsel[:20]
        inwoner.achternaam = persoon.naam.geslachtsnaam[:150]
    if persoon.geboortedatum:
        inwoner.geboortedatum = persoon.geboortedatum
    Inwoner.objects.filter(pk=inwoner.pk).update(
        brp_status=inwoner.brp_status,
        brp_gelezen_op=nu,
        brp_gegevens=inwoner.brp_gegevens,
        overleden_op=inwoner.overleden_op,
        geheimhouding=inwoner.geheimhouding,
        voornamen=inwoner.voornamen,
        tussenvoegsel=inwoner.tussenvoegsel,
        achternaam=inwoner.achternaam,
        geboortedatum=inwoner.geboortedatum,
    )
    return inwoner


def verversen(*, request, inwoner: Inwoner, doel: str = Doel.REGISTREREN, casus_nummer: str = "") -> str:
    """Refresh the cache on a look when it is stale; returns a Dutch message when the BRP could not
    be read (the page then shows the cache with its moment), else ''."""
    if not ingesteld() or not inwoner.bsn:
        return ""
    vers = inwoner.brp_gelezen_op and timezone.now() - inwoner.brp_gelezen_op < timedelta(
        seconds=settings.BRP_CACHE_SECONDEN
    )
    if vers and doel == Doel.REGISTREREN:
        return ""
    try:
        persoon = raadplegen(
            request=request, bsn=inwoner.bsn, doel=doel, inwoner_id=inwoner.pk, casus_nummer=casus_nummer
        )
    except BrpFout as exc:
        return str(exc)
    if persoon is None:
        return "Deze inwoner is niet (meer) gevonden in de BRP."
    cache_bijwerken(inwoner, persoon)
    return ""


@transaction.atomic
def registreren_uit_brp(*, door, persoon: Persoon, kern, telefoon: str = "", email: str = "") -> Inwoner:
    """Register an inwoner from a BRP person: nothing typed but the kern and contact details."""
    adres = persoon.adres
    inwoner = inwoner_registreren(
        door=door,
        bsn=persoon.bsn,
        voornamen=persoon.naam.voornamen or "-",
        tussenvoegsel=persoon.naam.voorvoegsel,
        achternaam=persoon.naam.geslachtsnaam,
        geboortedatum=persoon.geboortedatum,
        straat=adres.straat,
        huisnummer=adres.huisnummer,
        postcode=adres.postcode_opgemaakt,
        woonplaats=adres.woonplaats,
        kern=kern,
        telefoon=telefoon,
        email=email,
    )
    return cache_bijwerken(inwoner, persoon)


def bewoners_op_adres(*, request, inwoner: Inwoner) -> Zoekuitkomst:
    """Who lives at the inwoner's address according to the BRP (ZoekMetPostcodeEnHuisnummer, naam and
    geboorte only, purpose huishoudsamenstelling)."""
    if not ingesteld() or not inwoner.postcode:
        return Zoekuitkomst()
    nummer, letter, toevoeging = huisnummer_delen(inwoner.huisnummer)
    if nummer is None:
        return Zoekuitkomst(fout="Het huisnummer van deze inwoner kan de BRP niet lezen.")
    ctx = Context(doel=Doel.HUISHOUDEN, door=request.user, request=request, inwoner_id=inwoner.pk)
    try:
        gevonden = brp_client.client().zoek_op_adres(
            postcode=inwoner.postcode, huisnummer=nummer, huisletter=letter, toevoeging=toevoeging, ctx=ctx
        )
    except BrpFout as exc:
        return Zoekuitkomst(fout=str(exc), gevraagd=True)
    return Zoekuitkomst(gevonden, gevraagd=True)
