"""Demo of the network leg (step 55 of seed_demo, before the bulk cases so they top up around it):
capacity for the demo partners, the demo user ``partner`` working for a welfare partner that serves
Almkerk, and open referrals for it from inwoners in Almkerk. Idempotent."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from altena.access import Rol
from altena.bulk import reserve_ids
from altena.demo import DemoContext, demo_step
from intake.demo import demo_bsn
from intake.models import STANDAARD_GEDEELD, Inwoner, Verwijzing
from intake.services import casus_aanmaken, verwijzing_maken
from netwerk.models import ZORGAANBIEDER_SOORTEN, Aanbod, Capaciteit, Kern, Partner

from .models import PartnerMedewerker

DEMO_KERN = "Almkerk"
# (voornaam, achternaam, straat, huisnummer, hulpvraag)
DEMO_INWONERS = [
    ("Gerda", "van Wijk", "Kerkstraat", "12", "Sinds mijn man is overleden zie ik bijna niemand meer."),
    (
        "Henk",
        "de Bruijn",
        "Molenweg",
        "3",
        "Ik wil graag weer meedoen, maar weet niet waar ik moet beginnen.",
    ),
    ("Fatma", "Yilmaz", "Dorpsstraat", "40", "Ik zoek iemand die af en toe met mij boodschappen doet."),
]


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


def _capaciteit_vullen(partners, vandaag) -> None:
    for partner in partners:
        capaciteit, weken, bevestigd = _capaciteit(partner, vandaag)
        Aanbod.objects.get_or_create(
            partner=partner,
            naam=partner.get_soort_display() if partner.soort != "anders" else "Ondersteuning",
            defaults={"capaciteit": capaciteit, "wachttijd_weken": weken, "bevestigd_op": bevestigd},
        )


def _demo_gebruiker(ctx: DemoContext, welzijn: Partner):
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
    return user


def _open_verwijzingen(ctx: DemoContext, welzijn: Partner, kern: Kern) -> int:
    """Three inwoners in the kern with a question referred to the welfare partner (with consent)."""
    if Verwijzing.objects.filter(partner=welzijn, casus__kern=kern).exists():
        return 0
    door = ctx.shared.get("users", {}).get(Rol.FRONTOFFICE)
    team = ctx.shared.get("team_toegang")
    eerste = reserve_ids("intake_inwoner", len(DEMO_INWONERS))
    pc4 = kern.postcodegebieden[0] if kern.postcodegebieden else "1000"
    for i, (voornaam, achternaam, straat, nummer, vraag) in enumerate(DEMO_INWONERS):
        inwoner = Inwoner.objects.create(
            id=eerste + i,
            bsn=demo_bsn(eerste + i),
            voornamen=voornaam,
            achternaam=achternaam,
            geboortedatum=date(1944 + 9 * i, 3 + i, 10 + i),
            straat=straat,
            huisnummer=nummer,
            postcode=f"{pc4} A{chr(66 + i)}",
            woonplaats=kern.naam,
            kern=kern,
            telefoon=f"06-2000{i:04d}",
        )
        casus = casus_aanmaken(
            inwoner=inwoner,
            door=door,
            hulpvraag=vraag,
            kanaal="telefoon",
            leefgebieden=["sociaal_netwerk"],
            toestemming_delen=True,
            toestemming_scope="Delen met partners uit de sociale kaart, alleen voor deze hulpvraag",
            team=team,
        )
        verwijzing_maken(
            casus=casus,
            partner=welzijn,
            door=door,
            toelichting="Graag contact opnemen met de inwoner over de hulpvraag.",
            gedeelde_gegevens=list(STANDAARD_GEDEELD),
        )
    return len(DEMO_INWONERS)


@demo_step(55)
def demo_partnerportaal(ctx: DemoContext) -> None:
    vandaag = timezone.localdate()
    partners = Partner.objects.filter(gemeente=ctx.gemeente_naam, actief=True).exclude(
        soort__in=ZORGAANBIEDER_SOORTEN
    )
    _capaciteit_vullen(partners, vandaag)
    kern = Kern.objects.filter(gemeente=ctx.gemeente_naam, naam=DEMO_KERN).first() or (
        Kern.objects.filter(gemeente=ctx.gemeente_naam).order_by("naam").first()
    )
    welzijn = None
    if kern is not None:
        qs = partners.filter(soort="welzijn").voor_kern(kern).order_by("naam")
        welzijn = qs.filter(naam__icontains="welzijn").first() or qs.first()
    if welzijn is None:
        ctx.log("  geen welzijnspartner voor de demogebruiker partner")
        return
    Aanbod.objects.filter(partner=welzijn).update(
        capaciteit=Capaciteit.RUIMTE, wachttijd_weken=None, bevestigd_op=vandaag
    )
    _demo_gebruiker(ctx, welzijn)
    nieuw = _open_verwijzingen(ctx, welzijn, kern)
    ctx.log(f"  demogebruiker partner werkt voor {welzijn.naam} ({nieuw} nieuwe verwijzingen in {kern.naam})")
