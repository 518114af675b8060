"""Each gemeente is its own controller: inwoner, huishouden and casus carry their gemeente (the
name, as Kern.gemeente); a BSN is unique per gemeente instead of globally."""

import intake.validators
from django.db import migrations, models

HELP = "De gemeente (verwerkingsverantwoordelijke) waartoe dit gegeven hoort; volgt uit de kern."

FILL = """
UPDATE intake_inwoner i SET gemeente = k.gemeente FROM netwerk_kern k WHERE i.kern_id = k.id;
UPDATE intake_casus c SET gemeente = k.gemeente FROM netwerk_kern k WHERE c.kern_id = k.id;
UPDATE intake_huishouden h SET gemeente = sub.gemeente
  FROM (SELECT DISTINCT ON (huishouden_id) huishouden_id, gemeente FROM intake_inwoner
        WHERE huishouden_id IS NOT NULL ORDER BY huishouden_id, id) sub
  WHERE h.id = sub.huishouden_id;
"""


def field(**extra):
    return models.CharField("gemeente", max_length=100, db_index=True, default="", help_text=HELP, **extra)


class Migration(migrations.Migration):
    dependencies = [("intake", "0003_verwijzing_zrmscore"), ("netwerk", "0003_gemeente")]

    operations = [
        migrations.AddField("huishouden", "gemeente", field()),
        migrations.AddField("inwoner", "gemeente", field(editable=False)),
        migrations.AddField(
            "casus",
            "gemeente",
            models.CharField(
                "gemeente",
                max_length=100,
                db_index=True,
                default="",
                editable=False,
                help_text="De gemeente (verwerkingsverantwoordelijke) van de casus; volgt uit de kern.",
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AlterField("huishouden", "gemeente", models.CharField("gemeente", max_length=100, db_index=True, help_text=HELP)),
        migrations.AlterField(
            "inwoner",
            "gemeente",
            models.CharField("gemeente", max_length=100, db_index=True, editable=False, help_text=HELP),
        ),
        migrations.AlterField(
            "casus",
            "gemeente",
            models.CharField(
                "gemeente",
                max_length=100,
                db_index=True,
                editable=False,
                help_text="De gemeente (verwerkingsverantwoordelijke) van de casus; volgt uit de kern.",
            ),
        ),
        migrations.AlterField(
            "inwoner",
            "bsn",
            models.CharField("BSN", max_length=9, validators=[intake.validators.validate_bsn]),
        ),
        migrations.AddField(
            "casus",
            "geanonimiseerd_op",
            models.DateTimeField("geanonimiseerd op", null=True, blank=True, editable=False),
        ),
        migrations.AddField(
            "inwoner",
            "geanonimiseerd_op",
            models.DateTimeField("geanonimiseerd op", null=True, blank=True, editable=False),
        ),
        migrations.AddConstraint(
            "inwoner",
            models.UniqueConstraint(fields=["gemeente", "bsn"], name="inwoner_bsn_uniek_per_gemeente"),
        ),
    ]
