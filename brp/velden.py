"""Which BRP fields the application may ask, per purpose and role: the one allow-list, reviewed here.

Data minimisation is built into the BRP API (``fields`` is mandatory); this table decides what each
purpose may name. The client refuses any field outside the entry for (purpose, role) before a call
is made, so a new screen cannot quietly ask for more. Changing this table is a privacy decision:
the privacy officer (FG) reviews every change (docs/brp.md).
"""

from __future__ import annotations

from django.db import models

from altena.access import Rol

SYSTEEM = "systeem"  # the nightly sweep: no person behind it


class Doel(models.TextChoices):
    ZOEKEN = "zoeken", "Toegang: inwoner zoeken in de BRP"
    REGISTREREN = "registreren", "Toegang: inwoner uit de BRP registreren en tonen"
    HUISHOUDEN = "huishouden", "Toegang: huishoudsamenstelling op het adres"
    JEUGDWET = "jeugdwet", "Jeugdwet: gezag over een minderjarige"
    BESCHIKKING = "beschikking", "Beschikking: adressering van de brief"
    CONTROLE = "controle", "Regie: nachtelijke controle van wijzigingen in de BRP"


# What a search returns is the API's PersoonBeperkt: enough for a choice list.
_ZOEKEN = ("burgerservicenummer", "naam", "geboorte", "adressering.adresregel1", "adressering.adresregel2")
_VOORDEUR = ("burgerservicenummer", "geslacht", "naam", "geboorte", "verblijfplaats", "partners", "kinderen",
             "ouders")  # fmt: skip

TOEGESTAAN: dict[tuple[str, str], tuple[str, ...]] = {
    (Doel.ZOEKEN, Rol.FRONTOFFICE): _ZOEKEN,
    (Doel.REGISTREREN, Rol.FRONTOFFICE): _VOORDEUR,
    (Doel.REGISTREREN, Rol.CONSULTANT): _VOORDEUR,
    (Doel.REGISTREREN, Rol.TEAMLEIDER): _VOORDEUR,
    # ZoekMetPostcodeEnHuisnummer: who lives at the address, naam and geboorte only.
    (Doel.HUISHOUDEN, Rol.FRONTOFFICE): ("burgerservicenummer", "naam", "geboorte"),
    (Doel.HUISHOUDEN, Rol.CONSULTANT): ("burgerservicenummer", "naam", "geboorte"),
    (Doel.HUISHOUDEN, Rol.TEAMLEIDER): ("burgerservicenummer", "naam", "geboorte"),
    # A consultant on a Jeugdwet case also gezag.
    (Doel.JEUGDWET, Rol.CONSULTANT): (*_VOORDEUR, "gezag"),
    # The beschikking: the addressee's adressering and verblijfplaats, and for a minor the gezag.
    (Doel.BESCHIKKING, Rol.CONSULTANT): (
        "burgerservicenummer",
        "naam",
        "adressering",
        "verblijfplaats",
        "gezag",
    ),
    # The sweep compares what changes the work: death (always supplied), address, gemeente, gezag.
    (Doel.CONTROLE, SYSTEEM): ("burgerservicenummer", "verblijfplaats", "gemeenteVanInschrijving", "gezag"),
}


class VeldNietToegestaan(Exception):
    pass


def velden_voor(doel: str, rollen, gevraagd: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The fields to send: all allowed ones for the purpose and the first role that has an entry, or
    the asked subset. Anything outside the allow-list is refused here, before any call."""
    rollen = [rollen] if isinstance(rollen, str) else list(rollen)
    for rol in rollen:
        toegestaan = TOEGESTAAN.get((doel, rol))
        if toegestaan is None:
            continue
        if gevraagd is None:
            return toegestaan
        buiten = [v for v in gevraagd if not any(v == t or v.startswith(t + ".") for t in toegestaan)]
        if buiten:
            raise VeldNietToegestaan(
                f"Deze gegevens mogen voor dit doel niet uit de BRP worden gevraagd: {', '.join(buiten)}."
            )
        return tuple(gevraagd)
    raise VeldNietToegestaan("Voor dit doel en deze rol mag niets uit de BRP worden gevraagd.")
