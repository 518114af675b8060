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
# Routes that are no page to load, with the reason the results give.
NIET_EEN_PAGINA = [
    (re.compile(r".*/bestanden/<int:pk>/$"), "een bestand (download), geen pagina"),
    (re.compile(r".*/verwijderen/$"), "alleen POST (een handeling)"),
    (re.compile(r"^signalen/<int:pk>/afhandelen/$"), "alleen POST (een handeling)"),
    (re.compile(r"^intake/huishouden/<int:pk>/regisseur/$"), "alleen POST (de regisseur kiezen)"),
    (re.compile(r"^partner/verwijzing/<int:pk>/<slug:actie>/$"), "alleen POST (een antwoord van de partner)"),
    (re.compile(r"^rapportage/raad/csv/"), "een download (CSV), geen pagina"),
    (re.compile(r"^signalen/<int:pk>/$"), "alleen POST: een signaal opent met een knop"),
    (re.compile(r"^partner/uitnodiging/"), "een eenmalige link: alleen de hash van het token is bewaard"),
    (re.compile(r"^accounts/wachtwoord-vergeten/nieuw/"), "een eenmalige link uit de e-mail"),
]

# SQL giving one value for a route parameter, by a fragment of the route (first match wins).
# Cases of the demo consultant's own team, so the consultant, teamleider and frontoffice may see them.
SAMPLES = [
    (
        "backoffice/casus/<str:nummer>/besluit/<int:pk>/bezwaar/",
        """SELECT c.nummer, b.id FROM backoffice_besluit b
        JOIN intake_casus c ON c.id = b.casus_id
        WHERE c.fase NOT IN ('aangemeld', 'verwezen', 'afgehandeld') ORDER BY b.id DESC LIMIT 1""",
    ),
    (
        "backoffice/casus/<str:nummer>/bezwaar/<int:pk>/",
        """SELECT c.nummer, z.id FROM backoffice_bezwaar z
        JOIN intake_casus c ON c.id = z.casus_id ORDER BY z.id DESC LIMIT 1""",
    ),
    (
        "backoffice/casus/<str:nummer>/voorziening/<int:pk>/",
        """SELECT c.nummer, v.id FROM backoffice_voorziening v
        JOIN intake_casus c ON c.id = v.casus_id
        WHERE v.beeindigd_op IS NULL AND c.fase = 'in_zorg' ORDER BY v.id DESC LIMIT 1""",
    ),
    (
        "backoffice/casus/<str:nummer>/",
        """SELECT nummer FROM intake_casus
        WHERE fase NOT IN ('aangemeld', 'verwezen', 'afgehandeld') ORDER BY id DESC LIMIT 1""",
    ),
    (
        "documenten/casus/<str:nummer>/brief/<str:soort>/<int:object_id>/",
        """SELECT c.nummer, 'beschikking_toekenning', b.id
        FROM backoffice_besluit b JOIN intake_casus c ON c.id = b.casus_id
        WHERE b.soort = 'toekenning' ORDER BY b.id DESC LIMIT 1""",
    ),
    (
        "documenten/casus/<str:nummer>/",
        """SELECT nummer FROM intake_casus
        WHERE fase NOT IN ('aangemeld', 'verwezen', 'afgehandeld') ORDER BY id DESC LIMIT 1""",
    ),
    (
        "intake/casus/<str:nummer>/",
        "SELECT nummer FROM intake_casus WHERE fase = 'aangemeld' ORDER BY id DESC LIMIT 1",
    ),
    ("intake/inwoner/<int:pk>/", "SELECT inwoner_id FROM intake_casus ORDER BY id DESC LIMIT 1"),
    (
        "intake/huishouden/<int:pk>/",
        """SELECT huishouden_id FROM intake_casus WHERE huishouden_id IS NOT NULL
        ORDER BY id DESC LIMIT 1""",
    ),
    ("intake/verwijzing/<int:pk>/", "SELECT id FROM intake_verwijzing ORDER BY id DESC LIMIT 1"),
    (
        "berichten/casus/<str:nummer>/",
        """SELECT c.nummer FROM berichten_bericht b JOIN intake_casus c ON c.id = b.casus_id
        ORDER BY b.id DESC LIMIT 1""",
    ),
    ("berichten/verzoeken/<int:pk>/", "SELECT id FROM berichten_verzoek ORDER BY id DESC LIMIT 1"),
    (
        "berichten/voorziening/<int:pk>/",
        """SELECT v.id FROM backoffice_voorziening v JOIN intake_casus c ON c.id = v.casus_id
        WHERE v.beeindigd_op IS NULL AND v.aanbieder_id IS NOT NULL AND v.leveringsvorm = 'natura'
        AND c.fase = 'in_zorg' ORDER BY v.id DESC LIMIT 1""",
    ),
    ("berichten/<int:pk>/", "SELECT id FROM berichten_bericht ORDER BY id DESC LIMIT 1"),
    (
        "partner/verwijzing/<int:pk>/",
        """SELECT v.id FROM intake_verwijzing v JOIN intake_casus c ON c.id = v.casus_id
        JOIN partner_partnermedewerker m ON m.partner_id = v.partner_id
        JOIN auth_user u ON u.id = m.gebruiker_id
        WHERE u.username = 'partner' AND c.toestemming_delen ORDER BY v.id DESC LIMIT 1""",
    ),
    ("netwerk/partners/<int:pk>/", "SELECT id FROM netwerk_partner ORDER BY id LIMIT 1"),
    ("netwerk/partner/<int:pk>/", "SELECT id FROM netwerk_partner ORDER BY id LIMIT 1"),
    ("netwerk/<int:pk>/", "SELECT id FROM netwerk_partner ORDER BY id LIMIT 1"),
]

# Downloads (XLSX, PDF, CSV): measured one at a time in the sequential phase and listed apart from
# the pages (not held to the page target). (demo user, path).
DOWNLOADS = [
    ("teamleider", "/rapportage/raad/xlsx/"),
    ("teamleider", "/rapportage/raad/pdf/"),
    ("teamleider", "/rapportage/raad/csv/hulpvragen/"),
    ("teamleider", "/rapportage/raad/cbs/csv/"),
]

# HOOKS for pages being written in parallel (issue #26 item 7). Every GET route of the URL map is
# found by ``discover`` on its own: a new page needs only
#   - a SAMPLES entry above when its route has a parameter (e.g. a berichtenbox envelope id:
#     "berichten/envelop/<int:pk>/" -> SELECT id FROM ... ORDER BY id DESC LIMIT 1),
#   - a VARIANTS entry below for a query string worth measuring (e.g. the BRP search at the front
#     door: "intake/brp/": ["?bsn=999993653"] with a BSN of the BRP stand-in),
#   - a demo user in bench.common.USERS who gets a 200 for it; the inwoner's /mijn/ (logged in
#     through the demo DigiD) needs a login function for that user in bench.common, listed in
#     EXTRA_LOGINS there, and the results say it was logged in that way.
# Pages that no walk of the URL map finds (none today) go in EXTRA_PAGES.
EXTRA_PAGES: list[str] = []

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


def _sample(route: str) -> tuple[tuple | None, str]:
    """Values for the route's parameters, in order, from the first SAMPLES entry the route starts
    with (sub-pages share their parent's sample)."""
    for fragment, sql in SAMPLES:
        if route.startswith(fragment):
            with connection.cursor() as cursor:
                cursor.execute(sql)
                row = cursor.fetchone()
            return (tuple(str(v) for v in row), "") if row else (None, "geen voorbeeldobject in de database")
    return None, "geen voorbeeldquery voor deze parameter (bench/pages.py SAMPLES)"


def discover() -> dict:
    """{'pages': [path, ...], 'skipped': {route: reason}} for every GET page of the URL map."""
    pages, skipped = [], {}
    for route in sorted(set(_walk(get_resolver().url_patterns))):
        if route.startswith("^") or "(?P" in route or SKIP.match(route):
            continue
        reden = next((r for patroon, r in NIET_EEN_PAGINA if patroon.match(route)), None)
        if reden:
            skipped[route] = reden
            continue
        params = re.findall(r"<[^>]+>", route)
        path = route
        if params:
            values, reason = _sample(route)
            if values is None or len(values) < len(params):
                skipped[route] = reason or "te weinig waarden in het voorbeeld"
                continue
            for param, value in zip(params, values, strict=False):
                path = path.replace(param, value, 1)
        pages.append("/" + path)
        for variant in VARIANTS.get(route, []):
            pages.append("/" + path + variant)
    pages += [p for p in EXTRA_PAGES if p not in pages]
    return {"pages": pages, "skipped": skipped, "downloads": DOWNLOADS}
