from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "berichten"
    verbose_name = "Berichtenverkeer"

    def ready(self):
        from . import panelen, receivers

        receivers.connect()
        panelen.registreren()
