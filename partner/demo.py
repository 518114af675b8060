"""Demo of the network leg (step 70 of seed_demo): capacity for the demo partners, the demo user
``partner`` working for a welfare partner that serves Almkerk, and open referrals for it there."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from altena.access import Rol
from altena.demo import DemoContext, demo_step
from intake.models import STANDAARD_GEDEELD, Casus, Verwijzing
from intake.workflow import Fase
from netwerk.models import ZORGAANBIEDER_SOORTEN, Aanbod, Capaciteit, Kern, Partner

from .models import PartnerMedewerker

DEMO_KERN = "Almkerk"
OPEN_VERWIJZINGEN = 3


def _capaciteit(partner: Partner, vandaag):
    """Deterministic spread: room now, a waiting list, full, and room that was confirmed long ago."""
    keuze = partner.pk % 4
    if keuze == 0:
        return Capaciteit.RUIMTE, None, vandaag - timedelta(days=3)
    if keuze == 1:
        return Capaciteit.WACHTLIJST, 2 + partner.pk % 5, vandaag - timedelta(days=10)
    if keuze == 2:
        return Capaciteit.VOL, None, vandaag - timedelta(days=6)
    return Capaciteit.RUIMTE, None, vandaag - timedelta(weeks=10)


@demo_step(70)
def demo_partnerportaal(ctx: DemoContext) -> None:
    vandaag = timezone.localdate()
    partners = Partner.objects.filter(gemeente=ctx.gemeente_naam, actief=True).exclude(
        soort__in=ZORGAANBIEDER_SOORTEN
    )
    for partner in partners:
        capaciteit, weken, bevestigd = _capaciteit(partner, vandaag)
        Aanbod.objects.get_or_create(
            partner=partner,
            naam=partner.get_soort_display() if partner.soort != "anders" else "Ondersteuning",
            defaults={"capaciteit": capaciteit, "wachttijd_weken": weken, "bevestigd_op": bevestigd},
        )
    kern = Kern.objects.filter(gemeente=ctx.gemeente_naam, naam=DEMO_KERN).first() or (
        Kern.objects.filter(gemeente=ctx.gemeente_naam).first()
    )
    welzijn = partners.filter(soort="welzijn").voor_kern(kern).order_by("naam").first() if kern else None
    if welzijn is None:
        ctx.log("  geen welzijnspartner voor de demogebruiker partner")
        return
    Aanbod.objects.filter(partner=welzijn).update(
        capaciteit=Capaciteit.RUIMTE, wachttijd_weken=None, bevestigd_op=vandaag
    )
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="partner",
        defaults={"first_name": "Pim", "last_name": "Partner", "email": "partner@welzijn.example"},
    )
    if created or not user.check_password(ctx.password):
        user.set_password(ctx.password)
        user.save()
    user.groups.set([Group.objects.get(name=Rol.PARTNER)])
    PartnerMedewerker.objects.update_or_create(gebruiker=user, defaults={"partner": welzijn, "actief": True})

    open_nu = Verwijzing.objects.filter(partner=welzijn, status__in=Verwijzing.ACTIEVE_STATUSSEN).count()
    nodig = max(0, OPEN_VERWIJZINGEN - open_nu)
    door = ctx.shared.get("users", {}).get(Rol.FRONTOFFICE)
    casussen = (
        Casus.objects.filter(kern=kern, fase=Fase.VERWEZEN, toestemming_delen=True)
        .exclude(verwijzingen__partner=welzijn)
        .order_by("-aangemaakt")[:nodig]
    )
    for i, casus in enumerate(casussen):
        Verwijzing.objects.create(
            casus=casus,
            partner=welzijn,
            door=door,
            verstuurd_op=timezone.now() - timedelta(days=i * 3),
            toelichting="Graag contact opnemen met de inwoner over de hulpvraag.",
            gedeelde_gegevens=list(STANDAARD_GEDEELD),
        )
    ctx.log(f"  demogebruiker partner werkt voor {welzijn.naam}; {partners.count()} partners met capaciteit")
