"""System check: the demo identity providers (any BSN, no SAML) never run outside local development."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def demo_idp_alleen_lokaal(app_configs=None, **kwargs):
    if not getattr(settings, "MIJN_DEMO_IDP", False):
        return []
    productie = (getattr(settings, "SETTINGS_MODULE", "") or "").endswith(".production")
    if productie or not settings.DEBUG:
        return [
            Error(
                "MIJN_DEMO_IDP staat aan buiten lokale ontwikkeling: de demo-identiteitsproviders "
                "accepteren elk BSN en elk KvK-nummer zonder SAML.",
                hint="Zet MIJN_DEMO_IDP=false en configureer DigiD en eHerkenning (docs/mijn-toegang.md).",
                id="mijn.E001",
            )
        ]
    return []
