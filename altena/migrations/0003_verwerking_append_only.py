"""The verwerkingenlogging is append-only: PostgreSQL refuses UPDATE and DELETE on it."""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION altena_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER verwerking_append_only
    BEFORE UPDATE OR DELETE ON altena_verwerking
    FOR EACH ROW EXECUTE FUNCTION altena_refuse_change();
CREATE TRIGGER verwerking_no_truncate
    BEFORE TRUNCATE ON altena_verwerking
    FOR EACH STATEMENT EXECUTE FUNCTION altena_refuse_change();
"""

REVERSE = """
DROP TRIGGER IF EXISTS verwerking_append_only ON altena_verwerking;
DROP TRIGGER IF EXISTS verwerking_no_truncate ON altena_verwerking;
"""


class Migration(migrations.Migration):
    dependencies = [("altena", "0002_roles")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
