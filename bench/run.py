"""`make bench`: seed (or reuse) the benchmark database, serve it with gunicorn under production
settings, and measure every page with locust as the matching demo user; then write the results.

    DATABASE_URL=... python bench/run.py [--casussen N] [--users 10] [--seconds 120]

Output: bench/results-<date>.json and the table in bench/RESULTS.md (the machine described on top).
Environment: BENCH_WORKERS (gunicorn sync workers, default 4), BENCH_PORT (default 8765).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent
USERS = ["frontoffice", "consultant", "teamleider", "beleid", "beheerder", "privacy", "partner"]
FLOOR = "/geen-rol/"  # the cheapest authenticated page: a tiny template behind login
TARGET_MEDIAN_MS, TARGET_P95_MS, TARGET_FLOOR_FACTOR = 50, 150, 15


def manage(*args: str, env: dict | None = None) -> str:
    out = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env or os.environ, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return out.stdout


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if "model name" in line), "")
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "os": platform.platform()}  # fmt: skip


def serve(port: int, workers: int) -> tuple[subprocess.Popen, dict]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "altena.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_DEBUG": "false",
        "QUERY_COUNT_HEADER": "true",
        "LOG_LEVEL": "ERROR",
    }
    manage("collectstatic", "--noinput", "-v0", env=env)
    proc = subprocess.Popen(
        [str(BIN / "gunicorn"), "altena.wsgi:application", "-w", str(workers), "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(120):
        try:
            requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=1)
            return proc, env
        except requests.RequestException:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("gunicorn antwoordt niet")


def session_for(base: str, username: str) -> requests.Session | None:
    s = requests.Session()
    page = s.get(base + "/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    r = s.post(base + "/accounts/login/", data={"csrfmiddlewaretoken": token, "username": username,
               "password": os.environ.get("DEMO_PASSWORD", "altena-demo")},
               headers={"Referer": base + "/accounts/login/"})  # fmt: skip
    return None if "/accounts/login/" in r.url else s


def plan(base: str, pages: list[str]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Give each page to the first demo user that gets a 200 for it."""
    sessions = {u: s for u in USERS if (s := session_for(base, u))}
    by_user: dict[str, list[str]] = {}
    unreachable = {}
    for path in pages:
        for username, s in sessions.items():
            if s.get(base + path, allow_redirects=False).status_code == 200:
                by_user.setdefault(username, []).append(path)
                break
        else:
            unreachable[path] = "geen demo-gebruiker krijgt 200"
    return by_user, unreachable


def run_locust(base: str, by_user: dict[str, list[str]], users: int, seconds: int, workdir: Path) -> dict:
    total_pages = sum(len(p) for p in by_user.values())
    entries = []
    for username, pages in by_user.items():
        entries.append({"username": username, "pages": pages,
                        "count": max(1, round(users * len(pages) / total_pages))})  # fmt: skip
    plan_file, queries_file = workdir / "plan.json", workdir / "queries.json"
    plan_file.write_text(json.dumps({"users": entries}))
    env = {**os.environ, "BENCH_PLAN": str(plan_file), "BENCH_QUERIES": str(queries_file)}
    n = sum(e["count"] for e in entries)
    subprocess.run(
        [str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(n),
         "-r", str(n), "--run-time", str(seconds), "--host", base, "--csv", str(workdir / "stats"),
         "--only-summary", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, check=False,
    )  # fmt: skip
    queries = json.loads(queries_file.read_text()) if queries_file.exists() else {}
    results = {}
    with open(workdir / "stats_stats.csv") as f:
        for row in csv.DictReader(f):
            name = row["Name"]
            if name == "Aggregated" or name.startswith("("):
                continue
            q = queries.get(name, [])
            results[name] = {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "median_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
                "p99_ms": float(row["99%"]),
                "queries": max(q) if q else None,
                "user": next(e["username"] for e in entries if name in e["pages"]),
            }
    return {"concurrent_users": n, "seconds": seconds, "pages": results}


def sweeps_and_seed(casussen: int) -> dict:
    out = manage("bench", "--casussen", str(casussen))
    stages = {}
    for line in out.splitlines():
        m = re.match(r"BENCH (.+?): .*?([\d.]+) s(.*)", line)
        if m:
            stages[m.group(1)] = {"seconds": float(m.group(2)), "detail": m.group(3).strip()}
    return stages


def write_markdown(result: dict, path: Path) -> None:
    floor = result["floor_median_ms"]
    lines = [
        "# Benchmark results",
        "",
        f"Run {result['date']} on {result['machine']['cores']} cores ({result['machine']['cpu']}), "
        f"{result['machine']['memory_gib']} GiB, {result['casussen']:,} cases; gunicorn "
        f"{result['gunicorn_workers']} sync workers, production settings, DEBUG off; locust with "
        f"{result['load']['concurrent_users']} concurrent users for {result['load']['seconds']} s.",
        f"Targets: median < {TARGET_MEDIAN_MS} ms, p95 < {TARGET_P95_MS} ms, median within "
        f"{TARGET_FLOOR_FACTOR}x the floor ({FLOOR}: median {floor} ms).",
        "",
        "| page | user | requests | errors | median ms | p95 ms | p99 ms | queries | target |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, r in sorted(result["load"]["pages"].items()):
        ok = r["median_ms"] < TARGET_MEDIAN_MS and r["p95_ms"] < TARGET_P95_MS and r["errors"] == 0
        ok = ok and r["median_ms"] <= TARGET_FLOOR_FACTOR * max(floor, 1)
        queries = "–" if r["queries"] is None else r["queries"]
        verdict = "gehaald" if ok else "**niet gehaald**"
        lines.append(f"| `{name}` | {r['user']} | {r['requests']} | {r['errors']} | {r['median_ms']:.0f} | "
                     f"{r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {queries} | {verdict} |")  # fmt: skip
    if result["not_measured"]:
        lines += ["", "Not measured:", ""]
        lines += [f"- `{k}`: {v}" for k, v in sorted(result["not_measured"].items())]
    lines += ["", "Seeding and sweeps (seconds):", ""]
    lines += [f"- {k}: {v['seconds']} s {v['detail']}" for k, v in result["stages"].items()]
    path.write_text("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--casussen", type=int, default=int(os.environ.get("CASUSSEN", 1_000_000)))
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 180)))
    args = parser.parse_args()
    port = int(os.environ.get("BENCH_PORT", 8765))
    workers = int(os.environ.get("BENCH_WORKERS", 4))
    base = f"http://127.0.0.1:{port}"

    stages = sweeps_and_seed(args.casussen)
    script = "import json; from bench.pages import discover; print(json.dumps(discover()))"
    found = json.loads(manage("shell", "-v0", "-c", script))
    server, _ = serve(port, workers)
    try:
        by_user, unreachable = plan(base, [FLOOR, *found["pages"]])
        with tempfile.TemporaryDirectory() as tmp:
            load = run_locust(base, by_user, args.users, args.seconds, Path(tmp))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    floor = load["pages"].pop(FLOOR, {"median_ms": 0})
    for pages in by_user.values():
        for path in pages:
            if path != FLOOR and path not in load["pages"]:
                unreachable[path] = "geen verzoek binnen de meettijd (verleng BENCH_SECONDS)"
    today = dt.date.today().isoformat()
    result = {
        "date": today,
        "machine": machine(),
        "casussen": args.casussen,
        "gunicorn_workers": workers,
        "floor_median_ms": floor["median_ms"],
        "load": load,
        "not_measured": {**found["skipped"], **unreachable},
        "stages": stages,
    }
    out = ROOT / "bench" / f"results-{today}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    write_markdown(result, ROOT / "bench" / "RESULTS.md")
    print(f"Resultaten: {out.relative_to(ROOT)} en bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
