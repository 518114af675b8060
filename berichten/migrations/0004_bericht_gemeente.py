from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("berichten", "0003_bericht_schema_gecontroleerd"),
        ("netwerk", "0003_gemeente"),
    ]

    operations = [
        migrations.AddField(
            model_name="bericht",
            name="gemeente",
            field=models.CharField(blank=True, db_index=True, max_length=100, verbose_name="gemeente"),
        ),
        # Existing rows: the gemeente their header names (Ontvanger of a received message, Afzender of
        # a sent one or of a provider's retour 302/320).
        migrations.RunSQL(
            """
            UPDATE berichten_bericht b SET gemeente = g.naam
            FROM netwerk_gemeente g
            WHERE g.cbs_code = CASE
                WHEN b.richting = 'uit' OR right(b.berichttype, 3) IN ('302', '320') THEN b.afzender
                ELSE b.ontvanger END
            """,
            migrations.RunSQL.noop,
        ),
    ]
