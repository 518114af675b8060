"""Give the application's database role exactly its rights (run as the owner after every migrate).

manage.py db_rechten --app-rol altena_app
manage.py db_rechten --maak-rollen --eigenaar altena_eigenaar --app-rol altena_app   (as a superuser)
"""

import os

from django.core.management.base import BaseCommand, CommandError

from altena.dbrollen import rechten_toepassen, rollen_maken


class Command(BaseCommand):
    help = "Rechten van de applicatierol: geen UPDATE/DELETE/TRUNCATE op het verwerkingenlog en de tijdlijn."

    def add_arguments(self, parser):
        parser.add_argument("--app-rol", default=os.environ.get("ALTENA_APP_ROL", "altena_app"))
        parser.add_argument("--eigenaar", default=os.environ.get("ALTENA_EIGENAAR_ROL", "altena_eigenaar"))
        parser.add_argument(
            "--maak-rollen",
            action="store_true",
            help="Maak beide rollen en draag de database over aan de eigenaar (alleen als superuser).",
        )

    def handle(self, *args, app_rol, eigenaar, maak_rollen, **options):
        try:
            if maak_rollen:
                wachtwoorden = {
                    eigenaar: os.environ.get("ALTENA_EIGENAAR_WACHTWOORD", ""),
                    app_rol: os.environ.get("ALTENA_APP_WACHTWOORD", ""),
                }
                rollen_maken(eigenaar, app_rol, wachtwoorden)
                self.stdout.write(f"Rollen {eigenaar} (eigenaar) en {app_rol} (applicatie) staan klaar.")
                return
            tabellen = rechten_toepassen(app_rol)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Rechten van {app_rol} gezet; alleen toevoegen op: {', '.join(tabellen)}.")
