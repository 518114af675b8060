"""The stand-in's catalogue of field paths (brp/standin/velden.json) still matches the specification."""

import json
from pathlib import Path

from brp.standin.velden_uit_spec import velden

from .spec import laad_spec


def test_veldencatalogus_volgt_de_specificatie():
    opgeslagen = json.loads((Path("brp/standin/velden.json")).read_text(encoding="utf-8"))
    assert opgeslagen == velden(laad_spec())
