"""Persons for the stand-in BRP's store (its own shape, see brp/standin/store.py)."""

from __future__ import annotations

from stdnum.nl import bsn as stdnum_bsn

_teller = [0]


def vrij_bsn() -> str:
    """A fresh valid BSN in a range neither the demo nor the inwoner factory uses."""
    while True:
        _teller[0] += 1
        basis = f"{70_000_000 + _teller[0]:08d}"
        for controle in range(10):
            kandidaat = basis + str(controle)
            if stdnum_bsn.is_valid(kandidaat):
                return kandidaat


def brp_persoon(**kwargs) -> dict:
    bsn = kwargs.pop("bsn", None) or vrij_bsn()
    adres = {
        "straat": "Dorpsstraat",
        "huisnummer": 1,
        "huisletter": "",
        "toevoeging": "",
        "postcode": "4254AB",
        "woonplaats": "Sleeuwijk",
        "datumVan": "2010-01-01",
    }
    adres.update(kwargs.pop("adres", {}))
    rec = {
        "bsn": bsn,
        "voornamen": "Anna Maria",
        "voorvoegsel": "",
        "geslachtsnaam": "Jansen",
        "geslacht": "V",
        "geboortedatum": "1960-05-17",
        "geboorteplaats": "Sleeuwijk",
        "adres": adres,
        "gemeente": {"code": "1959", "naam": "Altena"},
        "partners": [],
        "kinderen": [],
        "ouders": [],
        "overleden": None,
        "geheimhouding": False,
        "onderzoek": {},
        "gezag": None,
    }
    rec.update(kwargs)
    return rec
