"""The application's database role cannot tamper with the verwerkingenlog or the timeline (issue 10,
found #6): connected as that role, every bypass that worked as superuser fails."""

import psycopg
import pytest
from django.db import connection

from altena.dbrollen import append_only_tabellen, rechten_toepassen, rollen_maken_sql

pytestmark = pytest.mark.django_db

BYPASSES = [
    "SET session_replication_role = replica",
    "ALTER TABLE altena_verwerking DISABLE TRIGGER ALL",
    "ALTER TABLE altena_verwerking DISABLE TRIGGER verwerking_append_only",
    "ALTER TABLE intake_casusgebeurtenis DISABLE TRIGGER USER",
    "TRUNCATE altena_verwerking",
    "TRUNCATE intake_casusgebeurtenis",
    "DELETE FROM intake_casusgebeurtenis WHERE id = 1",
    "UPDATE intake_casusgebeurtenis SET soort = 'notitie' WHERE id = 1",
    "UPDATE intake_casusgebeurtenis SET tijdstip = now() WHERE id = 1",
    "DELETE FROM altena_verwerking",
    "UPDATE altena_verwerking SET actor_naam = 'iemand anders'",
    "DROP TRIGGER verwerking_append_only ON altena_verwerking",
    "ALTER ROLE CURRENT_USER SUPERUSER",
]


def _verbinding(**extra):
    s = connection.settings_dict
    return psycopg.connect(
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
        dbname=s["NAME"],
        user=extra.pop("user", s["USER"]),
        password=extra.pop("password", s["PASSWORD"]) or None,
        autocommit=True,
    )


@pytest.fixture
def app_rol():
    """A LOGIN role without superuser, given exactly the application's rights in the test database."""
    naam = f"{connection.settings_dict['NAME']}_app"[:60].lower().replace("-", "_")
    with _verbinding() as beheer, beheer.cursor() as cursor:
        # only the role-creating part of the superuser setup; the test database stays the runner's
        cursor.execute(rollen_maken_sql("ongebruikt_eigenaar", naam, connection.settings_dict["NAME"], [])[1])
        rechten_toepassen(naam, cursor=cursor)
    return naam


def test_the_log_and_the_timeline_are_append_only_tables():
    with connection.cursor() as cursor:
        assert {"altena_verwerking", "intake_casusgebeurtenis"} <= set(append_only_tabellen(cursor))


def test_application_role_is_no_superuser_and_owns_nothing(app_rol):
    with (
        _verbinding(user=app_rol, password="") as c,
        c.transaction(force_rollback=True),
        c.cursor() as cursor,
    ):
        cursor.execute(
            "SELECT rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user"
        )
        assert cursor.fetchone() == (False, False, False)
        cursor.execute("SELECT count(*) FROM pg_tables WHERE tableowner = current_user")
        assert cursor.fetchone() == (0,)
        # it does its work: reads cases, writes the log
        cursor.execute("SELECT count(*) FROM intake_casus")
        cursor.execute(
            "INSERT INTO altena_verwerking (tijdstip, actor_naam, handeling, verwerkingsactiviteit,"
            " object_type, object_id, casus_nummer, vertrouwelijkheid, bewaartermijn, resultaat, oorsprong)"
            " VALUES (now(), 'test', 'lezen', 'test', 'casus', '1', '', 'vertrouwelijk', 'P10Y', 'ok', '')"
        )


@pytest.mark.parametrize("statement", BYPASSES)
def test_every_bypass_fails_for_the_application_role(app_rol, statement):
    with _verbinding(user=app_rol, password="") as c, c.cursor() as cursor:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            cursor.execute(statement)
