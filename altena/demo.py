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


@demo_step(20)
def demo_users(ctx: DemoContext) -> None:
    """The demo users, one per role (only for a demo/dev set-up, never production)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    users = {}
    for username, role, first, last in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@altena.example"},
        )
        if created or not user.check_password(ctx.password):
            user.set_password(ctx.password)
        user.is_staff = role == "Beheerder"
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        users[role] = user
    ctx.shared["users"] = users


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
