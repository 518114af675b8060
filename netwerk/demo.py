"""Demo data of the network: the kernen and teams of the chosen municipality (from netwerk/data/)."""

import json
from pathlib import Path

from altena.demo import DemoContext, demo_step

from .models import Kern, Team

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_gemeente(key: str) -> dict:
    return json.loads((DATA_DIR / f"{key}.json").read_text(encoding="utf-8"))


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
    for role in ("Consultant", "Teamleider"):
        if role in users:
            maatwerk.leden.add(users[role])
    ctx.shared["team_toegang"] = toegang
    ctx.shared["team_maatwerk"] = maatwerk
