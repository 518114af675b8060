"""Development settings: debug on by default, console e-mail."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)

# Local development and the `make run` demo: two-factor login is offered but not required, so the
# demo accounts work without an authenticator app (the banner says so). Production refuses this.
TWEESTAPS_VERPLICHT = env.bool("DJANGO_2FA_REQUIRED", default=False)

# Mijn Toegang: "Inloggen met DigiD (demo)" and "eHerkenning (demo)" through the demo identity providers.
MIJN_DEMO_IDP = env.bool("MIJN_DEMO_IDP", default=True)
# The demo users' addresses are in the example domain.
GEMEENTE_MAILDOMEINEN = env.list("GEMEENTE_MAILDOMEINEN", default=["altena.example"])
