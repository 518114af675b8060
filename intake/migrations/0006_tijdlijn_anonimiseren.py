"""Retention may anonymise the timeline of an anonymised case, and nothing else may change it.

The append-only trigger of the timeline now lets exactly one UPDATE through: setting ``tekst`` to
'[geanonimiseerd]' and ``gegevens`` to '{}' (every other column unchanged) on an event whose case has
been anonymised (``geanonimiseerd_op`` set). The application role gets UPDATE on these two columns
only (altena.dbrollen); DELETE and TRUNCATE stay refused."""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION intake_gebeurtenis_alleen_anonimiseren() RETURNS trigger AS $$
BEGIN
    IF NEW.tekst = '[geanonimiseerd]' AND NEW.gegevens = '{}'::jsonb
       AND NEW.id = OLD.id AND NEW.casus_id = OLD.casus_id AND NEW.soort = OLD.soort
       AND NEW.tijdstip = OLD.tijdstip AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.fase_van = OLD.fase_van AND NEW.fase_naar = OLD.fase_naar
       AND EXISTS (SELECT 1 FROM intake_casus c WHERE c.id = OLD.casus_id AND c.geanonimiseerd_op IS NOT NULL)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS casusgebeurtenis_append_only ON intake_casusgebeurtenis;
CREATE TRIGGER casusgebeurtenis_append_only
    BEFORE UPDATE ON intake_casusgebeurtenis
    FOR EACH ROW EXECUTE FUNCTION intake_gebeurtenis_alleen_anonimiseren();
"""

REVERSE = """
DROP TRIGGER IF EXISTS casusgebeurtenis_append_only ON intake_casusgebeurtenis;
CREATE TRIGGER casusgebeurtenis_append_only
    BEFORE UPDATE ON intake_casusgebeurtenis
    FOR EACH ROW EXECUTE FUNCTION intake_refuse_update();
DROP FUNCTION IF EXISTS intake_gebeurtenis_alleen_anonimiseren();
"""


class Migration(migrations.Migration):
    dependencies = [("intake", "0005_merge_20261128_0951")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
