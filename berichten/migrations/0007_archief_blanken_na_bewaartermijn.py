"""Retention of the message archive (issue 21): a database function that may only empty the personal
columns of the messages and verzoeken of an anonymised case.

It runs with the rights of its owner (SECURITY DEFINER, the migration's role), so the application
role needs no UPDATE on the archive for it: the archive can be append-only for the application
(berichten issue) while retention still works, the way the timeline is anonymised. What it keeps:
the message type, direction, dates, sender/receiver codes, status, the checksum and the links
(Toewijzing and its ToewijzingNummer are not touched). What it empties: the XML (BSN, name, date of
birth), the file name, the validation messages, and the verzoek's free text.
"""

from django.db import migrations

SQL = """
CREATE FUNCTION berichten_archief_blanken(casus_ids bigint[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    aantal integer;
BEGIN
    -- Only cases that are anonymised already: retention, never an arbitrary change.
    UPDATE berichten_bericht b
       SET inhoud = '\\x'::bytea, bestandsnaam = '', fouten = '[]'::jsonb
      FROM intake_casus c
     WHERE b.casus_id = c.id AND c.id = ANY(casus_ids) AND c.geanonimiseerd_op IS NOT NULL
       AND (length(b.inhoud) > 0 OR b.bestandsnaam <> '' OR b.fouten <> '[]'::jsonb);
    GET DIAGNOSTICS aantal = ROW_COUNT;
    UPDATE berichten_verzoek v
       SET toelichting = ''
      FROM intake_casus c
     WHERE v.casus_id = c.id AND c.id = ANY(casus_ids) AND c.geanonimiseerd_op IS NOT NULL
       AND v.toelichting <> '';
    RETURN aantal;
END;
$$;
REVOKE ALL ON FUNCTION berichten_archief_blanken(bigint[]) FROM PUBLIC;
"""

REVERSE = "DROP FUNCTION IF EXISTS berichten_archief_blanken(bigint[]);"


class Migration(migrations.Migration):
    dependencies = [("berichten", "0006_bericht_envelop_referentie"), ("intake", "0001_initial")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
