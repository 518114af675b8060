"""Benchmark stages for ``manage.py bench``: the dashboard of the demo teamleider (median of five),
the raad report for a full year, and its XLSX export, uncached, on the seeded data."""

from __future__ import annotations

import statistics
import time

from django.contrib.auth import get_user_model
from django.utils import timezone

from altena.demo import bench_stage

from .dashboard import dashboard
from .exports import xlsx_van
from .periode import periode_van
from .raad import rapport


def _median_ms(func, keer: int = 5) -> str:
    tijden = []
    for _ in range(keer):
        t0 = time.monotonic()
        func()
        tijden.append((time.monotonic() - t0) * 1000)
    return f"mediaan {statistics.median(tijden):.0f} ms over {keer} keer (max {max(tijden):.0f} ms)"


def _gemeente() -> str:
    from netwerk.models import Kern

    return Kern.objects.order_by("gemeente").values_list("gemeente", flat=True).first() or "Altena"


@bench_stage("rapportage dashboard teamleider")
def bench_dashboard(stdout) -> str:
    leider = get_user_model().objects.filter(username="teamleider").first()
    if leider is None:
        return "geen demo-teamleider"
    return _median_ms(lambda: dashboard(leider))


@bench_stage("rapportage raad vol jaar")
def bench_raad(stdout) -> str:
    periode = periode_van("jaar", timezone.localdate().year - 1)
    gemeente = _gemeente()
    return f"{periode.label}: " + _median_ms(lambda: rapport(periode, gemeente), keer=3)


@bench_stage("rapportage raad XLSX vol jaar")
def bench_xlsx(stdout) -> str:
    periode = periode_van("jaar", timezone.localdate().year - 1)
    gemeente = _gemeente()
    return _median_ms(lambda: xlsx_van(rapport(periode, gemeente)), keer=3)
