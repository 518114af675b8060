from django.core.management.base import BaseCommand, CommandError

from documenten.standaardsjablonen import standaardsjablonen_laden
from netwerk.models import Gemeente


class Command(BaseCommand):
    help = "Laadt de standaardbriefsjablonen voor een gemeente (alleen de soorten die nog ontbreken)."

    def add_arguments(self, parser):
        parser.add_argument("gemeente", help="naam van de gemeente, bijv. Altena")

    def handle(self, *args, gemeente, **options):
        obj = Gemeente.objects.filter(naam=gemeente).first()
        if obj is None:
            raise CommandError(f"Gemeente '{gemeente}' bestaat niet.")
        aantal = standaardsjablonen_laden(obj)
        self.stdout.write(f"{aantal} briefsjablonen geladen voor {obj.naam}.")
