"""Bulk loading for demo data and benchmarks: stream rows into PostgreSQL with COPY.

Used by the apps' ``demo.py`` steps so a million rows load in seconds, inside Django's transaction.
"""

from __future__ import annotations

import io
from datetime import datetime

from django.db import connection

CHUNK = 50_000


def _esc(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    s = str(value)
    return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def reserve_ids(table: str, count: int) -> int:
    """Reserve ``count`` ids from the table's identity sequence; returns the first."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_get_serial_sequence('{table}', 'id')")
        (seq,) = cursor.fetchone()
        cursor.execute("SELECT nextval(%s)", [seq])
        (first,) = cursor.fetchone()
        cursor.execute("SELECT setval(%s, %s)", [seq, first + count])
    return first


def copy_rows(table: str, columns: list[str], rows) -> int:
    """Stream rows (tuples) into ``table`` with COPY, in chunks."""
    raw = connection.connection  # the psycopg 3 connection, inside Django's transaction
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    total = 0
    with raw.cursor() as cur, cur.copy(sql) as copy:
        buf = io.StringIO()
        n = 0
        for row in rows:
            buf.write("\t".join(_esc(v) for v in row))
            buf.write("\n")
            n += 1
            if n % CHUNK == 0:
                copy.write(buf.getvalue())
                buf = io.StringIO()
        copy.write(buf.getvalue())
        total = n
    return total
