"""Make the project's own structural copy of the published schemas the berichtenverkeer validates against.

    python scripts/schemas_kopieren.py BRON [DOEL]

BRON is a folder in the publication's own layout, named each time (the project never assumes where a
download lies): ``wmo/xsd/*.xsd`` and ``jw/xsd/*.xsd`` (iWmo and iJw 3.2, Zorginstituut Nederland) and
``ggk/`` (the StUF-GGk 2.1 envelope ggk0310: schemas and WSDL, VNG Realisatie, EUPL). DOEL is the
project's copy (default ``berichten/schemas``), rewritten from scratch.

What is copied is the formal structure only: elements, types, enumerations, facets, imports and,
for the WSDL, messages, port types and bindings. The publisher's explanatory texts
(``xs:annotation``, ``wsdl:documentation``) and comments are stripped. The relative layout is kept,
so each file's imports (``basisschema.xsd``, ``../../0301/stuf0301mtom.xsd``) resolve as published.
Examples, code lists, rules and stylesheets are not copied: they stay outside the project as the
oracle its tests hold it to. A note ``BRON.md`` records source, release and what was done.

Run it again for the next release and commit the result; ``tests/berichten/test_schemas_kopie.py``
checks the copy against the publication where it is present.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import date
from pathlib import Path

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
ROOT = Path(__file__).resolve().parents[1]

# (folder in the publication, glob) of every file the run time needs.
BESTANDEN = [
    ("wmo/xsd", "*.xsd"),
    ("jw/xsd", "*.xsd"),
    ("ggk/ggk0310_21/ggkberichten", "*.xsd"),
    ("ggk/ggk0310_21/ggkberichten", "*.wsdl"),
    ("ggk/0301", "*.xsd"),
    ("ggk/0301", "*.wsdl"),
    ("ggk/xmlmime", "*.xsd"),
]

NOTITIE = """# Structural copy of the published message schemas

Made by `scripts/schemas_kopieren.py` on {datum} from the publication in its own layout. Do not edit
by hand: run the script again (for a new release too) and commit the result.

| folder | source | release | licence |
| --- | --- | --- | --- |
| `wmo/xsd/` | iWmo, Zorginstituut Nederland | 3.2 (in force since 3 April 2023) | published standard |
| `jw/xsd/` | iJw, Zorginstituut Nederland | 3.2 (in force since 3 April 2023) | published standard |
| `ggk/` | StUF-GGk envelope ggk0310, VNG Realisatie (`Ggk0310_21_03.zip`) | 2.1 | EUPL 1.2 |

What is here: the formal structure only (elements, types, enumerations, facets, imports; for the
WSDL its messages, port types, bindings and service). The publisher's annotation and documentation
texts and the comments were stripped; nothing else was changed, and the relative paths are as
published, so the imports resolve. The application validates against this copy by default;
`BERICHTEN_XSD_MAP` points it at the full publication instead. The publication has no iWmo retour
schemas (302, 306, 308, 316, 318, 320): `berichten/schema.py` derives them from the iJw ones at run
time, as it does from the full publication.

{aantal} files.
"""


def strip(path: Path) -> bytes:
    """The file without annotation/documentation elements and comments, re-serialised."""
    parser = etree.XMLParser(remove_comments=True, resolve_entities=False, no_network=True)
    doc = etree.parse(str(path), parser)
    for element in doc.xpath("//xs:annotation | //wsdl:documentation", namespaces={"xs": XS, "wsdl": WSDL}):
        parent = element.getparent()
        # Keep the tail text's place for mixed content (schemas have none, but be exact).
        parent.remove(element)
    for element in doc.iter():
        if element.text is not None and not element.text.strip() and len(element):
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    etree.indent(doc, space="  ")
    return etree.tostring(doc, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def kopieer(bron: Path, doel: Path) -> int:
    missing = [map for map, _ in BESTANDEN if not (bron / map).is_dir()]
    if missing:
        raise SystemExit(f"{bron} heeft niet de indeling van de publicatie: ontbreekt {', '.join(missing)}")
    if doel.exists():
        shutil.rmtree(doel)
    aantal = 0
    for map, patroon in BESTANDEN:
        for bestand in sorted((bron / map).glob(patroon)):
            relatief = bestand.relative_to(bron)
            uit = doel / relatief
            uit.parent.mkdir(parents=True, exist_ok=True)
            uit.write_bytes(strip(bestand))
            aantal += 1
    notitie = NOTITIE.format(datum=date.today().isoformat(), aantal=aantal)
    (doel / "BRON.md").write_text(notitie, encoding="utf-8")
    return aantal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bron", type=Path, help="de map met de publicatie (wmo/xsd, jw/xsd, ggk/)")
    parser.add_argument("doel", nargs="?", type=Path, default=ROOT / "berichten" / "schemas")
    args = parser.parse_args(argv)
    aantal = kopieer(args.bron, args.doel)
    print(f"{aantal} bestanden gekopieerd naar {args.doel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
