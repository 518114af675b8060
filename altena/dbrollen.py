"""Least-privilege database roles (issue 10, found #6).

Two roles besides the cluster's superuser:

* the **owner** (e.g. ``altena_eigenaar``, no superuser): owns the database, the tables and the
  triggers; migrations run as this role (``DATABASE_OWNER_URL``);
* the **application** (e.g. ``altena_app``, no superuser, owns nothing): what the web process,
  Celery worker and beat connect as (``DATABASE_URL``). It may read and write the tables, but has no
  UPDATE, DELETE or TRUNCATE on the append-only tables (the verwerkingenlog, the case timeline and any
  table that carries one of the append-only trigger functions), and cannot disable a trigger (it owns no
  table) nor set ``session_replication_role`` (superuser only).

``manage.py db_rechten`` applies this; run it as the owner after every ``migrate``.
"""

from __future__ import annotations

import re

from django.db import connection

NAAM = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# Every table guarded by an append-only trigger function: altena's (migration 0003, for any app's
# append-only table), intake's (migration 0002, also used by documenten) or the timeline's (0006).
APPEND_ONLY_FUNCTIES = (
    "altena_refuse_change",
    "intake_refuse_update",
    "intake_gebeurtenis_alleen_anonimiseren",
    "documenten_brief_alleen_vernietigen",
)
# Columns the application may still set on an append-only table, where its trigger allows only one
# value: the retention task anonymises the timeline of an anonymised case (intake migration 0006).
ANONIMISEERBARE_KOLOMMEN = {
    "intake_casusgebeurtenis": ("tekst", "gegevens"),
    # A sent letter: retention destroys its PDF and free text, nothing else (documenten 0003).
    "documenten_brief": ("bestand", "vrije_tekst", "vernietigd_op"),
}
APPEND_ONLY_SQL = """
SELECT DISTINCT c.relname
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE p.proname = ANY(%s) AND n.nspname = 'public' AND NOT t.tgisinternal
ORDER BY c.relname
"""


def _rol(naam: str) -> str:
    if not NAAM.match(naam or ""):
        raise ValueError(f"Ongeldige rolnaam: {naam!r}")
    return naam


def append_only_tabellen(cursor) -> list[str]:
    cursor.execute(APPEND_ONLY_SQL, [list(APPEND_ONLY_FUNCTIES)])
    return [row[0] for row in cursor.fetchall()]


def rechten_sql(app_rol: str, append_only: list[str]) -> list[str]:
    """The grants of the application role: everything it needs, nothing it could abuse."""
    app = _rol(app_rol)
    sql = [
        f"GRANT USAGE ON SCHEMA public TO {app}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app}",
        f"REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM {app}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app}",
    ]
    for tabel in append_only:
        sql.append(f'REVOKE UPDATE, DELETE, TRUNCATE ON "{tabel}" FROM {app}')
        if tabel in ANONIMISEERBARE_KOLOMMEN:
            kolommen = ", ".join(ANONIMISEERBARE_KOLOMMEN[tabel])
            sql.append(f'GRANT UPDATE ({kolommen}) ON "{tabel}" TO {app}')
    return sql


def rechten_toepassen(app_rol: str, cursor=None) -> list[str]:
    """Apply the grants (as the owner of the tables); returns the append-only tables."""
    if cursor is None:
        with connection.cursor() as cursor:
            return rechten_toepassen(app_rol, cursor)
    tabellen = append_only_tabellen(cursor)
    for statement in rechten_sql(app_rol, tabellen):
        cursor.execute(statement)
    return tabellen


def rollen_maken_sql(
    eigenaar: str, app_rol: str, database: str, tabellen: list[str], wachtwoorden: dict | None = None
) -> list[str]:
    """As a superuser (local setup, docker compose, CI): create both roles without superuser rights and
    hand the database and its existing tables to the owner. Passwords (optional, for connections that
    are not trusted) are set with ALTER ROLE; they are never logged."""
    eig, app = _rol(eigenaar), _rol(app_rol)
    wachtwoorden = wachtwoorden or {}
    sql = []
    for rol in (eig, app):
        sql.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{rol}') THEN "  # nosec B608  # role names are checked against NAAM by _rol(); DDL takes no parameters
            f"CREATE ROLE {rol} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS; "
            "END IF; END $$"
        )
        if wachtwoorden.get(rol):
            sql.append(f"ALTER ROLE {rol} PASSWORD '{wachtwoorden[rol].replace(chr(39), chr(39) * 2)}'")
    sql.append(f'ALTER DATABASE "{database}" OWNER TO {eig}')
    sql.append(f"GRANT ALL ON SCHEMA public TO {eig}")
    sql += [f'ALTER TABLE "{t}" OWNER TO {eig}' for t in tabellen]
    return sql


def rollen_maken(eigenaar: str, app_rol: str, wachtwoorden: dict | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')"
        )
        tabellen = [row[0] for row in cursor.fetchall()]
        database = connection.settings_dict["NAME"]
        for statement in rollen_maken_sql(eigenaar, app_rol, database, tabellen, wachtwoorden):
            cursor.execute(statement)
