"""Demo data of the network: kernen, teams and partners of the chosen municipality (from netwerk/data/)."""

import json
from pathlib import Path

from altena.demo import DemoContext, demo_aanwezig, demo_step

from .models import Contactpersoon, Kern, Partner, Team

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_gemeente(key: str) -> dict:
    return json.loads((DATA_DIR / f"{key}.json").read_text(encoding="utf-8"))


@demo_aanwezig
def kernen_aanwezig() -> bool:
    """The kernen are the first demo data; with them the demo was seeded before."""
    return Kern.objects.exists()


@demo_step(10)
def demo_kernen(ctx: DemoContext) -> None:
    data = load_gemeente(ctx.gemeente)
    ctx.gemeente_naam = data["naam"]
    for k in data["kernen"]:
        Kern.objects.update_or_create(
            gemeente=data["naam"],
            naam=k["naam"],
            defaults={
                "voormalige_gemeente": k["voormalige_gemeente"],
                "postcodegebieden": k["postcodegebieden"],
            },
        )
    ctx.shared["kernen"] = list(Kern.objects.van_gemeente(data["naam"]))
    ctx.log(f"  {len(ctx.shared['kernen'])} kernen van {data['naam']}")


@demo_step(30)
def demo_teams(ctx: DemoContext) -> None:
    """A front-door team and a maatwerk team; the demo users join them."""
    data = load_gemeente(ctx.gemeente)
    users = ctx.shared.get("users", {})
    teams = {}
    for t in data["teams"]:
        team, _ = Team.objects.get_or_create(naam=t["naam"], defaults={"gemeente": data["naam"]})
        team.kernen.set(Kern.objects.filter(gemeente=data["naam"], naam__in=t["kernen"]))
        teams[t["naam"]] = team
    toegang, maatwerk = list(teams.values())[:2]
    if "Frontoffice" in users:
        toegang.leden.add(users["Frontoffice"])
    if "Teamleider" in users:  # the demo teamleider leads both teams, so front-door escalations reach someone
        toegang.leden.add(users["Teamleider"])
    for role in ("Consultant", "Teamleider"):
        if role in users:
            maatwerk.leden.add(users[role])
    if "Beleid" in users:  # the policy officer's gemeente (for the raad report); no case scope
        beleid, _ = Team.objects.get_or_create(
            naam=f"Beleid {data['naam']}", defaults={"gemeente": data["naam"]}
        )
        beleid.leden.add(users["Beleid"])
    ctx.shared["team_toegang"] = toegang
    ctx.shared["team_maatwerk"] = maatwerk


PARTNER_VELDEN = (
    "soort",
    "omschrijving",
    "leefgebieden",
    "adres",
    "telefoon",
    "email",
    "website",
    "bereikbaarheid",
    "agb_code",
    "kvk_nummer",
    "istandaarden_categorieen",
)


@demo_step(40)
def demo_partners(ctx: DemoContext) -> None:
    """The partners of the sociale kaart from netwerk/data/partners_<gemeente>.json (idempotent)."""
    path = DATA_DIR / f"partners_{ctx.gemeente}.json"
    if not path.exists():
        ctx.log(f"  geen partnerbestand voor {ctx.gemeente}")
        return
    gemeente = load_gemeente(ctx.gemeente)["naam"]
    kernen = {k.naam: k for k in Kern.objects.van_gemeente(gemeente)}
    for item in json.loads(path.read_text(encoding="utf-8"))["partners"]:
        alle = item["kernen"] == "alle"
        partner, _ = Partner.objects.update_or_create(
            naam=item["naam"],
            gemeente=gemeente,
            defaults={**{veld: item[veld] for veld in PARTNER_VELDEN}, "alle_kernen": alle, "actief": True},
        )
        eigen_kernen = [] if alle else [kernen[naam] for naam in item["kernen"]]
        partner.kernen_voor_controle = eigen_kernen
        partner.full_clean()  # the demo data obeys the same rules as the admin and the import
        partner.kernen.set(eigen_kernen)
        for contact in item.get("contactpersonen", []):
            Contactpersoon.objects.update_or_create(
                partner=partner,
                naam=contact["naam"],
                defaults={k: contact.get(k, "") for k in ("rol", "telefoon", "email")},
            )
    ctx.log(f"  {Partner.objects.filter(gemeente=gemeente).count()} partners van {gemeente}")
