"""Logging cannot be forgotten (issue 10, found #3).

1. Every view behind a URL of the project declares ``verwerking``: its purpose, or
   ``GEEN_PERSOONSGEGEVENS``. A new URL without a declaration fails here.
2. Each page that shows personal data leaves exactly the right rows: walked page by page.
3. Refused attempts (403/404) on such pages leave a row with ``resultaat="geweigerd"``, naming the
   inwoner when the target is known.
"""

from collections import Counter

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

from altena.models import Verwerking
from altena.verwerkingen import doel_eigenaar
from tests.factories.altena import UserFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory
from tests.factories.netwerk import TeamFactory

pytestmark = pytest.mark.django_db

# Views of Django itself that show no personal data of inwoners (login, the admin's own index and
# helpers); the accounts admin is the user-management helper's (issue 10, part a).
DJANGO_EIGEN = (
    "django.contrib.auth.",
    "django.contrib.admin.",
    "django.contrib.contenttypes.",
    "django.views.generic.base",  # the admin's redirect of <id>/ to <id>/change/
)
# Staff accounts and login attempts: no inwoners (accounts and their audit log are issue 10, part a).
ACCOUNT_ADMINS = {"auth.user", "auth.group", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}


def alle_patronen(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from alle_patronen(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.callback


def eigenaar(callback):
    return doel_eigenaar(callback)


def test_every_view_declares_its_verwerking():
    ontbreekt = []
    for route, callback in alle_patronen():
        owner = eigenaar(callback)
        model_admin = owner if isinstance(owner, admin.ModelAdmin) else None
        if model_admin is not None and model_admin.model._meta.label_lower in ACCOUNT_ADMINS:
            continue
        if model_admin is None and getattr(owner, "__module__", "").startswith(DJANGO_EIGEN):
            continue
        if not hasattr(owner, "verwerking"):
            ontbreekt.append(f"{route} ({getattr(owner, '__name__', owner)})")
    assert not ontbreekt, "Views zonder verwerking-declaratie: " + ", ".join(ontbreekt)


def test_every_admin_of_personal_data_is_for_superusers_only():
    from altena.admin import PersoonsgegevensAdmin

    for model, model_admin in admin.site._registry.items():
        if model._meta.label_lower in ACCOUNT_ADMINS:
            continue
        doel = getattr(model_admin, "verwerking", None)
        assert doel is not None, f"{model._meta.label} declares no verwerking"
        if model._meta.app_label in {"intake"}:
            assert isinstance(model_admin, PersoonsgegevensAdmin), model._meta.label


# --- exactly the right rows, page by page ------------------------------------------------------


@pytest.fixture
def wereld(kern, team, consultant, frontoffice):
    huishouden = HuishoudenFactory()
    a = InwonerFactory(kern=kern, huishouden=huishouden)
    b = InwonerFactory(kern=kern, huishouden=huishouden)
    casus = CasusFactory(inwoner=a, team=team)
    maatwerk = CasusFactory(inwoner=b, team=team, maatwerk=True, behandelaar=consultant)
    ander_team = TeamFactory(naam="Ander team", kernen=[kern])
    elders = CasusFactory(inwoner=InwonerFactory(kern=kern), team=ander_team, maatwerk=True)
    return {"a": a, "b": b, "huishouden": huishouden, "casus": casus, "maatwerk": maatwerk, "elders": elders}


def rijen(user):
    return Counter(
        (r.handeling, r.object_type, r.inwoner_id, r.casus_nummer, r.resultaat)
        for r in Verwerking.objects.filter(actor=user)
    )


def L(object_type, inwoner=None, casus=None, handeling="lezen", resultaat="geslaagd"):  # noqa: N802
    return (handeling, object_type, inwoner.pk if inwoner else None, casus.nummer if casus else "", resultaat)


PAGINAS = [
    # (role fixture, url, expected rows): one line per personal-data page
    (
        "frontoffice",
        lambda w: "/intake/",
        lambda w: [L("inwoner", w["a"])],
    ),
    (
        "frontoffice",
        lambda w: f"/intake/inwoner/{w['a'].pk}/",
        lambda w: [L("inwoner", w["a"]), L("inwoner", w["b"])],
    ),
    ("frontoffice", lambda w: f"/intake/inwoner/{w['a'].pk}/hulpvraag/", lambda w: [L("inwoner", w["a"])]),
    (
        "frontoffice",
        lambda w: f"/intake/casus/{w['casus'].nummer}/",
        lambda w: [L("casus", w["a"], w["casus"])],
    ),
    (
        "frontoffice",
        lambda w: f"/intake/huishouden/{w['huishouden'].pk}/",
        lambda w: [L("inwoner", w["a"]), L("inwoner", w["b"])],
    ),
    (
        "consultant",
        lambda w: "/backoffice/",
        lambda w: [L("inwoner", w["b"])],  # not the other team's case
    ),
    (
        "consultant",
        lambda w: f"/backoffice/casus/{w['maatwerk'].nummer}/",
        lambda w: [L("casus", w["b"], w["maatwerk"]), L("inwoner", w["a"])],
    ),
    (
        "consultant",
        lambda w: f"/backoffice/casus/{w['maatwerk'].nummer}/onderzoek/starten/",
        lambda w: [L("casus", w["b"], w["maatwerk"])],
    ),
    (
        "consultant",
        lambda w: f"/backoffice/casus/{w['maatwerk'].nummer}/plan/",
        lambda w: [L("casus", w["b"], w["maatwerk"])],
    ),
    (
        "consultant",
        lambda w: f"/backoffice/casus/{w['maatwerk'].nummer}/aanvraag/",
        lambda w: [L("casus", w["b"], w["maatwerk"])],
    ),
    (
        "consultant",
        lambda w: f"/backoffice/casus/{w['maatwerk'].nummer}/afsluiten/",
        lambda w: [L("casus", w["b"], w["maatwerk"])],
    ),
    # refused attempts: another team's case, a case that does not exist; a known target names its
    # inwoner (issue 21), so the privacy officer's search by BSN shows the attempt
    (
        "consultant",
        lambda w: f"/backoffice/casus/{w['elders'].nummer}/",
        lambda w: [L("casus", w["elders"].inwoner, w["elders"], resultaat="geweigerd")],
    ),
    (
        "consultant",
        lambda w: "/backoffice/casus/2099-999999/plan/",
        lambda w: [("lezen", "casus", None, "2099-999999", "geweigerd")],
    ),
    (
        "frontoffice",
        lambda w: f"/backoffice/casus/{w['casus'].nummer}/",
        lambda w: [L("casus", w["casus"].inwoner, w["casus"], resultaat="geweigerd")],
    ),
    (
        "beheerder",
        lambda w: f"/intake/inwoner/{w['a'].pk}/",
        lambda w: [("lezen", "inwoner", w["a"].pk, "", "geweigerd")],
    ),
]


@pytest.mark.parametrize("rol,url,verwacht", PAGINAS)
def test_each_personal_data_page_logs_exactly_the_right_rows(request, client_for, wereld, rol, url, verwacht):
    user = request.getfixturevalue(rol)
    response = client_for(user).get(url(wereld))
    assert response.status_code in (200, 403, 404)
    assert rijen(user) == Counter(verwacht(wereld))


def test_a_refused_post_is_logged_as_a_refused_change(client_for, consultant, wereld):
    response = client_for(consultant).post(f"/backoffice/casus/{wereld['elders'].nummer}/afsluiten/", {})
    assert response.status_code == 404
    assert rijen(consultant) == Counter(
        [L("casus", wereld["elders"].inwoner, wereld["elders"], handeling="wijzigen", resultaat="geweigerd")]
    )


def test_anonymous_attempts_go_to_login_and_write_nothing(client, wereld):
    assert client.get(f"/intake/casus/{wereld['casus'].nummer}/").status_code == 302
    assert not Verwerking.objects.exists()


def test_a_user_without_a_role_is_refused_and_logged(client_for, wereld):
    niemand = UserFactory(username="zonder-rol")
    assert client_for(niemand).get(f"/intake/casus/{wereld['casus'].nummer}/").status_code == 403
    assert rijen(niemand) == Counter(
        [L("casus", wereld["casus"].inwoner, wereld["casus"], resultaat="geweigerd")]
    )
