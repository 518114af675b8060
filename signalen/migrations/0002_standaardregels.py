"""Seed the signal rules with sensible default thresholds (a beheerder tunes them in admin).

The values are copied here on purpose: a data migration must not change when the code's defaults do.
"""

from django.db import migrations

REGELS = [
    # code, drempel, eenheid, herhalen_na_dagen, toelichting
    ("termijn_nadert", 5, "werkdagen", 0,
     "Aan de behandelaar: zoveel werkdagen (Algemene termijnenwet) voor de uiterste datum van een "
     "wettelijke termijn."),
    ("termijn_verstreken", 0, "dagen", 7,
     "Escalatie aan de teamleider: zoveel dagen na de uiterste datum (0: de dag erna), en opnieuw "
     "elke zoveel dagen zolang de termijn overschreden blijft."),
    ("melding_niet_toegewezen", 3, "werkdagen", 0,
     "Aan de teamleider: een melding die langer dan zoveel werkdagen geen behandelaar heeft."),
    ("crisis_niet_opgepakt", 4, "uren", 0,
     "Aan de teamleider: een crisis die na zoveel uur nog niemand heeft opgepakt."),
    ("verwijzing_zonder_terugkoppeling", 6, "weken", 0,
     "Opschaling: aan de regisseur (of behandelaar) als een partner na zoveel weken niet heeft "
     "teruggekoppeld."),
    ("voorziening_eindigt", 8, "weken", 0,
     "Afschaling: aan de behandelaar zoveel weken voor de einddatum van een voorziening."),
    ("bezwaar_nadert", 10, "werkdagen", 0,
     "Aan behandelaar en teamleider: zoveel werkdagen voor het einde van de beslistermijn op bezwaar."),
    ("bezwaar_verstreken", 0, "dagen", 7,
     "Aan behandelaar en teamleider: zoveel dagen na het einde van de beslistermijn op bezwaar, en "
     "opnieuw elke zoveel dagen zolang er niet is beslist."),
]


def seed(apps, schema_editor):
    SignaalRegel = apps.get_model("signalen", "SignaalRegel")
    for code, drempel, eenheid, herhalen, toelichting in REGELS:
        SignaalRegel.objects.get_or_create(
            code=code,
            defaults={
                "drempel": drempel,
                "eenheid": eenheid,
                "herhalen_na_dagen": herhalen,
                "toelichting": toelichting,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("signalen", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
