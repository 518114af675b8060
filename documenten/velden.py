"""The documented fields a letter template may use, per kind of letter.

A template may only name these (checked when the beheerder saves it, see ``sjablonen``). Values are
plain dicts, lists and dates, never model instances, so a template can reach nothing else. The
same table makes the field list shown in admin and in docs/documenten.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import BriefSoort as S


@dataclass(frozen=True)
class Obj:
    """A group of fields (``inwoner.naam``)."""

    uitleg: str
    velden: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Lijst:
    """A list to loop over (``{% for v in voorzieningen %}{{ v.product }}``)."""

    uitleg: str
    velden: dict[str, str] = field(default_factory=dict)


GEMEENTE = Obj(
    "De gemeente (afzender)",
    {
        "naam": "naam",
        "postadres": "postadres",
        "postcode": "postcode",
        "plaats": "plaats",
        "telefoon": "telefoonnummer",
        "email": "e-mailadres",
        "website": "website",
    },
)
ONDERTEKENING = Obj(
    "Wie de brief ondertekent", {"naam": "naam", "functie": "functie", "mandaat": "namens wie"}
)
INWONER = Obj(
    "De inwoner (geadresseerde)",
    {
        "naam": "naam zoals de BRP aanschrijft; bij een minderjarige (Jeugdwet) de gezaghouders",
        "aanhef": "aanhef van de BRP, bijv. 'Geachte mevrouw Jansen'",
        "adresregels": "adresregels van de BRP (leeg bij een inwoner die niet in de BRP is gecontroleerd)",
        "straat": "straat",
        "huisnummer": "huisnummer",
        "postcode": "postcode",
        "woonplaats": "woonplaats",
        "geboortedatum": "geboortedatum",
        "bsn": "BSN: alleen gebruiken als de brief het echt nodig heeft",
    },
)
CASUS = Obj("De casus", {"nummer": "casusnummer (ons kenmerk)", "wet": "de wet in woorden", "kern": "kern"})
BEHANDELAAR = Obj("De consulent", {"naam": "naam", "email": "e-mailadres"})
AANVRAAG = Obj("De aanvraag", {"ontvangen_op": "datum van ontvangst", "omschrijving": "wat is aangevraagd"})
BESLUIT = Obj(
    "Het besluit",
    {
        "soort": "toekenning, gedeeltelijke toekenning of afwijzing",
        "besluitdatum": "datum van het besluit",
        "motivering": "motivering",
        "grondslag": "wettelijke grondslag van dit besluit",
    },
)
VOORZIENINGEN = Lijst(
    "De toegekende voorzieningen",
    {
        "product": "product in woorden",
        "categorie": "iStandaarden-categorie (code)",
        "categorie_naam": "iStandaarden-categorie in woorden",
        "productcode": "productcode",
        "volume": "volume",
        "eenheid": "eenheid",
        "frequentie": "frequentie",
        "omvang": "volume, eenheid en frequentie samen",
        "startdatum": "startdatum",
        "einddatum": "einddatum",
        "leveringsvorm": "zorg in natura of pgb",
        "pgb": "waar bij een pgb",
        "pgb_bedrag": "het bedrag van het pgb (in euro)",
        "aanbieder": "zorgaanbieder (bij zorg in natura)",
        "aanbieder_agb": "AGB-code van de zorgaanbieder",
    },
)
ONDERZOEK = Obj(
    "Het onderzoek (keukentafelgesprek)",
    {
        "gestart_op": "start",
        "gesprek_datum": "datum van het gesprek",
        "deelnemers": "deelnemers",
        "verslag": "verslag",
        "eigen_mogelijkheden": "eigen mogelijkheden",
        "mantelzorg": "mantelzorg en netwerk",
        "voorliggende_voorzieningen": "voorliggende en algemene voorzieningen",
        "afgerond_op": "afgerond op",
    },
)
VERDAGING = Obj(
    "De verdaging",
    {
        "termijn": "welke termijn",
        "nieuwe_datum": "nieuwe uiterste datum",
        "mededeling": "reden en nieuwe termijn",
    },
)
BESLISTERMIJN = Obj("De termijn om te beslissen", {"uiterste_datum": "uiterste datum", "regel": "berekening"})
BEZWAAR = Obj(
    "Het bezwaar",
    {
        "ontvangen_op": "ontvangen op",
        "gronden": "gronden",
        "uitkomst": "gegrond, ongegrond, niet-ontvankelijk of ingetrokken",
        "beslist_op": "beslist op",
        "toelichting": "motivering van de beslissing",
        "besluit_datum": "datum van het bestreden besluit",
    },
)

ALGEMEEN: dict[str, object] = {
    "gemeente": GEMEENTE,
    "ondertekening": ONDERTEKENING,
    "inwoner": INWONER,
    "casus": CASUS,
    "behandelaar": BEHANDELAAR,
    "datum": "datum van de brief (= verzenddatum)",
    "vrije_tekst": "vrije tekst van de consulent (alleen als het sjabloon dit veld gebruikt)",
}
BESCHIKKING = {
    "aanvraag": AANVRAAG,
    "besluit": BESLUIT,
    "voorzieningen": VOORZIENINGEN,
    "wettelijke_grondslag": "de wettelijke grondslag van de wet",
    "einde_bezwaartermijn": "laatste dag om bezwaar te maken (berekend)",
    "bezwaartermijn_regel": "hoe die dag is berekend",
}

VELDEN: dict[str, dict[str, object]] = {
    S.BESCHIKKING_TOEKENNING: {**ALGEMEEN, **BESCHIKKING},
    S.BESCHIKKING_GEDEELTELIJK: {**ALGEMEEN, **BESCHIKKING},
    S.BESCHIKKING_AFWIJZING: {**ALGEMEEN, **BESCHIKKING},
    S.BUITEN_BEHANDELING: {
        **ALGEMEEN,
        "aanvraag": AANVRAAG,
        "wettelijke_grondslag": BESCHIKKING["wettelijke_grondslag"],
        "einde_bezwaartermijn": BESCHIKKING["einde_bezwaartermijn"],
        "bezwaartermijn_regel": BESCHIKKING["bezwaartermijn_regel"],
    },
    S.VERDAGING: {**ALGEMEEN, "aanvraag": AANVRAAG, "verdaging": VERDAGING},
    S.ONDERZOEKSVERSLAG: {**ALGEMEEN, "onderzoek": ONDERZOEK},
    S.ONTVANGSTBEVESTIGING: {**ALGEMEEN, "aanvraag": AANVRAAG, "beslistermijn": BESLISTERMIJN},
    S.BESLISSING_OP_BEZWAAR: {
        **ALGEMEEN,
        "bezwaar": BEZWAAR,
        "einde_beroepstermijn": "laatste dag om beroep in te stellen (berekend)",
        "beroepstermijn_regel": "hoe die dag is berekend",
    },
}

# A template of these kinds must name these fields (the letter is not lawful without them).
VERPLICHT: dict[str, tuple[str, ...]] = {
    S.BESCHIKKING_TOEKENNING: ("voorzieningen", "einde_bezwaartermijn"),
    S.BESCHIKKING_GEDEELTELIJK: ("voorzieningen", "einde_bezwaartermijn"),
    S.BESCHIKKING_AFWIJZING: ("besluit", "einde_bezwaartermijn"),
    S.BUITEN_BEHANDELING: ("einde_bezwaartermijn",),
    S.BESLISSING_OP_BEZWAAR: ("bezwaar", "einde_beroepstermijn"),
    S.VERDAGING: ("verdaging",),
    S.ONDERZOEKSVERSLAG: ("onderzoek",),
    S.ONTVANGSTBEVESTIGING: ("aanvraag",),
}

BESCHIKKING_SOORTEN = (S.BESCHIKKING_TOEKENNING, S.BESCHIKKING_GEDEELTELIJK, S.BESCHIKKING_AFWIJZING)


def veldenlijst(soort: str) -> list[tuple[str, str]]:
    """(name, explanation) of every field of a kind, for admin and the docs."""
    regels: list[tuple[str, str]] = []
    for naam, spec in VELDEN[soort].items():
        if isinstance(spec, str):
            regels.append((naam, spec))
        elif isinstance(spec, Lijst):
            regels.append((naam, f"{spec.uitleg} (lijst; gebruik {{% for v in {naam} %}})"))
            regels += [(f"v.{k}", u) for k, u in spec.velden.items()]
        else:
            regels += [(f"{naam}.{k}", u) for k, u in spec.velden.items()]
    return regels
