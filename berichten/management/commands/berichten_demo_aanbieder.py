"""Play the providers' side for the demo: a start (305) for each toewijzing without one, a stop
(307) for some of the started ones, and a few verzoeken om toewijzing (315)."""

from collections import Counter

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from berichten import demo
from berichten.codelijsten import JZ588, WMO588
from berichten.models import Levering, Toewijzing, Verzoek
from berichten.schema import configuratiefout
from berichten.services.ontvangen import inbox_verwerken
from berichten.services.toewijzingen import gemeente_van
from berichten.transport import MapTransport
from berichten.typen import WET_STANDAARD
from intake.models import Casus
from netwerk.models import Partner, PartnerSoort

SOORT = {"wmo": PartnerSoort.ZORGAANBIEDER_WMO, "jeugdwet": PartnerSoort.ZORGAANBIEDER_JEUGD}


class Command(BaseCommand):
    help = "Demo: speel de zorgaanbieder (305 op elke toewijzing, enkele 307 en 315) en verwerk de inbox."

    def add_arguments(self, parser):
        parser.add_argument("--max", type=int, default=50, help="Hoogstens zoveel berichten per soort.")
        parser.add_argument("--verzoeken", type=int, default=3, help="Aantal verzoeken om toewijzing (315).")
        parser.add_argument("--niet-verwerken", action="store_true", help="Alleen in de inbox zetten.")

    def handle(self, *args, max, verzoeken, niet_verwerken, **options):
        t = MapTransport()
        geschreven = {"305": 0, "307": 0, "315": 0}
        redenen: Counter = Counter()
        zonder_start = (
            Toewijzing.objects.filter(leveringen__isnull=True, einddatum__gte=timezone.localdate())
            .exclude(reden_wijziging="13")
            .select_related("casus__inwoner", "casus__kern", "aanbieder")
            .order_by("-aangemaakt", "-pk")[:max]  # newest first: a new toewijzing never waits runs
        )
        for toewijzing in zonder_start:
            gemeente = gemeente_van(toewijzing.casus).cbs_code
            demo.naar_inbox(t, "305", demo.startbericht(toewijzing, gemeente))
            geschreven["305"] += 1
        verwerkt = 0 if niet_verwerken else inbox_verwerken()  # the starts first, so some can stop
        lopend = (
            Levering.objects.filter(einddatum__isnull=True)
            .select_related("toewijzing__casus__inwoner", "toewijzing__casus__kern", "toewijzing__aanbieder")
            .order_by("-pk")
        )
        for i, levering in enumerate(lopend[: max * 4]):
            if i % 4 == 3 and geschreven["307"] < max:  # every fourth started toewijzing stops
                gemeente = gemeente_van(levering.toewijzing.casus).cbs_code
                demo.naar_inbox(t, "307", demo.stopbericht(levering, gemeente))
                geschreven["307"] += 1
                standaard = levering.toewijzing.standaard
                redenen[(WMO588 if standaard == "wmo" else JZ588)[demo.VOLGENS_PLAN[standaard]]] += 1
        for casus in self._kandidaten_voor_verzoek(verzoeken):
            aanbieder = (
                Partner.objects.filter(soort=SOORT[casus.wet], actief=True)
                .exclude(agb_code="")
                .exclude(pk__in=Toewijzing.objects.filter(casus=casus).values("aanbieder"))
                .order_by("pk")
                .first()
            )
            if aanbieder is None:
                continue
            categorie = (aanbieder.istandaarden_categorieen or ["02" if casus.wet == "wmo" else "45"])[0]
            inhoud = demo.verzoek_om_toewijzing(casus, aanbieder, gemeente_van(casus).cbs_code, categorie, "")
            demo.naar_inbox(t, "315", inhoud)
            geschreven["315"] += 1
        self.stdout.write(
            ", ".join(f"{n} × {soort}" for soort, n in geschreven.items()) + " in de inbox gezet."
        )
        for reden, n in sorted(redenen.items()):
            self.stdout.write(f"  gestopt (307): {n} × reden '{reden}'")
        if not niet_verwerken:
            self.stdout.write(f"{verwerkt + inbox_verwerken()} bestanden verwerkt.")
            if melding := configuratiefout():
                self.stderr.write(self.style.ERROR(melding))

    def _kandidaten_voor_verzoek(self, aantal):
        if aantal <= 0:
            return []
        met_open_verzoek = Verzoek.objects.filter(uitkomst=Verzoek.Uitkomst.OPEN).values("casus__inwoner")
        return list(
            Casus.objects.filter(wet__in=list(WET_STANDAARD), toewijzingen__isnull=False)
            .exclude(Q(inwoner__in=met_open_verzoek))
            .select_related("inwoner", "kern")
            .distinct()
            .order_by("-pk")[:aantal]
        )
