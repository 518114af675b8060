"""Benchmark stages for ``manage.py bench``: every sweep over the seeded cases, twice.

The first makes the signals the demo data deserves; the second, right after, must make none and take
a fraction of the time (finding the candidates and one unique-index probe each is all that is left)."""

from django.db import connection

from altena.demo import bench_stage

from .services import standaardregels_aanmaken, sweep_alle


def _sweep(stdout) -> str:
    standaardregels_aanmaken()
    gemaakt = sweep_alle()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM signalen_signaal")
        (totaal,) = cursor.fetchone()
    per_regel = ", ".join(f"{code} {n}" for code, n in sorted(gemaakt.items()) if n)
    return f"{sum(gemaakt.values())} signalen gemaakt ({per_regel or 'geen'}); {totaal} in totaal"


@bench_stage("signalen sweep 1")
def sweep_1(stdout) -> str:
    return _sweep(stdout)


@bench_stage("signalen sweep 2")
def sweep_2(stdout) -> str:
    return _sweep(stdout)
