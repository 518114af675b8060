"""No domain literals in templates: a template never compares with a status text or code of the
domain (``{% if v.status == "verstuurd" %}``); the model says it (``v.is_nieuw``), so renaming a
choice cannot leave a page silently showing the wrong thing."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

VERGELIJKING = re.compile(r"""(?:==|!=)\s*['"]([^'"]+)['"]|['"]([^'"]+)['"]\s*(?:==|!=)""")


def _domeinwaarden() -> set[str]:
    waarden = set()
    for model in apps.get_models():
        if not Path(apps.get_app_config(model._meta.app_label).path).parent == settings.BASE_DIR:
            continue
        for veld in model._meta.get_fields():
            for keuze in getattr(veld, "choices", None) or []:
                if isinstance(keuze[0], str):
                    waarden.add(keuze[0])
    return waarden


def test_templates_compare_with_no_status_or_code():
    waarden = _domeinwaarden()
    assert "verstuurd" in waarden  # the check sees the choices
    gevonden = []
    for sjabloon in sorted((settings.BASE_DIR / "templates").rglob("*.html")):
        for nummer, regel in enumerate(sjabloon.read_text().splitlines(), 1):
            for tag in re.findall(r"{%\s*(?:if|elif)\b.*?%}", regel):
                for a, b in VERGELIJKING.findall(tag):
                    if (a or b) in waarden:
                        gevonden.append(f"{sjabloon.relative_to(settings.BASE_DIR)}:{nummer}: {a or b}")
    assert not gevonden, "\n".join(gevonden)
