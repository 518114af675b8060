"""Derive the field paths a ``fields`` list may name from the published OpenAPI specification.

Run once when the specification changes
(``python -m brp.standin.velden_uit_spec ../shared/brp/openapi.json``): it rewrites ``velden.json``
beside this module. The stand-in reads only that file at run time, never the specification;
``tests/brp/test_velden.py`` checks the file still matches the specification.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent
# Fields the API always supplies by itself: naming one in ``fields`` is a 400 ("niet toegestaan").
AUTOMATISCH = ("geheimhoudingPersoonsgegevens", "opschortingBijhouding", "rni", "verificatie", "inOnderzoek")


def _schema(spec: dict, node: dict) -> dict:
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _eigenschappen(spec: dict, node: dict, gezien: frozenset = frozenset()) -> dict:
    """All properties of a schema: its own, those of allOf parts and of every discriminator subtype."""
    naam = node.get("$ref", "")
    if naam and naam in gezien:
        return {}
    gezien = gezien | {naam}
    node = _schema(spec, node)
    props = dict(node.get("properties", {}))
    for deel in node.get("allOf", []):
        props.update(_eigenschappen(spec, deel, gezien))
    for ref in node.get("discriminator", {}).get("mapping", {}).values():
        props.update(_eigenschappen(spec, {"$ref": ref}, gezien))
    if node.get("type") == "array" and "items" in node:
        return _eigenschappen(spec, node["items"], gezien)
    return props


def paden(spec: dict, schema_naam: str) -> list[str]:
    uit: set[str] = set()

    def loop(node: dict, prefix: str, diepte: int) -> None:
        if diepte > 6:
            return
        for naam, sub in _eigenschappen(spec, node).items():
            pad = f"{prefix}{naam}"
            uit.add(pad)
            loop(sub, pad + ".", diepte + 1)

    loop({"$ref": f"#/components/schemas/{schema_naam}"}, "", 0)
    return sorted(uit)


def velden(spec: dict) -> dict:
    return {"Persoon": paden(spec, "Persoon"), "PersoonBeperkt": paden(spec, "PersoonBeperkt")}


if __name__ == "__main__":
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    (HIER / "velden.json").write_text(json.dumps(velden(spec), indent=0) + "\n", encoding="utf-8")
