"""``manage.py bench_codes``: single-use recovery codes so ``make bench`` and ``make faults`` log in
through the real two-factor form (benchmark databases only, never production).

Production settings require a second factor for the roles in TWEESTAPS_ROLLEN. TOTP codes cannot
serve a load test: django-otp refuses a code already used in the same 30 s step, and many locust
users log in as the same demo user at once. So each demo user that needs the second factor gets a
confirmed static device "Bench" with ``--aantal`` fresh recovery codes (old ones are replaced on
every run); the codes are written as JSON ({username: [code, ...]}) to ``--uitvoer``.

Refused under production settings, and only for accounts that still have the published demo
password: an account with a real password never gets bench codes.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from altena.access import has_role

DEMO_GEBRUIKERS = ["frontoffice", "consultant", "teamleider", "beleid", "beheerder", "privacy", "partner"]
APPARAAT = "Bench"


def heeft_codes_nodig(user) -> bool:
    """Whether logging in under production settings asks this user for a second factor."""
    return user.is_superuser or has_role(user, *settings.TWEESTAPS_ROLLEN) or user_has_device(user)


class Command(BaseCommand):
    help = "Maakt eenmalige herstelcodes voor de demogebruikers met tweestapsverificatie (alleen benchmark)."

    def add_arguments(self, parser):
        parser.add_argument("gebruikers", nargs="*", default=DEMO_GEBRUIKERS)
        parser.add_argument("--aantal", type=int, default=500, help="codes per gebruiker")
        parser.add_argument("--uitvoer", required=True, help="JSON-bestand voor de codes")

    def handle(self, *args, gebruikers, aantal, uitvoer, **options):
        if os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".production"):
            raise CommandError("bench_codes draait nooit onder productie-instellingen.")
        wachtwoord = os.environ.get("DEMO_PASSWORD", "altena-demo")
        codes: dict[str, list[str]] = {}
        for user in get_user_model().objects.filter(username__in=gebruikers, is_active=True):
            if not heeft_codes_nodig(user):
                continue
            if not user.check_password(wachtwoord):
                raise CommandError(f"{user.username} heeft niet het demowachtwoord; geen benchcodes.")
            with transaction.atomic():
                device, _ = StaticDevice.objects.get_or_create(
                    user=user, name=APPARAAT, defaults={"confirmed": True}
                )
                device.token_set.all().delete()
                lijst = [StaticToken.random_token() for _ in range(aantal)]
                StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in lijst])
            codes[user.username] = lijst
        Path(uitvoer).write_text(json.dumps(codes))
        self.stdout.write(f"Benchcodes: {aantal} per gebruiker voor {', '.join(sorted(codes)) or 'niemand'}")
