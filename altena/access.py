"""Roles, role checks for views and the role-aware navigation.

Roles are Django groups (created by migration 0002). Each view declares the roles that may use it
with ``RoleRequiredMixin.allowed_roles``; object scope (which cases a user may see) lives in the
querysets of the domain apps (``Casus.objects.zichtbaar_voor(user)``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse


class Rol:
    FRONTOFFICE = "Frontoffice"
    CONSULTANT = "Consultant"
    TEAMLEIDER = "Teamleider"
    BEHEERDER = "Beheerder"
    PRIVACY = "Privacy"
    BELEID = "Beleid"
    PARTNER = "Partner"

    ALL = (FRONTOFFICE, CONSULTANT, TEAMLEIDER, BEHEERDER, PRIVACY, BELEID, PARTNER)
    # Roles that work with case content (never beheerder or privacy).
    CASE_WORKERS = (FRONTOFFICE, CONSULTANT, TEAMLEIDER)


# Model permissions per role, as "app_label.codename" or "app_label.model.*" for all four.
# Synced after every migrate, so a new model only needs a line here; missing ones are skipped.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Rol.FRONTOFFICE: [
        "intake.view_inwoner",
        "intake.add_inwoner",
        "intake.change_inwoner",
        "intake.view_huishouden",
        "intake.add_huishouden",
        "intake.change_huishouden",
        "intake.view_casus",
        "intake.add_casus",
        "intake.change_casus",
        "intake.view_verwijzing",
        "intake.add_verwijzing",
        "intake.change_verwijzing",
        "intake.view_zrmscore",
        "intake.add_zrmscore",
        "netwerk.view_kern",
        "netwerk.view_partner",
    ],
    Rol.CONSULTANT: [
        "intake.view_inwoner",
        "intake.change_inwoner",
        "intake.view_huishouden",
        "intake.change_huishouden",
        "intake.view_casus",
        "intake.change_casus",
        "intake.view_verwijzing",
        "intake.add_verwijzing",
        "intake.change_verwijzing",
        "intake.view_zrmscore",
        "intake.add_zrmscore",
        "netwerk.view_kern",
        "netwerk.view_partner",
        "backoffice.*",
    ],
    Rol.TEAMLEIDER: [
        "intake.view_inwoner",
        "intake.view_huishouden",
        "intake.view_casus",
        "intake.change_casus",
        "intake.view_verwijzing",
        "intake.view_zrmscore",
        "netwerk.view_kern",
        "netwerk.view_partner",
        "netwerk.view_team",
        "backoffice.*",
    ],
    Rol.BEHEERDER: [
        "netwerk.*",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
        "backoffice.product.*",
        "backoffice.feestdag.*",
        "backoffice.view_bewaartermijn",
        "backoffice.change_bewaartermijn",
        "documenten.briefsjabloon.*",
        "documenten.briefhoofd.*",
        "documenten.view_briefsjabloonversie",
        "signalen.signaalregel.*",
        "altena.view_heartbeat",
        "partner.uitnodiging.*",
        "partner.partnermedewerker.*",
    ],
    # Also whether inwoners see staff first names in Mijn Toegang (mijn.Portaalinstelling, in the admin).
    Rol.PRIVACY: ["altena.view_verwerking", "mijn.view_portaalinstelling", "mijn.change_portaalinstelling"],
    # Policy officer: the raad report and its exports only (rapportage), no case content.
    Rol.BELEID: [],
    # A partner organisation's worker: only /partner/ (partner app), no staff pages.
    Rol.PARTNER: [],
}

# Where "/" sends each role, in order of precedence for users with several roles.
START_PAGES = [
    (Rol.TEAMLEIDER, "rapportage:dashboard"),
    (Rol.CONSULTANT, "backoffice:werkvoorraad"),
    (Rol.FRONTOFFICE, "intake:werkvoorraad"),
    (Rol.BEHEERDER, "admin:index"),
    (Rol.PRIVACY, "privacy_log"),
    (Rol.PARTNER, "partner:overzicht"),
    (Rol.BELEID, "rapportage:raad"),
]

# The navigation: (label, url name, bootstrap icon, roles that see it).
MENU = [
    (
        "Werkvoorraad toegang",
        "intake:werkvoorraad",
        "inbox",
        (Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER),
    ),
    ("Nieuwe hulpvraag", "intake:nieuw", "plus-circle", (Rol.FRONTOFFICE,)),
    ("Maatwerk", "backoffice:werkvoorraad", "briefcase", (Rol.CONSULTANT, Rol.TEAMLEIDER)),
    ("Sociale kaart", "netwerk:sociale_kaart", "geo-alt", Rol.CASE_WORKERS),
    ("Signalen", "signalen:inbox", "bell", Rol.CASE_WORKERS),
    ("Berichten", "berichten:box", "envelope-paper", (Rol.CONSULTANT, Rol.TEAMLEIDER)),
    ("Dashboard", "rapportage:dashboard", "speedometer2", (Rol.TEAMLEIDER,)),
    ("Raadsrapportage", "rapportage:raad", "bar-chart", (Rol.TEAMLEIDER, Rol.BELEID)),
    ("CBS", "rapportage:cbs", "send", (Rol.TEAMLEIDER, Rol.BELEID)),
    ("Beheer", "admin:index", "gear", (Rol.BEHEERDER,)),
    ("Bewaartermijnen", "backoffice:bewaartermijnen", "archive", (Rol.BEHEERDER,)),
    ("Verwerkingenlog", "privacy_log", "shield-lock", (Rol.PRIVACY,)),
    ("Gebruikersaudit", "privacy_gebruikers", "person-lines-fill", (Rol.PRIVACY,)),
    ("Accountvoorstellen", "accountvoorstellen", "person-check", (Rol.TEAMLEIDER, Rol.PRIVACY)),
    ("Verwijzingen", "partner:overzicht", "inbox", (Rol.PARTNER,)),
    ("Capaciteit", "partner:capaciteit", "speedometer", (Rol.PARTNER,)),
    ("Zo werkt het", "zo_werkt_het", "question-circle", Rol.ALL),
]


# Counts shown beside menu items, registered by the apps that own them (e.g. signalen in its
# AppConfig.ready): url name -> callable(user) returning a short text, "" for none.
MENU_BADGES: dict[str, Callable] = {}


def register_menu_badge(url_name: str, func: Callable) -> None:
    MENU_BADGES[url_name] = func


def user_roles(user) -> set[str]:
    """The role names of a user, cached on the user object for the request."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_altena_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._altena_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def start_url(user) -> str:
    roles = user_roles(user)
    for role, url_name in START_PAGES:
        if role in roles:
            return reverse(url_name)
    if user.is_superuser:
        return reverse("admin:index")
    return reverse("geen_rol")


class RoleRequiredMixin(AccessMixin):
    """Refuse (403) users without one of ``allowed_roles``; anonymous users go to the login page."""

    allowed_roles: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.allowed_roles:
            raise PermissionDenied("Deze pagina heeft geen rollen opgegeven.")
        if not has_role(request.user, *self.allowed_roles):
            raise PermissionDenied("U heeft geen toegang tot deze pagina met uw rol.")
        return super().dispatch(request, *args, **kwargs)


def navigation(request):
    """Template context: the menu items the current user's roles may see."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "user_roles": []}
    roles = user_roles(user)
    items = []
    for label, url_name, icon, allowed in MENU:
        if not roles & set(allowed):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:  # an app that does not (yet) offer this page
            continue
        badge = MENU_BADGES[url_name](user) if url_name in MENU_BADGES else ""
        items.append({"label": label, "url": url, "icon": icon, "active": False, "badge": badge})
    # Exactly one active item: the one whose URL is the longest prefix of the page's path
    # ("/intake/nieuw/" is "Nieuwe hulpvraag", not also "Werkvoorraad toegang" at "/intake/").
    passend = [item for item in items if request.path.startswith(item["url"])]
    if passend:
        max(passend, key=lambda item: len(item["url"]))["active"] = True
    return {"nav_items": items, "user_roles": sorted(roles)}


def sync_role_permissions(sender=None, using="default", **kwargs):
    """Give each role group exactly the permissions of ROLE_PERMISSIONS (runs after migrate)."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    # post_migrate is sent once per app with a models module (Django skips the others); permissions of
    # every app exist only after the last such app.
    last_app = [a for a in apps.get_app_configs() if a.models_module is not None][-1].label
    if sender is not None and getattr(sender, "label", None) != last_app:
        return
    all_perms = list(Permission.objects.using(using).select_related("content_type"))
    for role, specs in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        wanted = [p for p in all_perms if _matches(p, specs)]
        group.permissions.set(wanted)


def _matches(perm, specs) -> bool:
    app, model, codename = perm.content_type.app_label, perm.content_type.model, perm.codename
    for spec in specs:
        parts = spec.split(".")
        if len(parts) == 2 and parts[1] == "*" and parts[0] == app:
            return True
        if len(parts) == 2 and parts == [app, codename]:
            return True
        if len(parts) == 3 and parts[0] == app and parts[1] == model and parts[2] == "*":
            return True
    return False
