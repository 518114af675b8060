from django.core.management.base import BaseCommand

from berichten.services.poll import verwerken


class Command(BaseCommand):
    help = "Verstuur de berichten in de outbox en verwerk de inbox (iWmo/iJw 3.2)."

    def handle(self, *args, **options):
        uitkomst = verwerken()
        self.stdout.write(
            f"{uitkomst['verstuurd']} verstuurd, {uitkomst['ontvangen']} ontvangen, "
            f"{uitkomst['toewijzingen']} casus(sen) met nagekomen toewijzingen."
        )
