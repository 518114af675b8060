"""The StUF-GGk 2.1 envelope (ggk0310) in which every iWmo/iJw message travels through the
Gemeentelijk Gegevensknooppunt: a heenbericht ``ggk_Di01`` (301, 319) or a retourbericht ``ggk_Du01``
(306, 308, 316, 318 on a provider's message) with the message itself base64 in ``GGK:bericht``,
``StUF:functie`` the message type (WMO301 ...), the gemeente as zender and a referentienummer of its
own per message. Every envelope written is validated against ``ggk0310_msg.xsd``; a received one
is validated, unwrapped and checked: its functie must be the type of its content and its addressee
the gemeente the content addresses. Pure functions; nothing here touches the database."""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from django.utils import timezone
from lxml import etree

from .schema import xsd_map
from .typen import RETOUR_VAN, Berichttype

STUF = "http://www.egem.nl/StUF/StUF0301"
GGK = "http://www.stufstandaarden.nl/sectormodel/ggk/0210"
XMIME = "http://www.w3.org/2005/05/xmlmime"
NSMAP = {"StUF": STUF, "GGK": GGK, "xmime": XMIME}
HEEN, RETOUR = "Di01", "Du01"
ELEMENT = {HEEN: "envelopHeenbericht-ggk_Di01", RETOUR: "envelopRetourbericht-ggk_Du01"}
APPLICATIE = "Altena Toegang"
RETOURS = set(RETOUR_VAN.values()) | {"302", "320"}
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=True)


class EnvelopFout(Exception):
    """The file is no usable GGk envelope (Dutch text for the berichtenbox)."""


def ggk_xsd_pad(map: Path | None = None) -> Path | None:
    map = map or xsd_map()
    if map is None:
        return None
    pad = map / "ggk" / "ggk0310_21" / "ggkberichten" / "ggk0310_msg.xsd"
    return pad if pad.is_file() else None


@cache
def _schema(pad: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(pad))


def envelopfouten(doc: etree._Element) -> list[str] | None:
    """The schema errors of an envelope; None when no envelope schema is configured."""
    pad = ggk_xsd_pad()
    if pad is None:
        return None
    schema = _schema(str(pad))
    if schema.validate(etree.ElementTree(doc)):
        return []
    return [f"regel {e.line}: {e.message}" for e in list(schema.error_log)[:5]]


def is_envelop(inhoud: bytes) -> bool:
    return b"www.stufstandaarden.nl/sectormodel/ggk" in inhoud[:4096]


@dataclass(frozen=True)
class Envelop:
    soort: str  # Di01 / Du01
    functie: str  # WMO301 ...
    zender: str
    ontvanger: str
    referentienummer: str
    crossrefnummer: str
    bestandsnaam: str
    bericht: bytes


def inpakken(
    *,
    inhoud: bytes,
    berichttype: str,
    zender: str,
    ontvanger: str,
    identificatie: str,
    bestandsnaam: str,
    referentienummer: str | None = None,
    crossrefnummer: str = "",
    tijdstip: datetime | None = None,
) -> bytes:
    """The envelope around one message; a retour (306, 308, 316, 318) travels as Du01."""
    soort = RETOUR if berichttype[-3:] in RETOURS else HEEN
    root = etree.Element(f"{{{GGK}}}{ELEMENT[soort]}", nsmap=NSMAP)
    stuur = etree.SubElement(root, f"{{{GGK}}}stuurgegevens")

    def stuf(parent, naam, tekst=None):
        el = etree.SubElement(parent, f"{{{STUF}}}{naam}")
        if tekst is not None:
            el.text = tekst
        return el

    stuf(stuur, "berichtcode", soort)
    z = stuf(stuur, "zender")
    stuf(z, "organisatie", zender)
    stuf(z, "applicatie", APPLICATIE)
    o = stuf(stuur, "ontvanger")
    stuf(o, "organisatie", ontvanger)
    stuf(o, "applicatie", "GGk")
    stuf(stuur, "referentienummer", referentienummer or str(uuid.uuid4()))
    stuf(stuur, "tijdstipBericht", timezone.localtime(tijdstip or timezone.now()).strftime("%Y%m%d%H%M%S"))
    if soort == RETOUR and crossrefnummer:
        stuf(stuur, "crossRefnummer", crossrefnummer)
    stuf(stuur, "functie", berichttype)
    par = etree.SubElement(root, f"{{{GGK}}}parameters")
    etree.SubElement(par, f"{{{GGK}}}referentienummerBericht").text = identificatie
    for naam, waarde in (("applicatieVersie", "0003"), ("applicatieSubversie", "0002"),
                         ("functieVersie", "0001"), ("functieSubversie", "0001")):  # fmt: skip
        etree.SubElement(par, f"{{{GGK}}}{naam}").text = waarde
    bericht = etree.SubElement(par, f"{{{GGK}}}bericht")
    bericht.set(f"{{{STUF}}}bestandsnaam", bestandsnaam)
    bericht.set(f"{{{XMIME}}}contentType", "application/xml")
    bericht.text = base64.b64encode(inhoud).decode("ascii")
    fouten = envelopfouten(root)
    if fouten:
        raise ValueError(f"De GGk-envelop voldoet niet aan ggk0310_msg.xsd: {fouten}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def uitpakken(inhoud: bytes) -> Envelop:
    """Read, validate and unwrap an envelope. Raises EnvelopFout (in Dutch) when it is no valid
    ggk_Di01/ggk_Du01, the content is no base64, or the functie does not match the content."""
    try:
        root = etree.fromstring(inhoud, PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise EnvelopFout(f"De GGk-envelop is geen geldige XML ({exc}).") from exc
    if root.getroottree().docinfo.doctype:
        raise EnvelopFout("De GGk-envelop bevat een DOCTYPE; die is niet toegestaan.")
    qname = etree.QName(root)
    soort = next((s for s, naam in ELEMENT.items() if qname.localname == naam), None)
    if qname.namespace != GGK or soort is None:
        raise EnvelopFout("Het bestand is geen GGk-envelop (ggk_Di01 of ggk_Du01).")
    fouten = envelopfouten(root)
    if fouten:
        raise EnvelopFout(f"De GGk-envelop voldoet niet aan ggk0310_msg.xsd: {'; '.join(fouten)}")
    ns = {"StUF": STUF, "GGK": GGK}

    def tekst(pad):
        return (root.findtext(pad, namespaces=ns) or "").strip()

    el = root.find("GGK:parameters/GGK:bericht", ns)
    try:
        bericht = base64.b64decode((el.text or "").strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise EnvelopFout("De inhoud van de GGk-envelop (GGK:bericht) is geen geldige base64.") from exc
    envelop = Envelop(
        soort=soort,
        functie=tekst("GGK:stuurgegevens/StUF:functie"),
        zender=tekst("GGK:stuurgegevens/StUF:zender/StUF:organisatie"),
        ontvanger=tekst("GGK:stuurgegevens/StUF:ontvanger/StUF:organisatie"),
        referentienummer=tekst("GGK:stuurgegevens/StUF:referentienummer"),
        crossrefnummer=tekst("GGK:stuurgegevens/StUF:crossRefnummer"),
        bestandsnaam=el.get(f"{{{STUF}}}bestandsnaam", ""),
        bericht=bericht,
    )
    return envelop


def functie_van(bericht: bytes) -> str:
    """The message type of unwrapped content (WMO305 ...), or "" when it is none."""
    try:
        root = etree.fromstring(bericht, PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return ""
    bt = Berichttype.uit_namespace(etree.QName(root).namespace or "")
    return bt.naam if bt else ""
