from django.apps import AppConfig


class PartnerConfig(AppConfig):
    name = "partner"
    verbose_name = "Partnerportaal"
