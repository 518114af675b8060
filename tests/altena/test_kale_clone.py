"""A user's clone has nothing beside it: no ../shared. The test suite must still be collected there
(nothing reads the outside oracles at import time), and the tests that need them skip with a reason."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)

pytestmark = pytest.mark.traag


@pytest.fixture(scope="module")
def kale_clone(tmp_path_factory):
    if not (BASE / ".git").exists() or shutil.which("git") is None:
        pytest.skip("geen git-repository om te klonen")
    map = tmp_path_factory.mktemp("leeg") / "project"
    subprocess.run(["git", "clone", "--quiet", str(BASE), str(map)], check=True, timeout=120)
    assert not (map.parent / "shared").exists()
    return map


def pytest_in(map: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "BERICHTEN_XSD_MAP"))}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=map, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_collectie_zonder_shared(kale_clone):
    uit = pytest_in(kale_clone, "--collect-only", "-q")
    assert uit.returncode == 0, uit.stdout[-3000:] + uit.stderr[-3000:]
    assert "error" not in uit.stdout.lower().split("\n")[-2], uit.stdout[-2000:]
    assert " tests collected" in uit.stdout or "tests collected" in uit.stdout


def test_orakeltests_slaan_over_met_reden(kale_clone):
    """The schema copy's own checks run; those that need the publication skip and say why."""
    uit = pytest_in(kale_clone, "tests/berichten/test_schemas_kopie.py", "-rs", "-q", "--no-migrations")
    assert uit.returncode == 0, uit.stdout[-3000:] + uit.stderr[-3000:]
    assert "skipped" in uit.stdout and "../shared" in uit.stdout and "passed" in uit.stdout
