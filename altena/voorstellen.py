"""Account changes that need a second person (ADR 0009, issue 21 build 1).

A beheerder manages accounts, never access to case data on someone else's behalf. Whatever would let
whoever reads a mailbox, or sits in a team, read case data is a *proposal* here, and takes effect only
when a second person approves it:

* a work role or a team membership (the first one of a new account included): a teamleider of the
  team concerned;
* a new e-mail address of an account with a work role, a wiped second factor, a password link to an
  account that has ever logged in, and a new account's first invitation outside the gemeente's mail
  domains: the privacy officer.

Nobody approves their own proposal or a change of their own account. Every proposal, approval and
rejection lands in the user audit log with who, what, the old and the new value. Taking access away
(a role or team removed, deactivation, sessions ended) is never a proposal: it cannot hand anything
over, and it must work at once.

The team is a netwerk model; altena imports no domain app, so it is read through the app registry
and the reverse relation ``user.teams``.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .access import Rol, has_role
from .audit import log_gebruiker
from .models import AccountVoorstel, GebruikerAudit

W = GebruikerAudit.Wijziging
S = AccountVoorstel.Soort

# The roles that give access to case data or its aggregates; a beheerder gives only these.
WERKROLLEN = (Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER, Rol.BELEID)
DOOR_TEAMLEIDER = (S.ROL, S.TEAM)
DOOR_PRIVACY = (S.EMAIL, S.TWEESTAPS, S.LINK)


def team_model():
    return apps.get_model("netwerk", "Team")


def maildomeinen() -> tuple[str, ...]:
    """The gemeente's mail domains (setting ``GEMEENTE_MAILDOMEINEN``; deployment configuration, so a
    beheerder cannot widen it in the admin)."""
    return tuple(d.strip().lower().lstrip("@") for d in settings.GEMEENTE_MAILDOMEINEN if d.strip())


def binnen_maildomeinen(email: str) -> bool:
    domein = (email or "").rsplit("@", 1)[-1].strip().lower()
    return bool(domein) and any(domein == d or domein.endswith("." + d) for d in maildomeinen())


def heeft_werkrol(user) -> bool:
    return user.groups.filter(name__in=WERKROLLEN).exists()


def _beschrijving(voorstel: AccountVoorstel) -> str:
    tekst = voorstel.get_soort_display()
    if voorstel.nieuwe_waarde:
        tekst += f": {voorstel.nieuwe_waarde}"
    if voorstel.team_naam:
        tekst += f" (team {voorstel.team_naam})"
    return tekst[:200]


def stel_voor(
    *, soort: str, gebruiker, door, team=None, oud: str = "", nieuw: str = "", reden: str = ""
) -> AccountVoorstel:
    """Record a proposal (and its audit row); an identical open one is not made twice."""
    bestaand = AccountVoorstel.objects.filter(
        soort=soort,
        gebruiker=gebruiker,
        status=AccountVoorstel.Status.OPEN,
        team_id=getattr(team, "pk", None),
        nieuwe_waarde=nieuw,
    ).first()
    if bestaand is not None:
        return bestaand
    voorstel = AccountVoorstel.objects.create(
        soort=soort,
        gebruiker=gebruiker,
        team_id=getattr(team, "pk", None),
        team_naam=str(team) if team is not None else "",
        oude_waarde=oud,
        nieuwe_waarde=nieuw,
        reden=reden,
        voorgesteld_door=door,
    )
    log_gebruiker(
        gebruiker=gebruiker,
        wijziging=W.VOORSTEL_GEDAAN,
        oude_waarde=oud,
        waarde=_beschrijving(voorstel),
        actor=door,
    )
    return voorstel


def teamleiders(team_id) -> list:
    User = get_user_model()
    return list(
        User.objects.filter(teams__pk=team_id, groups__name=Rol.TEAMLEIDER, is_active=True).distinct()
    )


def mag_beoordelen(user, voorstel: AccountVoorstel) -> bool:
    """A second person of the right kind: never the proposer, never the account itself."""
    if not user.is_active or user.pk in (voorstel.voorgesteld_door_id, voorstel.gebruiker_id):
        return False
    if voorstel.soort in DOOR_TEAMLEIDER:
        return (
            voorstel.team_id is not None
            and has_role(user, Rol.TEAMLEIDER)
            and user.teams.filter(pk=voorstel.team_id).exists()
        )
    return has_role(user, Rol.PRIVACY)


def te_beoordelen(user):
    """The open proposals this user may decide (teamleider: of their teams; privacy: theirs)."""
    qs = (
        AccountVoorstel.objects.filter(status=AccountVoorstel.Status.OPEN)
        .exclude(voorgesteld_door=user)
        .exclude(gebruiker=user)
    )
    mag = AccountVoorstel.objects.none()
    if has_role(user, Rol.TEAMLEIDER):
        mag = mag | qs.filter(soort__in=DOOR_TEAMLEIDER, team_id__in=user.teams.values("pk"))
    if has_role(user, Rol.PRIVACY):
        mag = mag | qs.filter(soort__in=DOOR_PRIVACY)
    return mag.select_related("gebruiker", "voorgesteld_door")


def _uitvoeren(voorstel: AccountVoorstel, door) -> None:
    from .accounts import stuur_uitnodiging
    from .security import sessies_beeindigen

    user = voorstel.gebruiker
    if voorstel.soort == S.ROL:
        user.groups.add(Group.objects.get(name=voorstel.nieuwe_waarde))
        if voorstel.team_id is not None and not user.teams.filter(pk=voorstel.team_id).exists():
            user.teams.add(voorstel.team_id)
    elif voorstel.soort == S.TEAM:
        user.teams.add(voorstel.team_id)
    elif voorstel.soort == S.EMAIL:
        user.email = voorstel.nieuwe_waarde
        user.save(update_fields=["email"])
        sessies_beeindigen(user)
    elif voorstel.soort == S.TWEESTAPS:
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        sessies_beeindigen(user)
        log_gebruiker(gebruiker=user, wijziging=W.TWEESTAPS_GEWIST, actor=door)
    elif voorstel.soort == S.LINK:
        transaction.on_commit(lambda: stuur_uitnodiging(user))
        log_gebruiker(gebruiker=user, wijziging=W.UITNODIGING_VERSTUURD, waarde=user.email, actor=door)


def beoordeel(voorstel_id: int, door, *, goedkeuren: bool) -> AccountVoorstel:
    """Approve (and carry out) or reject an open proposal, as a second person."""
    with transaction.atomic():
        voorstel = AccountVoorstel.objects.select_for_update().select_related("gebruiker").get(pk=voorstel_id)
        if voorstel.status != AccountVoorstel.Status.OPEN:
            raise PermissionDenied("Over dit voorstel is al beslist.")
        if not mag_beoordelen(door, voorstel):
            raise PermissionDenied("U mag dit voorstel niet beoordelen.")
        voorstel.status = (
            AccountVoorstel.Status.GOEDGEKEURD if goedkeuren else AccountVoorstel.Status.AFGEWEZEN
        )
        voorstel.beoordeeld_door = door
        voorstel.beoordeeld_op = timezone.now()
        voorstel.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op"])
        log_gebruiker(
            gebruiker=voorstel.gebruiker,
            wijziging=W.VOORSTEL_GOEDGEKEURD if goedkeuren else W.VOORSTEL_AFGEWEZEN,
            oude_waarde=voorstel.oude_waarde,
            waarde=_beschrijving(voorstel),
            actor=door,
        )
        if goedkeuren:
            _uitvoeren(voorstel, door)
    return voorstel
