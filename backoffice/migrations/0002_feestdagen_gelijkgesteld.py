"""The days gelijkgesteld with an algemeen erkende feestdag by decree (Algemene termijnenwet art. 3
lid 3) for 2023-2028. A beheerder adds later decrees in admin."""

import datetime

from django.db import migrations

GRONDSLAG_2023 = "Atw art. 3 lid 3; besluit gelijkstelling dagen 2023, 2024 en 2025 (Staatscourant)"
GRONDSLAG_2026 = "Atw art. 3 lid 3; besluit gelijkstelling dagen 2026, 2027 en 2028 (Staatscourant)"

DAGEN = [
    (datetime.date(2023, 4, 28), "Vrijdag voor Koningsdag", GRONDSLAG_2023),
    (datetime.date(2023, 5, 19), "Vrijdag na Hemelvaartsdag", GRONDSLAG_2023),
    (datetime.date(2024, 5, 10), "Vrijdag na Hemelvaartsdag", GRONDSLAG_2023),
    (datetime.date(2024, 12, 27), "Vrijdag na Kerstmis", GRONDSLAG_2023),
    (datetime.date(2025, 5, 30), "Vrijdag na Hemelvaartsdag", GRONDSLAG_2023),
    (datetime.date(2026, 1, 2), "Vrijdag na Nieuwjaarsdag", GRONDSLAG_2026),
    (datetime.date(2026, 5, 15), "Vrijdag na Hemelvaartsdag", GRONDSLAG_2026),
    (datetime.date(2027, 5, 7), "Vrijdag na Hemelvaartsdag", GRONDSLAG_2026),
    (datetime.date(2028, 4, 28), "Vrijdag na Koningsdag", GRONDSLAG_2026),
    (datetime.date(2028, 5, 26), "Vrijdag na Hemelvaartsdag", GRONDSLAG_2026),
]


def vullen(apps, schema_editor):
    Feestdag = apps.get_model("backoffice", "Feestdag")
    for datum, omschrijving, grondslag in DAGEN:
        Feestdag.objects.get_or_create(datum=datum, defaults={"omschrijving": omschrijving, "grondslag": grondslag})


def legen(apps, schema_editor):
    Feestdag = apps.get_model("backoffice", "Feestdag")
    Feestdag.objects.filter(datum__in=[d for d, _, _ in DAGEN]).delete()


class Migration(migrations.Migration):
    dependencies = [("backoffice", "0001_maatwerk")]
    operations = [migrations.RunPython(vullen, legen)]
