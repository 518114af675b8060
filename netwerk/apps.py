from django.apps import AppConfig


class NetwerkConfig(AppConfig):
    name = "netwerk"
    verbose_name = "Netwerk (kernen en partners)"
