from django.core.management.base import BaseCommand

from backoffice.selectors import jeugdhulp_voor_volwassenen
from intake.models import Casus


class Command(BaseCommand):
    help = (
        "Somt de voorzieningen onder de Jeugdwet op voor inwoners van 23 of ouder op de startdatum, of van "
        "18 tot 23 zonder grond voor verlengde jeugdhulp (Jeugdwet art. 1.1). Zonder BSN of naam."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", help="alleen deze gemeente, bijv. Altena")

    def handle(self, *args, gemeente=None, **options):
        casussen = Casus.objects.all()
        if gemeente:
            casussen = casussen.filter(gemeente=gemeente)
        rijen = jeugdhulp_voor_volwassenen(casussen)
        for r in rijen:
            v = r["voorziening"]
            grond = v.get_verlengde_jeugdhulp_display() or "geen grond"
            stand = "lopend" if r["lopend"] else "beëindigd"
            self.stdout.write(
                f"{r['casus'].nummer}\t{v.product}\tstart {v.startdatum:%d-%m-%Y}\t{r['leeftijd']} jaar\t"
                f"{grond}\t{stand}"
            )
        self.stdout.write(f"{len(rijen)} voorzieningen.")
