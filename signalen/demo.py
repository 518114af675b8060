"""Demo set-up of the signalen app (step 90 of seed_demo): the rules and the e-mail wishes.

No signals are made here: the beat sweeps of ``make run`` fill every demo user's inbox within five
minutes, exactly as in production."""

from altena.demo import DemoContext, demo_step

from .services import standaardregels_aanmaken, voorkeur_opslaan


@demo_step(90)
def demo_signalen(ctx: DemoContext) -> None:
    nieuw = standaardregels_aanmaken()
    users = ctx.shared.get("users", {})
    for role in ("Consultant", "Teamleider"):
        if role in users:
            voorkeur_opslaan(gebruiker=users[role], dagelijkse_mail=True)
    ctx.log(f"  signaalregels aanwezig ({nieuw} nieuw); dagelijkse mail aan voor consultant en teamleider")
