from django.apps import AppConfig


class MijnConfig(AppConfig):
    name = "mijn"
    verbose_name = "Mijn Toegang"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks, sessie  # noqa: F401  (registers the system check)

        # A staff login in a browser that held an inwoner's session keeps nothing of it.
        user_logged_in.connect(sessie.bij_medewerker_login, dispatch_uid="mijn.medewerker_login")
