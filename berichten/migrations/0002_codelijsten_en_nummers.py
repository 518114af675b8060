"""The code tables (from berichten.codelijsten) and the sequences of ToewijzingNummer and of the
identification of the messages the gemeente writes."""

from django.db import migrations


def codes_laden(apps, schema_editor):
    from berichten.codelijsten import CODELIJSTEN

    Code = apps.get_model("berichten", "Code")
    for lijst, codes in CODELIJSTEN.items():
        for code, betekenis in codes.items():
            Code.objects.update_or_create(lijst=lijst, code=code, defaults={"betekenis": betekenis})


class Migration(migrations.Migration):
    dependencies = [("berichten", "0001_berichtenverkeer")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS berichten_toewijzingnummer START 100001;"
            "CREATE SEQUENCE IF NOT EXISTS berichten_identificatie START 1;",
            "DROP SEQUENCE IF EXISTS berichten_toewijzingnummer; DROP SEQUENCE IF EXISTS berichten_identificatie;",
        ),
        migrations.RunPython(codes_laden, migrations.RunPython.noop),
    ]
