"""Write the gemeente's messages: toewijzing (301), antwoord (319) and the retours (306, 308, 316,
318) on what providers send. Pure functions from data to bytes; the services store and send them."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from ..codelijsten import GEEN_FOUTEN
from ..typen import Berichttype

XSD_VERSIE = "1.0.0"
NIET_BEOORDEELD = "0233"
# The parts of a message that each carry their own RetourCodes in the retour (a "berichtklasse").
BERICHTKLASSEN = {
    "Client",
    "StartProduct",
    "StopProduct",
    "AangevraagdProduct",
    "Verzoek",
    "OngewijzigdProduct",
    "TeWijzigenProduct",
    "NieuwProduct",
}


@dataclass(frozen=True)
class Client:
    bsn: str
    geboortedatum: date
    achternaam: str
    voorvoegsel: str = ""
    voornamen: str = ""
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    plaats: str = ""


@dataclass(frozen=True)
class ToegewezenProduct:
    nummer: int
    categorie: str
    productcode: str
    toegewezen_op: datetime
    ingangsdatum: date
    einddatum: date
    volume: int
    eenheid: str
    frequentie: str
    reden_wijziging: str = ""
    referentie_aanbieder: str = ""


class _Maker:
    """Elements in the message's namespace (``e``) and in the basisschema (``b``)."""

    def __init__(self, bt: Berichttype):
        self.bt = bt
        self.ns = bt.namespace
        self.basis = bt.basis_namespace

    def root(self):
        return etree.Element(
            f"{{{self.ns}}}Bericht", nsmap={self.bt.prefix: self.ns, self.bt.basis_prefix: self.basis}
        )

    def e(self, parent, naam: str, tekst=None):
        el = etree.SubElement(parent, f"{{{self.ns}}}{naam}")
        if tekst is not None:
            el.text = str(tekst)
        return el

    def b(self, parent, naam: str, tekst=None):
        el = etree.SubElement(parent, f"{{{self.basis}}}{naam}")
        if tekst is not None:
            el.text = str(tekst)
        return el

    def xsd_versie(self, parent, naam: str):
        versie = self.e(parent, naam)
        self.b(versie, "BasisschemaXsdVersie", XSD_VERSIE)
        self.b(versie, "BerichtXsdVersie", XSD_VERSIE)

    def header(self, root, afzender: str, ontvanger: str, identificatie: str, dagtekening: date):
        header = self.e(root, "Header")
        self.e(header, "BerichtCode", self.bt.code)
        self.e(header, "BerichtVersie", "3")
        self.e(header, "BerichtSubversie", "2")
        self.e(header, "Afzender", afzender)
        self.e(header, "Ontvanger", ontvanger)
        ident = self.e(header, "BerichtIdentificatie")
        self.b(ident, "Identificatie", identificatie)
        self.b(ident, "Dagtekening", dagtekening.isoformat())
        self.xsd_versie(header, "XsdVersie")
        return header


def _bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _voorletters(voornamen: str) -> str:
    return "".join(deel[0].upper() for deel in voornamen.split() if deel)[:6]


HUISNUMMER = re.compile(r"^\s*(\d{1,5})\s*([A-Za-z]?)\s*[-\s]?\s*(.{0,4})")


def postcode_geldig(postcode: str) -> bool:
    return bool(re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", (postcode or "").replace(" ", "").upper()))


def adres_volledig(client: Client) -> bool:
    """TR006/CD034: a BRP address in a 301 needs a Postcode and a Huisnummer."""
    return postcode_geldig(client.postcode) and bool(HUISNUMMER.match(client.huisnummer or ""))


def _adres(m: _Maker, parent, client: Client):
    adres = m.e(parent, "Adres")
    match = HUISNUMMER.match(client.huisnummer or "")
    if match:
        huis = m.b(adres, "Huis")
        m.b(huis, "Huisnummer", int(match.group(1)))
        if match.group(2):
            m.b(huis, "Huisletter", match.group(2))
        if match.group(3).strip():
            m.b(huis, "HuisnummerToevoeging", match.group(3).strip())
    if postcode_geldig(client.postcode):
        m.b(adres, "Postcode", client.postcode.replace(" ", "").upper())
    if client.straat:
        m.b(adres, "Straatnaam", client.straat[:24])
    if client.plaats:
        m.b(adres, "Plaatsnaam", client.plaats[:80])
    if postcode_geldig(client.postcode):  # CD005: LandCode only beside a Postcode
        m.b(adres, "LandCode", "NL")


def toewijzingbericht(
    *,
    bt: Berichttype,
    gemeente: str,
    agb: str,
    identificatie: str,
    dagtekening: date,
    client: Client,
    producten: list[ToegewezenProduct],
) -> bytes:
    """WMO301 / JW301: every toegewezen product of this client at this aanbieder."""
    m = _Maker(bt)
    root = m.root()
    m.header(root, gemeente, agb, identificatie, dagtekening)
    c = m.e(root, "Client")
    m.e(c, "Bsn", client.bsn)
    geboren = m.e(c, "Geboortedatum")
    m.b(geboren, "Datum", client.geboortedatum.isoformat())
    m.e(c, "Geslacht", "0")  # COD046 0: onbekend; the system does not register sex
    naam = m.e(c, "Naam")
    geslachtsnaam = m.b(naam, "Geslachtsnaam")
    m.b(geslachtsnaam, "Achternaam", client.achternaam[:200])
    if client.voorvoegsel:
        m.b(geslachtsnaam, "Voorvoegsel", client.voorvoegsel[:10])
    if client.voornamen:
        m.b(naam, "Voornamen", client.voornamen[:200])
        m.b(naam, "Voorletters", _voorletters(client.voornamen))
    m.b(naam, "NaamGebruik", "1")  # COD700 1: eigen naam
    contactgegevens = m.e(c, "Contactgegevens")
    contact = m.e(contactgegevens, "Contact")
    m.e(contact, "Soort", "01")  # COD757 01: BRP-adres
    _adres(m, contact, client)
    lijst = m.e(c, "ToegewezenProducten")
    for p in producten:
        tp = m.e(lijst, "ToegewezenProduct")
        m.e(tp, "ToewijzingNummer", p.nummer)
        if p.referentie_aanbieder:
            m.e(tp, "ReferentieAanbieder", p.referentie_aanbieder)
        product = m.e(tp, "Product")
        m.b(product, "Categorie", p.categorie)
        if p.productcode:
            m.b(product, "Code", p.productcode)
        m.e(tp, "Toewijzingsdatum", p.toegewezen_op.date().isoformat())
        m.e(tp, "Toewijzingstijd", p.toegewezen_op.strftime("%H:%M:%S"))
        m.e(tp, "Ingangsdatum", p.ingangsdatum.isoformat())
        m.e(tp, "Einddatum", p.einddatum.isoformat())
        if p.reden_wijziging:
            m.e(tp, "RedenWijziging", p.reden_wijziging)
        # CD080: a toewijzing of a whole category (no product code) carries no Omvang.
        if p.productcode:
            omvang = m.e(tp, "Omvang")
            m.b(omvang, "Volume", p.volume)
            m.b(omvang, "Eenheid", p.eenheid)
            m.b(omvang, "Frequentie", p.frequentie)
    return _bytes(root)


def antwoordbericht(
    *,
    bt: Berichttype,
    gemeente: str,
    agb: str,
    identificatie: str,
    dagtekening: date,
    referentie_aanbieder: str,
    antwoord: str,
    reden_afwijzing: str = "",
) -> bytes:
    """WMO319 / JW319: the answer on a 315 or 317 (WJ760 1 afgewezen with a WJ759 reason, or 2 in
    onderzoek)."""
    m = _Maker(bt)
    root = m.root()
    m.header(root, gemeente, agb, identificatie, dagtekening)
    a = m.e(root, "Antwoord")
    m.e(a, "ReferentieAanbieder", referentie_aanbieder)
    m.e(a, "VerzoekAntwoord", antwoord)
    if reden_afwijzing:
        m.e(a, "RedenAfwijzingVerzoek", reden_afwijzing)
    return _bytes(root)


def retourbericht(
    *,
    bt: Berichttype,
    heen: etree._Element | None,
    kop: dict,
    identificatie: str,
    dagtekening: date,
    header_codes: list[str],
    klasse_codes: dict[str, list[str]],
) -> bytes:
    """A retour (306/308/316/318): the header of the heenbericht with the retour's own
    identification and, when the message could be read, its Client part echoed with RetourCodes
    on every berichtklasse (``klasse_codes`` keyed by the element's path in the heenbericht; no
    error gives 0200, a message rejected as a whole gives 0233 "niet beoordeeld" on its parts)."""
    m = _Maker(bt)
    root = m.root()
    header = m.e(root, "Header")
    m.e(header, "BerichtCode", bt.code)
    m.e(header, "BerichtVersie", "3")
    m.e(header, "BerichtSubversie", "2")
    m.e(header, "Afzender", kop["afzender"])
    m.e(header, "Ontvanger", kop["ontvanger"])
    ident = m.e(header, "BerichtIdentificatie")
    m.b(ident, "Identificatie", kop["identificatie"])
    m.b(ident, "Dagtekening", kop["dagtekening"])
    m.xsd_versie(header, "XsdVersie")
    m.e(header, "IdentificatieRetour", identificatie)
    m.e(header, "DagtekeningRetour", dagtekening.isoformat())
    m.xsd_versie(header, "XsdVersieRetour")
    codes = m.e(header, "RetourCodes")
    for code in header_codes or [GEEN_FOUTEN]:
        m.e(codes, "RetourCode", code)
    client = heen.find(f"{{{etree.QName(heen).namespace}}}Client") if heen is not None else None
    if client is not None:
        root.append(_echo(client, heen, bt, header_codes, klasse_codes))
    etree.cleanup_namespaces(root)
    return _bytes(root)


def _echo(client, heen, bt: Berichttype, header_codes, klasse_codes):
    heen_ns = etree.QName(heen).namespace
    kopie = copy.deepcopy(client)
    boom = heen.getroottree()
    for origineel, el in list(zip(client.iter(), kopie.iter(), strict=True)):
        if not isinstance(el.tag, str):
            continue
        qname = etree.QName(el)
        if qname.namespace == heen_ns:
            el.tag = f"{{{bt.namespace}}}{qname.localname}"
            if qname.localname in BERICHTKLASSEN:
                codes = klasse_codes.get(boom.getpath(origineel))
                if not codes:
                    codes = [NIET_BEOORDEELD] if header_codes or klasse_codes else [GEEN_FOUTEN]
                lijst = etree.SubElement(el, f"{{{bt.namespace}}}RetourCodes")
                for code in codes:
                    etree.SubElement(lijst, f"{{{bt.namespace}}}RetourCode").text = code
    return kopie
