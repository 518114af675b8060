"""The registry behind ``manage.py seed_demo``.

Each app contributes its demo data in its own ``<app>/demo.py`` with ``@demo_step(order)``; the
command imports those modules (autodiscover) and runs the steps in order, so this project-wide
module never imports a domain app. Every step must be idempotent: running seed_demo twice gives
the same counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class DemoContext:
    gemeente: str  # the configuration key, e.g. "altena"
    gemeente_naam: str  # the display name, e.g. "Altena"
    casussen: int
    password: str
    stdout: object
    seed: int = 2019
    # Steps pass on what later steps need (users by role, teams, ...).
    shared: dict = field(default_factory=dict)

    def log(self, message: str) -> None:
        self.stdout.write(message)


_STEPS: list[tuple[int, str, Callable[[DemoContext], None]]] = []


def demo_step(order: int):
    def register(func: Callable[[DemoContext], None]):
        name = f"{func.__module__}.{func.__name__}"
        if name not in {n for _, n, _ in _STEPS}:
            _STEPS.append((order, name, func))
        return func

    return register


def steps() -> list[tuple[int, str, Callable[[DemoContext], None]]]:
    return sorted(_STEPS, key=lambda s: (s[0], s[1]))


_AANWEZIG: list[Callable[[], bool]] = []


def demo_aanwezig(func: Callable[[], bool]) -> Callable[[], bool]:
    """Register a check that says whether an app's data is already there (``seed_demo --if-empty``
    then skips); the app that owns the data answers, so this module imports none."""
    if func not in _AANWEZIG:
        _AANWEZIG.append(func)
    return func


def al_gevuld() -> bool:
    return any(check() for check in _AANWEZIG)


DEMO_USERS = [
    # username, role, first name, last name
    ("frontoffice", "Frontoffice", "Fenna", "van der Balie"),
    ("consultant", "Consultant", "Koen", "de Consulent"),
    ("teamleider", "Teamleider", "Tineke", "Leijten"),
    ("beheerder", "Beheerder", "Bram", "Beheer"),
    ("privacy", "Privacy", "Priya", "Veltman"),
    ("beleid", "Beleid", "Bas", "Beleidsmedewerker"),
]
# More consultants, so maatwerk spreads over two teams with caseloads a real consultant carries
# (tens, not hundreds): the first four in the Wmo team, the others in the Jeugd and Participatie team
# ("consultant" is the first of the Wmo team).
EXTRA_CONSULTANTEN = [
    ("consultant2", "Sanne", "Verhoef"),
    ("consultant3", "Mehmet", "Yilmaz"),
    ("consultant4", "Ilse", "de Graaf"),
    ("consultant5", "Ruben", "Bakker"),
    ("consultant6", "Lotte", "Hermans"),
    ("consultant7", "Daan", "Smits"),
    ("consultant8", "Noor", "el Amrani"),
]
# The roles whose scope is a gemeente: a second gemeente's demo gets its own users of these roles
# with a prefix (wk-frontoffice, wk-consultant, ...); beheerder and privacy serve the whole installation.
GEMEENTE_ROLLEN = ("Frontoffice", "Consultant", "Teamleider", "Beleid")
VOORVOEGSEL = {"altena": "", "westerkwartier": "wk-"}


def voorvoegsel(gemeente: str) -> str:
    """The username prefix of a gemeente's demo users: none for Altena, 'wk-' for Westerkwartier."""
    return VOORVOEGSEL.get(gemeente, gemeente[:2] + "-")


def demo_gebruikers(gemeente: str) -> list[tuple[str, str, str, str]]:
    """(username, role, first name, last name) of the demo users of one gemeente."""
    prefix = voorvoegsel(gemeente)
    rijen = [r for r in DEMO_USERS if not prefix or r[1] in GEMEENTE_ROLLEN]
    rijen += [(u, "Consultant", f, a) for u, f, a in EXTRA_CONSULTANTEN]
    return [(prefix + u, rol, f, a) for u, rol, f, a in rijen]


@demo_step(20)
def demo_users(ctx: DemoContext) -> None:
    """The demo users of the gemeente (only for a demo/dev set-up, never production). ``shared``
    gets ``users`` (the first user per role) and ``consultanten`` (all consultants, in order)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    users, consultanten = {}, []
    for username, role, first, last in demo_gebruikers(ctx.gemeente):
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@{ctx.gemeente}.example"},
        )
        if created or not user.check_password(ctx.password):
            user.set_password(ctx.password)
        user.is_staff = role == "Beheerder"
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        users.setdefault(role, user)
        if role == "Consultant":
            consultanten.append(user)
    ctx.shared["users"] = users
    ctx.shared["consultanten"] = consultanten


_BENCH: list[tuple[str, Callable]] = []


def bench_stage(name: str):
    """Register a benchmark stage for ``manage.py bench`` (in an app's ``bench.py``)."""

    def register(func):
        if name not in {n for n, _ in _BENCH}:
            _BENCH.append((name, func))
        return func

    return register


def bench_stages() -> list[tuple[str, Callable]]:
    return list(_BENCH)
