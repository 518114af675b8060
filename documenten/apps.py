from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "documenten"
    verbose_name = "Documenten"

    def ready(self):
        from . import integriteit  # noqa: F401 - connects the privacy officer's warning
