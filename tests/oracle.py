"""The outside oracles in ``../shared`` beside the project (the published iWmo/iJw examples, code
lists and rule stylesheets, the GGk envelope examples, the CBS protocol, the BRP API's OpenAPI and
features). CI has them; a user's fresh clone does not. A test that needs one asks for it here and
is skipped, with the reason, where it is absent: the project itself never reads ``../shared``."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ISTANDAARDEN = SHARED / "istandaarden"
BRP = SHARED / "brp"


def aanwezig() -> bool:
    return SHARED.is_dir()


def reden(pad: Path) -> str:
    return (
        f"heeft het externe orakel {pad} nodig (../shared naast het project); "
        "dat ontbreekt in deze clone (CI heeft het)"
    )


def oracle(pad: Path) -> Path:
    """The path when it exists; otherwise the calling test is skipped with the reason."""
    if not pad.exists():
        pytest.skip(reden(pad))
    return pad


# For a whole module: ``pytestmark = vereist(ISTANDAARDEN)``.
def vereist(pad: Path):
    return pytest.mark.skipif(not pad.exists(), reason=reden(pad))
