"""Measure the BRP sweep and the BRP-backed front-door search on the current database.

    manage.py brp_bench [--zoekvragen 40]

Needs a BRP (the stand-in under `make run`, or BRP_API_URL); without one it starts the stand-in on
BRP_STANDIN_STORE in-process. Reports the sweep's inwoners, calls, errors and seconds, scaled
linearly to 100,000 inwoners (the sweep is one call per 20 BSNs plus one cache update per inwoner),
and the median time of a front-door search by BSN through the Django test client (one BRP call,
the gemeente's own search, the verwerkingenlog). Not a test: results go in docs/brp.md by hand.
"""

from __future__ import annotations

import math
import random
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.test import Client

from brp import client as brp_client
from intake.models import Inwoner
from signalen.brp import PER_VRAAG, brp_controle, te_controleren


class Command(BaseCommand):
    help = "Meet de BRP-controle en het zoeken in de BRP aan de voordeur."

    def add_arguments(self, parser):
        parser.add_argument("--zoekvragen", type=int, default=40)
        parser.add_argument("--zonder-controle", action="store_true")

    def handle(self, *args, zoekvragen, zonder_controle, **options):
        server = None
        if not settings.BRP_API_URL:
            from brp.standin.server import start_in_thread

            server = start_in_thread(settings.BRP_STANDIN_STORE)
            settings.BRP_API_URL = f"http://127.0.0.1:{server.server_address[1]}/haalcentraal/api/brp"
            brp_client._client = None
        try:
            if not zonder_controle:
                n = te_controleren().count()
                uit = brp_controle()
                schaal = 100_000 / max(uit.inwoners, 1)
                self.stdout.write(
                    f"BRP-controle: {uit.inwoners} inwoners, {uit.vragen} vragen, {uit.fouten} fouten, "
                    f"{uit.signalen} signalen, {uit.seconden:.1f} s ({n} te controleren)"
                )
                self.stdout.write(
                    f"  geschaald naar 100.000 inwoners: {math.ceil(100_000 / PER_VRAAG)} vragen, "
                    f"~{uit.seconden * schaal / 60:.1f} min"
                )
            self.zoeken(zoekvragen)
        finally:
            if server is not None:
                server.shutdown()

    def zoeken(self, aantal: int) -> None:
        gebruiker = get_user_model().objects.filter(username="frontoffice").first()
        if gebruiker is None:
            self.stdout.write("Geen demo-gebruiker 'frontoffice': zoeken niet gemeten.")
            return
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(gebruiker)
        bsns = list(Inwoner.objects.filter(gemeente="Altena").values_list("bsn", flat=True)[:5000])
        rng = random.Random(7)
        tijden = []
        for bsn in rng.sample(bsns, min(aantal, len(bsns))):
            begin = time.perf_counter()
            response = client.post("/intake/nieuw/", {"bsn": bsn})
            tijden.append(time.perf_counter() - begin)
            assert response.status_code == 200 and b"brp-resultaat" in response.content
        self.stdout.write(
            "Zoeken op BSN aan de voordeur (BRP + eigen registratie): "
            f"mediaan {statistics.median(tijden) * 1000:.0f} ms, "
            f"p90 {sorted(tijden)[int(len(tijden) * 0.9)] * 1000:.0f} ms over {len(tijden)} zoekvragen"
        )
