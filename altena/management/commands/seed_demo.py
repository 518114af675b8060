import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.module_loading import autodiscover_modules

from altena.demo import DemoContext, al_gevuld, steps

GEMEENTEN = {"altena": "Altena", "westerkwartier": "Westerkwartier"}


class Command(BaseCommand):
    help = (
        "Vult de database met demogegevens (kernen, partners, catalogus, gebruikers, casussen). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", choices=sorted(GEMEENTEN), default="altena")
        parser.add_argument(
            "--casussen", type=int, default=2000, help="aantal synthetische casussen (totaal)"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="alleen vullen als er nog geen kernen zijn (voor make run)",
        )

    def handle(self, *args, gemeente, casussen, if_empty, **options):
        if not settings.DEMO_ENABLED:
            raise CommandError("Demogegevens zijn uitgeschakeld (DJANGO_DEMO=false); nooit in productie.")
        if casussen < 0:
            raise CommandError("--casussen moet 0 of meer zijn.")
        autodiscover_modules("demo")
        if if_empty and al_gevuld():
            self.stdout.write("Demogegevens zijn al aanwezig; seed_demo overgeslagen.")
            return
        ctx = DemoContext(
            gemeente=gemeente,
            gemeente_naam=GEMEENTEN[gemeente],
            casussen=casussen,
            password=settings.DEMO_PASSWORD,
            stdout=self.stdout,
        )
        started = time.monotonic()
        for _order, name, func in steps():
            t0 = time.monotonic()
            with transaction.atomic():
                func(ctx)
            self.stdout.write(f"  {name}: {time.monotonic() - t0:.1f} s")
        # Fresh statistics for every table: autovacuum analyses a table only after 50 changed rows,
        # so the small ones (21 kernen, a few teams) would stay unknown and the planner would guess
        # one row each, and choose nested loops over a million cases.
        # VACUUM as well when it may (not inside a test's transaction): it sets the visibility map,
        # so index-only scans need no heap fetches on the freshly written tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens voor {ctx.gemeente_naam} klaar in {time.monotonic() - started:.1f} s."
            )
        )
