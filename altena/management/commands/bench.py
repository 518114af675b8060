"""``manage.py bench``: the benchmark at scale (run by ``make bench``, not in CI).

Seeds the configured database up to ``--casussen`` cases and reports the seconds each stage took.
Other apps add their own stages by registering a ``bench`` module function (see altena.demo).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils.module_loading import autodiscover_modules

from altena.demo import bench_stages


class Command(BaseCommand):
    help = "Meet seed_demo en andere zware bewerkingen op schaal (standaard 1.000.000 casussen)."

    def add_arguments(self, parser):
        parser.add_argument("--casussen", type=int, default=1_000_000)

    def handle(self, *args, casussen, **options):
        t0 = time.monotonic()
        call_command("seed_demo", casussen=casussen, stdout=self.stdout)
        seeded = time.monotonic() - t0
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM intake_casus")
            (total,) = cursor.fetchone()
        self.stdout.write(f"BENCH seed_demo: {total} casussen in database, {seeded:.1f} s")
        autodiscover_modules("bench")
        for name, func in bench_stages():
            t1 = time.monotonic()
            detail = func(self.stdout) or ""
            self.stdout.write(f"BENCH {name}: {time.monotonic() - t1:.1f} s {detail}")
