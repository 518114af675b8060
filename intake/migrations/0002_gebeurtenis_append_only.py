"""The case timeline is append-only: PostgreSQL refuses UPDATE on it (a case may still be
deleted as a whole when its retention period ends, which cascades)."""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION intake_refuse_update() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER casusgebeurtenis_append_only
    BEFORE UPDATE ON intake_casusgebeurtenis
    FOR EACH ROW EXECUTE FUNCTION intake_refuse_update();
"""

REVERSE = "DROP TRIGGER IF EXISTS casusgebeurtenis_append_only ON intake_casusgebeurtenis;"


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
