from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "berichten"
    verbose_name = "Berichtenverkeer"

    def ready(self):
        from . import bewaren, panelen

        panelen.registreren()
        bewaren.registreer()  # retention empties the message XML of an anonymised case
