from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "documenten"
    verbose_name = "Documenten"

    def ready(self):
        from . import panelen

        panelen.registreren()
