"""The import-linter contracts in pyproject.toml see every package, and they fail on a reach upward.

``lint-imports`` only proves that today's imports keep the contracts. These tests prove the
contracts would catch a new violation: they add one import that goes the wrong way to the real
import graph (a lower app importing a higher one, or a module of ``altena/`` importing an app) and
check that a contract breaks; and they fail when an app is added without being placed in a layer.
"""

from __future__ import annotations

from copy import deepcopy
from functools import cache
from pathlib import Path

import grimp
import pytest
from django.apps import apps
from importlinter import configuration
from importlinter.application.use_cases import read_user_options
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.layers import LayersContract

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_TYPES = {"layers": LayersContract, "forbidden": ForbiddenContract}
# The modules of altena/ that wire the project together and so may import apps.
BEDRADING = {"altena.settings", "altena.urls", "altena.wsgi", "altena.asgi", "altena.celery"}

configuration.configure()


@cache
def _opties() -> dict:
    """The import-linter options as lint-imports reads them."""
    opties = read_user_options(str(ROOT / "pyproject.toml"))
    return {**opties.session_options, "contracts": opties.contracts_options}


@cache
def _graaf():
    return grimp.build_graph(*_opties()["root_packages"], cache_dir=None)


def _lagen() -> list[list[str]]:
    (lagen,) = (c["layers"] for c in _opties()["contracts"] if c["type"] == "layers")
    return [[naam.strip().strip("()") for naam in laag.split("|")] for laag in lagen]


def _gebroken(graph) -> list[str]:
    """The names of the contracts the graph breaks."""
    sessie = {k: v for k, v in _opties().items() if k != "contracts"}
    gebroken = []
    for opties in _opties()["contracts"]:
        opties = {k: v for k, v in opties.items() if k != "id"}
        contract = CONTRACT_TYPES[opties["type"]](
            name=opties["name"], session_options=sessie, contract_options=opties
        )
        if not contract.check(deepcopy(graph), verbose=False).kept:
            gebroken.append(opties["name"])
    return gebroken


def _met_import(importer: str, imported: str):
    graph = deepcopy(_graaf())
    graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="import x")
    return graph


def _een_module(pakket: str) -> str:
    """A real module of the package (its models, else the package itself)."""
    return next(naam for naam in (f"{pakket}.models", pakket) if naam in _graaf().modules)


def test_the_real_graph_keeps_every_contract():
    assert _gebroken(_graaf()) == []


def test_every_project_app_and_package_is_placed():
    """Every app of INSTALLED_APPS that lives in this repository, and every top-level package
    beside manage.py that is not a tool (tests, bench, scripts), is a root package and in a layer
    (or is altena itself)."""
    roots = set(_opties()["root_packages"])
    in_laag = {naam for laag in _lagen() for naam in laag}
    eigen_apps = {cfg.name.split(".")[0] for cfg in apps.get_app_configs() if Path(cfg.path).parent == ROOT}
    pakketten = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench", "scripts"}
    for naam in eigen_apps | pakketten:
        assert naam in roots, f"{naam} is not a root package of the import-linter contracts"
        assert naam == "altena" or naam in in_laag, f"{naam} is in no layer of the layers contract"


def _omhoog() -> list[tuple[str, str]]:
    lagen = [laag for laag in _lagen() if any(naam in _graaf().modules for naam in laag)]
    paren = []
    for i, hoger in enumerate(lagen):
        for lager in lagen[i + 1 :]:
            paren += [(laag_l, laag_h) for laag_l in lager for laag_h in hoger]
    modules = _graaf().modules
    return [(lager, hoger) for lager, hoger in paren if lager in modules and hoger in modules]


@pytest.mark.parametrize(("lager", "hoger"), _omhoog(), ids=lambda n: n)
def test_a_lower_app_importing_a_higher_one_breaks_the_layers(lager, hoger):
    assert _gebroken(_met_import(_een_module(lager), _een_module(hoger)))


def _altena_modules() -> list[str]:
    modules = _graaf().find_descendants("altena") | {"altena"}
    return sorted(m for m in modules if not any(m == w or m.startswith(w + ".") for w in BEDRADING))


@pytest.mark.parametrize("module", _altena_modules())
def test_altena_importing_any_app_breaks_a_contract(module):
    for app in ("netwerk", "intake", "rapportage"):
        assert _gebroken(_met_import(module, f"{app}.models")), f"{module} -> {app} went unnoticed"


@pytest.mark.parametrize("module", sorted(BEDRADING))
def test_the_wiring_modules_may_import_apps(module):
    assert _gebroken(_met_import(module, "intake.models")) == []


def test_independent_apps_in_one_layer_may_not_import_each_other():
    assert _gebroken(_met_import("documenten.models", "berichten.models"))
    assert _gebroken(_met_import("partner.models", "rapportage.models"))
