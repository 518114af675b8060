"""The pages `make bench` measures: every GET page of the URL map, filled with real ids.

Run inside Django (bench/run.py calls ``python manage.py shell -c``-style through ``discover``).
Each route parameter is filled from the database with an object the demo users can reach; a route
with a parameter it cannot fill is reported as not measured, with the reason, never silently dropped.
"""

from __future__ import annotations

import re

from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver

# Routes that are not pages to load: actions (POST only), downloads, the admin and auth plumbing.
SKIP = re.compile(r"^(admin/|accounts/logout/|health/|.*(claimen|toewijzen|starten|opschorten|hervatten|"
                  r"verdagen|afsluiten|openen|download|export|pdf|xlsx|csv|xml)/?$)")  # fmt: skip

# SQL giving one value for a route parameter, by a fragment of the route (first match wins).
# Cases of the demo consultant's own team, so the consultant, teamleider and frontoffice may see them.
SAMPLES = [
    ("backoffice/casus/<str:nummer>/", "SELECT nummer FROM intake_casus WHERE fase NOT IN "
     "('aangemeld','verwezen','afgehandeld') ORDER BY id DESC LIMIT 1"),
    ("intake/casus/<str:nummer>/", "SELECT nummer FROM intake_casus WHERE fase = 'aangemeld' "
     "ORDER BY id DESC LIMIT 1"),
    ("intake/inwoner/<int:pk>/", "SELECT inwoner_id FROM intake_casus ORDER BY id DESC LIMIT 1"),
    ("intake/huishouden/<int:pk>/", "SELECT huishouden_id FROM intake_casus WHERE huishouden_id IS NOT NULL "
     "ORDER BY id DESC LIMIT 1"),
    ("intake/verwijzing/<int:pk>/", "SELECT id FROM intake_verwijzing ORDER BY id DESC LIMIT 1"),
    ("netwerk/partner/<int:pk>/", "SELECT id FROM netwerk_partner ORDER BY id LIMIT 1"),
    ("netwerk/<int:pk>/", "SELECT id FROM netwerk_partner ORDER BY id LIMIT 1"),
]  # fmt: skip

# Extra variants of list pages: filters and the last page of each queue.
VARIANTS = {
    "intake/": ["?fase=aangemeld", "?status=alle", "?page=last"],
    "backoffice/": ["?termijn=verstreken", "?page=last"],
    "netwerk/": ["?q=welzijn"],
    "rapportage/raad/": ["?periode=jaar"],
}


def _walk(patterns, prefix=""):
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, route)
        elif isinstance(p, URLPattern):
            yield route


def _sample(route: str) -> tuple[str | None, str]:
    for fragment, sql in SAMPLES:
        # The key is the route up to and including its parameter, so sub-pages share the sample.
        if route.startswith(fragment.rstrip("/")):
            with connection.cursor() as cursor:
                cursor.execute(sql)
                row = cursor.fetchone()
            return (str(row[0]), "") if row else (None, "geen voorbeeldobject in de database")
    return None, "geen voorbeeldquery voor deze parameter (bench/pages.py SAMPLES)"


def discover() -> dict:
    """{'pages': [path, ...], 'skipped': {route: reason}} for every GET page of the URL map."""
    pages, skipped = [], {}
    for route in sorted(set(_walk(get_resolver().url_patterns))):
        if route.startswith("^") or "(?P" in route or SKIP.match(route):
            continue
        params = re.findall(r"<[^>]+>", route)
        if len(params) > 1:
            skipped[route] = "meer dan één parameter"
            continue
        path = route
        if params:
            value, reason = _sample(route)
            if value is None:
                skipped[route] = reason
                continue
            path = route.replace(params[0], value)
        pages.append("/" + path)
        for variant in VARIANTS.get(route, []):
            pages.append("/" + path + variant)
    return {"pages": pages, "skipped": skipped}
