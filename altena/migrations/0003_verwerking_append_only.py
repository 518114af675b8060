"""The verwerkingenlogging is append-only: PostgreSQL refuses UPDATE and DELETE on it.

TRUNCATE is left to database privileges (production revokes it from the application role), so the
test runner can still flush the database between transactional tests."""

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
"""

REVERSE = """
DROP TRIGGER IF EXISTS verwerking_append_only ON altena_verwerking;
"""


class Migration(migrations.Migration):
    dependencies = [("altena", "0002_roles")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
