"""Casus.eerste_termijn, kept by the database: the nearest deadline of the municipality's running
legal terms (every running term except the inwoner's persoonlijk plan), the maatwerk queue's order.

One function computes it; a BEFORE UPDATE trigger on intake_casus sets it on every update of a case
(so a save of a stale case object cannot overwrite it), and statement-level triggers on
backoffice_termijn touch the cases whose terms were inserted, changed or deleted (set-based: a bulk
insert of 600,000 terms is one UPDATE). The application never writes the column.
"""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION casus_eerste_termijn(casus bigint) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT min(uiterste_datum) FROM backoffice_termijn
    WHERE casus_id = casus AND afgerond_op IS NULL AND soort <> 'wmo_plan'
$$;

CREATE OR REPLACE FUNCTION casus_eerste_termijn_zetten() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.eerste_termijn := casus_eerste_termijn(NEW.id);
    RETURN NEW;
END $$;

CREATE TRIGGER casus_eerste_termijn BEFORE UPDATE ON intake_casus
FOR EACH ROW EXECUTE FUNCTION casus_eerste_termijn_zetten();

-- Touch the cases of the changed terms: the trigger above recomputes their column.
CREATE OR REPLACE FUNCTION termijn_casus_bijwerken() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE intake_casus SET eerste_termijn = NULL WHERE id IN (SELECT casus_id FROM nieuw);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE intake_casus SET eerste_termijn = NULL WHERE id IN (SELECT casus_id FROM oud);
    ELSE
        UPDATE intake_casus SET eerste_termijn = NULL
        WHERE id IN (SELECT casus_id FROM nieuw UNION SELECT casus_id FROM oud);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER termijn_casus_insert AFTER INSERT ON backoffice_termijn
REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION termijn_casus_bijwerken();
CREATE TRIGGER termijn_casus_update AFTER UPDATE ON backoffice_termijn
REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION termijn_casus_bijwerken();
CREATE TRIGGER termijn_casus_delete AFTER DELETE ON backoffice_termijn
REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION termijn_casus_bijwerken();

-- Existing data: the cases with a running term (the rest stays NULL).
UPDATE intake_casus SET eerste_termijn = NULL
WHERE id IN (SELECT casus_id FROM backoffice_termijn WHERE afgerond_op IS NULL);
"""

TERUG = """
DROP TRIGGER IF EXISTS termijn_casus_insert ON backoffice_termijn;
DROP TRIGGER IF EXISTS termijn_casus_update ON backoffice_termijn;
DROP TRIGGER IF EXISTS termijn_casus_delete ON backoffice_termijn;
DROP TRIGGER IF EXISTS casus_eerste_termijn ON intake_casus;
DROP FUNCTION IF EXISTS termijn_casus_bijwerken();
DROP FUNCTION IF EXISTS casus_eerste_termijn_zetten();
DROP FUNCTION IF EXISTS casus_eerste_termijn(bigint);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0005_merge_20261128_1048"),
        ("intake", "0009_eerste_termijn_en_volgorde_indexen"),
    ]

    operations = [migrations.RunSQL(SQL, TERUG)]
