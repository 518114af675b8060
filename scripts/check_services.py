"""Check that PostgreSQL and Redis answer, and create the database if it is missing."""

import os
import sys
from urllib.parse import urlparse

HINT = "Start ze met: docker compose up -d db redis"


def main() -> int:
    import psycopg
    import redis

    db_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/altena")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    parsed = urlparse(db_url)
    dbname = parsed.path.lstrip("/") or "altena"
    admin_url = parsed._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(admin_url, connect_timeout=3, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone()
            if exists and "--recreate" in sys.argv:
                conn.execute(f'DROP DATABASE "{dbname}" WITH (FORCE)')
                exists = None
            if not exists:
                conn.execute(f'CREATE DATABASE "{dbname}"')
                print(f"Database {dbname} aangemaakt.")
    except psycopg.OperationalError as exc:
        print(
            f"PostgreSQL is niet bereikbaar op {parsed.hostname}:{parsed.port or 5432} ({exc}).",
            file=sys.stderr,
        )
        print(HINT, file=sys.stderr)
        return 1
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        print(f"Redis is niet bereikbaar op {redis_url} ({exc}).", file=sys.stderr)
        print(HINT, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
