from django.apps import AppConfig


class BrpConfig(AppConfig):
    """The BRP API Personen client (Haal Centraal) and the stand-in BRP for the two commands and tests."""

    name = "brp"
    verbose_name = "Basisregistratie Personen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from altena import health

        from . import client

        def brp_gezondheid() -> str:
            """Asks for no person: an empty query must be refused as the API does (400)."""
            if not client.ingesteld():
                return "niet ingesteld"
            return client.client().gezondheid()

        health.register("brp", brp_gezondheid)
