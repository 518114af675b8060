"""A sent letter is never changed: PostgreSQL refuses UPDATE on it (intake's function), as on the
timeline. A case may still be deleted as a whole when its retention period ends (cascade)."""

from django.db import migrations

SQL = """
CREATE TRIGGER brief_onveranderlijk
    BEFORE UPDATE ON documenten_brief
    FOR EACH ROW EXECUTE FUNCTION intake_refuse_update();
CREATE TRIGGER briefsjabloonversie_onveranderlijk
    BEFORE UPDATE ON documenten_briefsjabloonversie
    FOR EACH ROW EXECUTE FUNCTION intake_refuse_update();
"""

REVERSE = """
DROP TRIGGER IF EXISTS brief_onveranderlijk ON documenten_brief;
DROP TRIGGER IF EXISTS briefsjabloonversie_onveranderlijk ON documenten_briefsjabloonversie;
"""


class Migration(migrations.Migration):
    dependencies = [("documenten", "0001_documenten"), ("intake", "0002_gebeurtenis_append_only")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
