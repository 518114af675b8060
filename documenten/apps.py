from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "documenten"
    verbose_name = "Documenten"

    def ready(self):
        from . import bewaren, integriteit, panelen  # noqa: F401 - integriteit connects the privacy officer's warning

        panelen.registreren()
        bewaren.registreer()
