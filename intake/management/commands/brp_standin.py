"""Record a change in the stand-in BRP's own store, as the real BRP would (demo and tests only).

    manage.py brp_standin overlijden --inwoner 123 [--datum 2026-12-01]
    manage.py brp_standin verhuizen --inwoner 123 --straat Markt --huisnummer 2 \\
        --postcode "4286 AA" --woonplaats Almkerk
    manage.py brp_standin verhuizen --inwoner 123 --buitenland "Belgie"

The inwoner is named by its id in the application (no BSN on a command line); the command writes only
the stand-in's store (BRP_STANDIN_STORE), never the application's tables: the next BRP sweep or look
finds the change as it would in production.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from brp.standin.store import lees, wijzig
from intake.models import Inwoner


class Command(BaseCommand):
    help = "Leg een overlijden of verhuizing vast in de stand-in BRP (alleen demo en tests)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="actie", required=True)
        o = sub.add_parser("overlijden")
        o.add_argument("--inwoner", type=int, required=True)
        o.add_argument("--datum", default="")
        v = sub.add_parser("verhuizen")
        v.add_argument("--inwoner", type=int, required=True)
        v.add_argument("--straat", default="")
        v.add_argument("--huisnummer", type=int, default=1)
        v.add_argument("--postcode", default="")
        v.add_argument("--woonplaats", default="")
        v.add_argument("--buitenland", default="")
        v.add_argument("--datum", default="")

    def handle(self, *args, actie, inwoner, datum="", **opties):
        if not getattr(settings, "DEMO_ENABLED", True):
            raise CommandError("Alleen voor de stand-in BRP van de demo.")
        pad = settings.BRP_STANDIN_STORE
        persoon = Inwoner.objects.filter(pk=inwoner).first()
        if persoon is None or persoon.bsn not in lees(pad):
            raise CommandError("Deze inwoner staat niet in de stand-in BRP.")
        datum = datum or date.today().isoformat()
        if actie == "overlijden":
            wijzig(pad, persoon.bsn, overleden=datum)
            self.stdout.write(f"Overlijden van inwoner {inwoner} op {datum} vastgelegd in de stand-in BRP.")
            return
        if opties["buitenland"]:
            wijzig(
                pad, persoon.bsn, adres=None, buitenland={"land": opties["buitenland"], "landcode": "5010"}
            )
        else:
            adres = {
                "straat": opties["straat"],
                "huisnummer": opties["huisnummer"],
                "postcode": opties["postcode"].replace(" ", "").upper(),
                "woonplaats": opties["woonplaats"],
                "datumVan": datum,
            }
            wijzig(pad, persoon.bsn, adres=adres)
        self.stdout.write(f"Verhuizing van inwoner {inwoner} vastgelegd in de stand-in BRP.")
