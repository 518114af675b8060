"""The user audit log: every change of a user's roles, active state or rights becomes a row.

Written from model signals, so no path (admin, shell, createsuperuser, seed) can change a user
unlogged. The acting user comes from the request (``ActorMiddleware``); outside a request it is
"systeem". The table is append-only (migration 0004), like the verwerkingenlog.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save, pre_save

from .models import GebruikerAudit

W = GebruikerAudit.Wijziging

_actor: ContextVar = ContextVar("altena_audit_actor", default=None)


class ActorMiddleware:
    """Remember who makes this request, for audit rows written by model signals."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _actor.set(request)
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)


def _current_actor():
    request = _actor.get()
    user = getattr(request, "user", None) if request is not None else None
    if user is not None and user.is_authenticated:
        return user
    return None


def log_gebruiker(
    *, gebruiker, wijziging: str, waarde: str = "", oude_waarde: str = "", actor=None
) -> GebruikerAudit:
    actor = actor or _current_actor()
    return GebruikerAudit.objects.create(
        actor=actor,
        actor_naam=actor.get_username() if actor is not None else "systeem",
        gebruiker=gebruiker,
        gebruiker_naam=gebruiker.get_username(),
        wijziging=wijziging,
        oude_waarde=str(oude_waarde)[:200],
        waarde=str(waarde)[:200],
    )


_WATCHED = ("is_active", "is_superuser", "is_staff", "email")


def _remember_state(sender, instance, raw=False, update_fields=None, **kwargs):
    if update_fields is not None and not set(update_fields) & set(_WATCHED):
        instance._audit_before = None  # e.g. last_login at each login: nothing to audit, no query
        return
    if raw or instance.pk is None:
        instance._audit_before = None
        return
    before = sender.objects.filter(pk=instance.pk).values(*_WATCHED).first()
    instance._audit_before = before


def _log_state(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        log_gebruiker(gebruiker=instance, wijziging=W.AANGEMAAKT)
        before = {"is_active": True, "is_superuser": False, "is_staff": False, "email": instance.email}
    else:
        before = getattr(instance, "_audit_before", None)
        if before is None:
            return
    if before["is_active"] != instance.is_active:
        log_gebruiker(gebruiker=instance, wijziging=W.GEACTIVEERD if instance.is_active else W.GEDEACTIVEERD)
    if before["is_superuser"] != instance.is_superuser:
        log_gebruiker(
            gebruiker=instance, wijziging=W.SUPERUSER, waarde="aan" if instance.is_superuser else "uit"
        )
    if before["is_staff"] != instance.is_staff:
        log_gebruiker(gebruiker=instance, wijziging=W.STAFF, waarde="aan" if instance.is_staff else "uit")
    if not created and before["email"] != instance.email:
        log_gebruiker(
            gebruiker=instance,
            wijziging=W.EMAIL_GEWIJZIGD,
            oude_waarde=before["email"],
            waarde=instance.email,
        )


def _log_groups(sender, instance, action, reverse, model, pk_set, **kwargs):
    User = get_user_model()
    if action == "pre_clear":
        if reverse:  # group.user_set.clear()
            instance._audit_cleared = list(instance.user_set.all())
        else:
            instance._audit_cleared = list(instance.groups.all())
        return
    if action == "post_clear":
        wijziging = W.ROL_VERWIJDERD
        if reverse:
            pairs = [(u, instance) for u in getattr(instance, "_audit_cleared", [])]
        else:
            pairs = [(instance, g) for g in getattr(instance, "_audit_cleared", [])]
    elif action in ("post_add", "post_remove"):
        wijziging = W.ROL_TOEGEVOEGD if action == "post_add" else W.ROL_VERWIJDERD
        if reverse:
            pairs = [(u, instance) for u in User.objects.filter(pk__in=pk_set or [])]
        else:
            pairs = [(instance, g) for g in Group.objects.filter(pk__in=pk_set or [])]
    else:
        return
    for user, group in pairs:
        log_gebruiker(gebruiker=user, wijziging=wijziging, waarde=group.name)


def _log_teams(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Team membership (netwerk.Team.leden) gives access to the team's cases: audit every change.
    Forward: team.leden.add(user); reverse: user.teams.add(team)."""
    if action == "pre_clear":
        instance._audit_team_cleared = list(instance.leden.all() if not reverse else instance.teams.all())
        return
    if action == "post_clear":
        wijziging, leden = W.TEAM_VERWIJDERD, getattr(instance, "_audit_team_cleared", [])
    elif action in ("post_add", "post_remove"):
        wijziging = W.TEAM_TOEGEVOEGD if action == "post_add" else W.TEAM_VERWIJDERD
        leden = list(model.objects.filter(pk__in=pk_set or []))
    else:
        return
    for ander in leden:
        user, team = (ander, instance) if not reverse else (instance, ander)
        log_gebruiker(gebruiker=user, wijziging=wijziging, waarde=str(team))


def _log_permissions(sender, instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        log_gebruiker(gebruiker=instance, wijziging=W.RECHT, waarde=action.removeprefix("post_"))


def connect() -> None:
    User = get_user_model()
    pre_save.connect(_remember_state, sender=User, dispatch_uid="altena.audit.pre_save")
    post_save.connect(_log_state, sender=User, dispatch_uid="altena.audit.post_save")
    m2m_changed.connect(_log_groups, sender=User.groups.through, dispatch_uid="altena.audit.groups")
    teams = getattr(User, "teams", None)  # netwerk.Team.leden, when netwerk is installed
    if teams is not None:
        m2m_changed.connect(_log_teams, sender=teams.through, dispatch_uid="altena.audit.teams")
    m2m_changed.connect(
        _log_permissions, sender=User.user_permissions.through, dispatch_uid="altena.audit.permissions"
    )
