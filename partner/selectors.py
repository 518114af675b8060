"""Reads of the partner portal. What a partner's worker may see is decided here and only here:
the referrals addressed to its own organisation, within its own gemeente, nothing else."""

from __future__ import annotations

from altena.access import Rol, has_role
from intake.models import Verwijzing
from intake.models.triage import PORTAAL_WACHT_EERST
from netwerk.models import Aanbod

from .models import PartnerMedewerker


def medewerker_van(user) -> PartnerMedewerker | None:
    """The user's partner link (active), cached on the user for the request."""
    if not user.is_authenticated or not has_role(user, Rol.PARTNER):
        return None
    if not hasattr(user, "_partner_medewerker"):
        user._partner_medewerker = (
            PartnerMedewerker.objects.actief().select_related("partner").filter(gebruiker=user).first()
        )
    return user._partner_medewerker


def verwijzingen_voor(user):
    """The referrals addressed to the user's partner organisation (none without one)."""
    medewerker = medewerker_van(user)
    if medewerker is None:
        return Verwijzing.objects.none()
    gemeente = medewerker.partner.gemeente
    # Without consent no referral can be made; the filter keeps it so for any old or loaded data.
    # Gemeente isolation (issue 10): each gemeente is its own controller, so a partner sees only the
    # referrals of cases (and inwoners) of its own gemeente, never another's, whoever referred.
    return Verwijzing.objects.voor_partner(medewerker.partner_id).filter(
        casus__toestemming_delen=True,
        casus__gemeente=gemeente,
        casus__inwoner__gemeente=gemeente,
    )


def overzicht(user, *, alleen_open: bool = True):
    """The portal's list: open ones first (waiting for acceptance before accepted), newest first,
    with what a row shows in the same query."""
    qs = verwijzingen_voor(user).select_related("casus__inwoner", "casus__kern", "door")
    if alleen_open:
        qs = qs.filter(status__in=Verwijzing.ACTIEVE_STATUSSEN)
    # Over the index verwijzing_portaal_volgorde (the open ones): a page reads its own rows only.
    return qs.order_by(PORTAAL_WACHT_EERST, "-verstuurd_op", "-pk")


def verwijzing_voor(user, pk: int) -> Verwijzing | None:
    return (
        verwijzingen_voor(user)
        .select_related("casus__inwoner", "casus__kern", "casus__team", "door", "partner")
        .filter(pk=pk)
        .first()
    )


def aanbod_van(user):
    medewerker = medewerker_van(user)
    if medewerker is None:
        return Aanbod.objects.none()
    return Aanbod.objects.filter(partner_id=medewerker.partner_id).order_by("naam", "pk")
