"""Benchmark stages for ``manage.py bench``: every sweep over the seeded cases, twice.

A bench database is kept between runs, so its signals already exist and a sweep would find nothing
to make. The first stage therefore removes the signals the sweeps made (and their timeline events)
untimed, lets PostgreSQL tidy the tables as autovacuum would, and then times a sweep that really
makes them again. The second, right after, must make none and take a fraction of the time (finding
the candidates and one unique-index probe each is all that is left). Only ``make bench`` runs these
stages, on its own database."""

from django.db import connection

from altena.demo import bench_stage
from intake.models import CasusGebeurtenis

from .models import Signaal
from .services import standaardregels_aanmaken, sweep_alle


def signalen_wissen() -> int:
    """Remove every signal and the timeline events the sweeps wrote for them (untimed preparation)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {CasusGebeurtenis._meta.db_table} WHERE soort = %s AND gegevens ? 'signaal'",  # nosec B608  # model table name; the value is a parameter
            [CasusGebeurtenis.Soort.SIGNAAL.value],
        )
        cursor.execute(f"DELETE FROM {Signaal._meta.db_table}")  # nosec B608  # model table name only
        gewist = cursor.rowcount
        if not connection.in_atomic_block:  # VACUUM cannot run in a transaction (e.g. a test's)
            for tabel in (Signaal._meta.db_table, CasusGebeurtenis._meta.db_table):
                cursor.execute(f"VACUUM (ANALYZE) {tabel}")
    return gewist


def _sweep(stdout) -> str:
    gemaakt = sweep_alle()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {Signaal._meta.db_table}")  # nosec B608  # model table name only
        (totaal,) = cursor.fetchone()
    per_regel = ", ".join(f"{code} {n}" for code, n in sorted(gemaakt.items()) if n)
    return f"{sum(gemaakt.values())} signalen gemaakt ({per_regel or 'geen'}); {totaal} in totaal"


@bench_stage("signalen wissen (voorbereiding, niet de sweep)")
def wissen(stdout) -> str:
    standaardregels_aanmaken()
    return f"{signalen_wissen()} signalen en hun tijdlijnregels gewist"


@bench_stage("signalen sweep 1")
def sweep_1(stdout) -> str:
    return _sweep(stdout)


@bench_stage("signalen sweep 2")
def sweep_2(stdout) -> str:
    return _sweep(stdout)
