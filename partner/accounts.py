"""Partner accounts: a beheerder invites a partner's worker by e-mail; the worker sets a password
through a one-time link that expires. The link's token is stored only as a hash."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from altena.access import Rol

from .models import PartnerMedewerker, Uitnodiging, token_hash

logger = logging.getLogger(__name__)


class UitnodigingOngeldig(Exception):
    """The link is unknown, used or expired; ``melding`` says which, in Dutch."""

    def __init__(self, melding: str, reden: str):
        self.melding = melding
        self.reden = reden
        super().__init__(melding)


ONBEKEND = "Deze uitnodigingslink is ongeldig. Controleer of u de hele link uit de e-mail heeft gebruikt."
GEBRUIKT = (
    "Deze uitnodiging is al gebruikt: met deze link is al een account aangemaakt. Log in met uw "
    "gebruikersnaam en wachtwoord, of vraag de beheerder om een nieuwe uitnodiging."
)
VERLOPEN = "Deze uitnodiging is verlopen. Vraag de beheerder van de gemeente om een nieuwe uitnodiging."


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def uitnodiging_versturen(*, uitnodiging: Uitnodiging, door) -> str:
    """Save a new invitation (partner, e-mail and name set) with a fresh token and mail its link
    after commit. Returns the raw token (only the e-mail holds it; the database has its hash)."""
    token = secrets.token_urlsafe(32)
    uitnodiging.email = uitnodiging.email.strip().lower()
    uitnodiging.token_hash = token_hash(token)
    uitnodiging.verloopt_op = timezone.now() + timedelta(days=settings.PARTNER_UITNODIGING_GELDIG_DAGEN)
    uitnodiging.uitgenodigd_door = door
    with transaction.atomic():
        uitnodiging.save()
        link = site_url() + reverse("partner:uitnodiging", args=[token])
        context = {
            "uitnodiging": uitnodiging,
            "link": link,
            "dagen": settings.PARTNER_UITNODIGING_GELDIG_DAGEN,
        }
        transaction.on_commit(
            lambda: send_mail(
                "Uitnodiging voor het partnerportaal van Altena Toegang",
                render_to_string("partner/mail/uitnodiging.txt", context),
                None,
                [uitnodiging.email],
                fail_silently=False,
            )
        )
    return token


def uitnodiging_controleren(token: str) -> Uitnodiging:
    uitnodiging = (
        Uitnodiging.objects.select_related("partner").filter(token_hash=token_hash(token or "")).first()
    )
    if uitnodiging is None:
        raise UitnodigingOngeldig(ONBEKEND, "onbekend")
    if uitnodiging.is_gebruikt:
        raise UitnodigingOngeldig(GEBRUIKT, "gebruikt")
    if uitnodiging.is_verlopen:
        raise UitnodigingOngeldig(VERLOPEN, "verlopen")
    return uitnodiging


@transaction.atomic
def uitnodiging_aanvaarden(*, token: str, gebruikersnaam: str, wachtwoord: str):
    """Create the partner worker's account from a valid invitation, exactly once: the invitation
    row is locked, so a double submit or a second tab gets "already used"."""
    gevonden = uitnodiging_controleren(token)
    uitnodiging = Uitnodiging.objects.select_for_update().select_related("partner").get(pk=gevonden.pk)
    if uitnodiging.is_gebruikt:
        raise UitnodigingOngeldig(GEBRUIKT, "gebruikt")
    if uitnodiging.is_verlopen:
        raise UitnodigingOngeldig(VERLOPEN, "verlopen")
    User = get_user_model()
    gebruikersnaam = (gebruikersnaam or "").strip()
    if not gebruikersnaam:
        raise ValidationError({"gebruikersnaam": "Kies een gebruikersnaam."})
    if User.objects.filter(username__iexact=gebruikersnaam).exists():
        raise ValidationError({"gebruikersnaam": "Deze gebruikersnaam is al in gebruik. Kies een andere."})
    gebruiker = User(
        username=gebruikersnaam,
        email=uitnodiging.email,
        first_name=uitnodiging.voornaam,
        last_name=uitnodiging.achternaam,
    )
    try:
        password_validation.validate_password(wachtwoord, gebruiker)
    except ValidationError as exc:
        raise ValidationError({"wachtwoord1": exc.messages}) from exc
    gebruiker.set_password(wachtwoord)
    gebruiker.save()
    gebruiker.groups.add(Group.objects.get(name=Rol.PARTNER))
    PartnerMedewerker.objects.create(gebruiker=gebruiker, partner=uitnodiging.partner)
    uitnodiging.gebruikt_op = timezone.now()
    uitnodiging.gebruiker = gebruiker
    uitnodiging.save(update_fields=["gebruikt_op", "gebruiker"])
    logger.info("Partneraccount %s aangemaakt via uitnodiging %s", gebruiker.pk, uitnodiging.pk)
    return gebruiker
