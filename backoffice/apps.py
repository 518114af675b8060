from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "backoffice"
    verbose_name = "Maatwerk (backoffice)"

    def ready(self):
        from . import receivers

        receivers.connect()
