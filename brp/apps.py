from django.apps import AppConfig


class BrpConfig(AppConfig):
    """The BRP API Personen client (Haal Centraal) and the stand-in BRP for the two commands and tests."""

    name = "brp"
    verbose_name = "Basisregistratie Personen"
    default_auto_field = "django.db.models.BigAutoField"
