from django.apps import AppConfig


class AltenaConfig(AppConfig):
    name = "altena"
    verbose_name = "Altena Toegang (infrastructuur)"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .access import sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="altena.sync_role_permissions")

        from . import audit, security

        audit.connect()
        security.connect()
