from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "signalen"
    verbose_name = "Signalen (opschaling en afschaling)"

    def ready(self):
        from altena.access import register_menu_badge

        from .selectors import badge

        # The count of open signals beside "Signalen" in the navigation (one capped COUNT query).
        register_menu_badge("signalen:inbox", badge)
