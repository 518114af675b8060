"""Read a received file: parse it safely, recognise the message type from its namespace, read the
header, and validate it against its XSD. Nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..schema import schemafouten
from ..typen import Berichttype

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=True)


class Onleesbaar(Exception):
    """The file is no iWmo/iJw 3.2 message at all (not XML, another namespace, no header)."""


@dataclass
class Gelezen:
    bt: Berichttype
    root: etree._Element
    kop: dict
    schemafouten: list[str] = field(default_factory=list)

    @property
    def ns(self) -> dict:
        return {"m": self.bt.namespace, "b": self.bt.basis_namespace}

    def tekst(self, el, pad: str, default: str = "") -> str:
        gevonden = el.find(pad, self.ns)
        return (gevonden.text or "").strip() if gevonden is not None else default

    def alle(self, el, pad: str) -> list:
        return el.findall(pad, self.ns)

    def pad(self, el) -> str:
        return self.root.getroottree().getpath(el)


def lezen(inhoud: bytes) -> Gelezen:
    try:
        root = etree.fromstring(inhoud, PARSER)
    except etree.XMLSyntaxError as exc:
        raise Onleesbaar(f"Het bestand is geen geldige XML ({exc.msg}).") from exc
    except (ValueError, MemoryError) as exc:  # e.g. an encoding declaration lxml refuses
        raise Onleesbaar(f"Het bestand is geen leesbare XML ({exc}).") from exc
    # An iWmo/iJw message has no DOCTYPE: a DTD can only bring entities (an entity bomb, entities
    # the validator cannot handle) or a reference to the network. Refused before anything reads it.
    if root.getroottree().docinfo.doctype or any(isinstance(el, etree._Entity) for el in root.iter()):
        raise Onleesbaar("Het bestand bevat een DOCTYPE of entiteiten; een iWmo/iJw-bericht heeft die niet.")
    bt = Berichttype.uit_namespace(etree.QName(root).namespace or "")
    if bt is None or etree.QName(root).localname != "Bericht":
        raise Onleesbaar("Het bestand is geen iWmo- of iJw-bericht van release 3.2 (onbekende namespace).")
    g = Gelezen(bt=bt, root=root, kop={})
    header = root.find("m:Header", g.ns)
    if header is None:
        raise Onleesbaar("Het bericht heeft geen header.")
    g.kop = {
        "berichtcode": g.tekst(header, "m:BerichtCode"),
        "afzender": g.tekst(header, "m:Afzender"),
        "ontvanger": g.tekst(header, "m:Ontvanger"),
        "identificatie": g.tekst(header, "m:BerichtIdentificatie/b:Identificatie"),
        "dagtekening": g.tekst(header, "m:BerichtIdentificatie/b:Dagtekening"),
    }
    try:
        g.schemafouten = schemafouten(bt.naam, etree.ElementTree(root))
    except (etree.XMLSchemaError, etree.XMLSyntaxError, ValueError) as exc:  # the validator itself failed
        g.schemafouten = [f"het bericht kon niet tegen de XSD worden gecontroleerd ({exc})"]
    return g
