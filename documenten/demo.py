"""Demo data of documenten (step 80): the gemeente's letterhead and standard templates, and the
beschikking of the demo consultant's most recent besluiten, sent, so ``make run`` shows letters.

Only a few dozen letters (each is a real PDF), chosen by one indexed query, so seeding a million
cases stays fast. Idempotent: a besluit that has its letter is skipped."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from altena.demo import DemoContext, demo_step
from backoffice.models import Besluit
from netwerk.models import Gemeente

from .gegevens import BESLUIT_BRIEF
from .models import Brief, Briefhoofd, Kanaal
from .services import BriefAlVerzonden, brief_verzenden
from .standaardsjablonen import standaardsjablonen_laden

AANTAL_BRIEVEN = 24
ADRES = {
    "Altena": ("Postbus 10000", "4280 HA", "Almkerk", "14 0183"),
    "Westerkwartier": ("Postbus 100", "9800 AC", "Zuidhorn", "0594 - 50 88 88"),
}
CBS = {"Altena": "1959", "Westerkwartier": "1969"}


@demo_step(80)
def demo_brieven(ctx: DemoContext) -> None:
    gemeente = Gemeente.objects.filter(naam=ctx.gemeente_naam).first()
    if gemeente is None and ctx.gemeente_naam in CBS:
        gemeente = Gemeente.objects.create(naam=ctx.gemeente_naam, cbs_code=CBS[ctx.gemeente_naam])
    if gemeente is None:
        ctx.log("  geen gemeente; brieven overgeslagen")
        return
    if not gemeente.postadres and ctx.gemeente_naam in ADRES:
        gemeente.postadres, gemeente.postcode, gemeente.plaats, gemeente.telefoon = ADRES[ctx.gemeente_naam]
        gemeente.save(update_fields=["postadres", "postcode", "plaats", "telefoon"])
    Briefhoofd.objects.get_or_create(
        gemeente=gemeente,
        defaults={"ondertekenaar_naam": "T. Leijten", "ondertekenaar_functie": "teamleider Toegang"},
    )
    geladen = standaardsjablonen_laden(gemeente)
    consultant = get_user_model().objects.filter(username="consultant").first()
    if consultant is None:
        ctx.log(f"  {geladen} briefsjablonen; geen democonsulent")
        return
    besluiten = list(
        Besluit.objects.filter(casus__behandelaar=consultant, na_bezwaar__isnull=True)
        .select_related("casus", "casus__inwoner", "casus__kern", "casus__behandelaar", "aanvraag")
        .order_by("-besluitdatum", "-id")[:AANTAL_BRIEVEN]
    )
    al = set(Brief.objects.filter(besluit__in=besluiten).values_list("besluit_id", flat=True))
    verzonden = 0
    for besluit in besluiten:
        if besluit.pk in al:
            continue
        try:
            with transaction.atomic():
                brief_verzenden(
                    casus=besluit.casus,
                    soort=BESLUIT_BRIEF[besluit.soort],
                    obj=besluit,
                    verzonden_op=besluit.verzonden_op,
                    kanaal=Kanaal.POST,
                    door=consultant,
                )
            verzonden += 1
        except (ValidationError, BriefAlVerzonden):
            continue  # e.g. a demo pgb without an amount: that letter cannot be sent
    ctx.log(f"  {geladen} briefsjablonen, {verzonden} beschikkingen verzonden")
