"""`make bench`: seed (or reuse) the benchmark database, serve it with gunicorn under production
settings, and measure it; then write the results.

0. Sequential (gunicorn with 2 workers): every page one request at a time, 21 passes, the floor
   being the anonymous login page; downloads apart; and the login steps (bench/login.py).
1. Pages (BENCH_WORKERS workers, 10 locust users): every GET page of the URL map, loaded by locust
   as the matching demo user (logged in through the real forms, two-factor step included, with
   single-use bench codes).
2. Registration: frontoffice users register new hulpvragen through the real form; afterwards the
   database is checked: as many new cases as successful responses, no duplicate case numbers.

Throughout, the resident memory of each gunicorn worker is sampled.

    DATABASE_URL=... python bench/run.py [--casussen N] [--users 10] [--seconds 120]

Output: bench/results-<date>-<cases>.json and the tables in bench/RESULTS.md (the machine described
on top), with the newest run of every size side by side and plotted in bench/schaal.png
(bench/schaal.py). BENCH_FASEN picks phases (sequentieel,last,registratie).
Environment: BENCH_WORKERS (gunicorn sync workers, default 4), BENCH_PORT (default 8765),
BENCH_SECONDS (page phase), BENCH_REGISTRATIE_SECONDS (default 60), BENCH_REGISTRATIE_USERS (10).
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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    BIN,
    EXTRA_LOGINS,
    USERS,
    Codes,
    LoginFailed,
    MemorySampler,
    manage,
    production_env,
    session_for,
    start_gunicorn,
    stop,
)
from bench.login import measure as measure_login  # noqa: E402
from bench.schaal import schaal_figuur, schaal_tabel  # noqa: E402

FLOOR = "/geen-rol/"  # the cheapest authenticated page: a tiny template behind login
FLOOR_SEQ = "/accounts/login/"  # the floor of the sequential phase: the anonymous login page
TARGET_SEQ_FACTOR = 10  # sequential: every HTML page's median within 10x that floor
TARGET_LOGIN_MS = 300  # server time of the password step and of the two-factor step
SEQ_WORKERS = 2
DOWNLOAD_RONDES = int(os.environ.get("BENCH_DOWNLOAD_RONDES", 5))
TARGET_MEDIAN_MS, TARGET_P95_MS, TARGET_FLOOR_FACTOR = 50, 150, 15
TARGET_REGISTRATIES_PER_S = 50
TARGET_RSS_MB = 200
TARGET_SWEEPS = {"signalen sweep 1": 3.0, "signalen sweep 2": 0.5}


def verdict(ok: bool) -> str:
    return "gehaald" if ok else "**niet gehaald**"


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if "model name" in line), "")
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "os": platform.platform()}  # fmt: skip


def sql(query: str) -> list:
    """Rows of one query on the bench database, as JSON-able lists."""
    script = "import json\nfrom django.db import connection\nc = connection.cursor()\n"
    script += f"c.execute({query!r})\nprint(json.dumps([list(r) for r in c.fetchall()], default=str))"
    return json.loads(manage("shell", "-v0", "-c", script))


def plan(
    base: str, pages: list[str], codes: Codes
) -> tuple[dict[str, list[str]], dict[str, str], dict, dict]:
    """Give each page to the first demo user that gets a 200 for it; also returns the logged-in
    sessions (kept in the database, so they outlive a gunicorn restart)."""
    sessions, logins = {}, {}
    for username in [*USERS, *EXTRA_LOGINS]:
        try:
            sessions[username] = session_for(base, username, codes)
            logins[username] = "ok"
        except (LoginFailed, TypeError) as exc:
            logins[username] = str(exc)
    by_user: dict[str, list[str]] = {}
    unreachable = {}
    for path in pages:
        statuses = set()
        for username, s in sessions.items():
            status = s.get(base + path, allow_redirects=False).status_code
            if status == 200:
                by_user.setdefault(username, []).append(path)
                break
            statuses.add(str(status))
        else:  # e.g. 302: the page only sends on (home to the role's start page, a form step)
            unreachable[path] = f"geen demo-gebruiker krijgt 200 (wel: {', '.join(sorted(statuses))})"
    return by_user, unreachable, logins, sessions


def _percentile(values: list[float], q: float) -> float:
    """The q-quantile by linear interpolation (as numpy's default and percentile_cont)."""
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def run_sequential(base: str, by_user: dict[str, list[str]], sessions: dict, rounds: int,
                   downloads: list[tuple[str, str]]) -> dict:  # fmt: skip
    """Every page one request at a time, ``rounds`` passes over all pages in turn (so a burst of
    load on the machine falls on every page alike), each as the user the plan gave it. The first
    pass warms each worker and is not counted. A page's own cost, without waiting for a core
    another request holds; the floor is the anonymous login page, measured in the same passes."""
    import requests

    anon = requests.Session()
    work = [(FLOOR_SEQ, anon)] + [(p, sessions[u]) for u, ps in by_user.items() for p in ps if p != FLOOR]
    work += [(p, sessions[u]) for u, p in downloads if u in sessions]
    times: dict[str, list[float]] = {p: [] for p, _s in work}
    queries: dict[str, int] = {}
    status: dict[str, set] = {p: set() for p, _s in work}
    download_paths = {p for _u, p in downloads}
    for i in range(rounds + 1):
        for path, s in work:
            if path in download_paths and i > DOWNLOAD_RONDES:
                continue  # a PDF takes seconds: fewer passes for the downloads
            t0 = time.perf_counter()
            r = s.get(base + path, allow_redirects=False)
            ms = (time.perf_counter() - t0) * 1000
            status[path].add(r.status_code)
            if r.headers.get("X-Query-Count"):
                queries[path] = int(r.headers["X-Query-Count"])
            if i:
                times[path].append(ms)

    def stats(path: str) -> dict:
        v = times[path]
        return {"median_ms": round(statistics.median(v), 1), "p95_ms": round(_percentile(v, 0.95), 1),
                "requests": len(v), "queries": queries.get(path), "status": sorted(status[path])}  # fmt: skip

    floor = stats(FLOOR_SEQ)
    return {
        "rounds": rounds,
        "floor": FLOOR_SEQ,
        "floor_median_ms": floor["median_ms"],
        "pages": {p: stats(p) for p, _s in work if p != FLOOR_SEQ and p not in download_paths},
        "downloads": {p: stats(p) for p, _s in work if p in download_paths},
    }


def locust(base: str, users: int, seconds: int, workdir: Path, env: dict, prefix: str) -> Path:
    """Run locust headless; returns the stats CSV."""
    subprocess.run(
        [str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(users),
         "-r", str(users), "--run-time", f"{seconds}s", "--host", base, "--csv", str(workdir / prefix),
         "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "10"],
        cwd=ROOT, env={**os.environ, **env}, check=False,
    )  # fmt: skip
    return workdir / f"{prefix}_stats.csv"


def verdeel(users: int, by_user: dict[str, list[str]]) -> dict[str, int]:
    """Exactly ``users`` locust users over the demo users, in proportion to their pages (largest
    remainder), at least one each."""
    totaal = sum(len(p) for p in by_user.values())
    vrij = max(users - len(by_user), 0)
    aandeel = {u: vrij * len(p) / totaal for u, p in by_user.items()}
    aantal = {u: 1 + int(a) for u, a in aandeel.items()}
    for u in sorted(aandeel, key=lambda u: aandeel[u] - int(aandeel[u]), reverse=True)[
        : users - sum(aantal.values())
    ]:
        aantal[u] += 1
    return aantal


def run_pages(
    base: str, by_user: dict[str, list[str]], users: int, seconds: int, workdir: Path, denktijd: float
) -> dict:
    """Every page as its demo user; each locust user waits ``denktijd`` seconds on average between
    two pages (0: as fast as the server answers, the machine's capacity)."""
    aantallen = verdeel(users, by_user)
    entries = [{"username": u, "pages": pages, "count": aantallen[u]} for u, pages in by_user.items()]
    prefix = f"pages-{denktijd:g}"
    plan_file, queries_file = workdir / f"{prefix}-plan.json", workdir / f"{prefix}-queries.json"
    plan_file.write_text(json.dumps({"users": entries}))
    n = sum(e["count"] for e in entries)
    env = {"BENCH_PLAN": str(plan_file), "BENCH_QUERIES": str(queries_file),
           "BENCH_CODES": str(workdir / "codes.json"), "BENCH_DENKTIJD": str(denktijd)}  # fmt: skip
    stats = locust(base, n, seconds, workdir, env, prefix)
    queries = json.loads(queries_file.read_text()) if queries_file.exists() else {}
    results = {}
    with open(stats) as f:
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
    totaal = sum(r["requests"] for r in results.values())
    return {"concurrent_users": n, "seconds": seconds, "denktijd_s": denktijd,
            "requests_per_s": round(totaal / seconds, 1), "pages": results}  # fmt: skip


INWONERS = """
import json
from django.contrib.auth import get_user_model
from django.utils import timezone
from intake.models import Casus, Inwoner
from intake.scope import werkgebied_kernen
from intake.services.casus import DUBBEL_VENSTER
user = get_user_model().objects.get(username="frontoffice")
qs = Inwoner.objects.zichtbaar_voor(user).filter(kern__in=werkgebied_kernen(user).values("pk"))
# Not those with a case within the duplicate guard's window (e.g. from the previous run).
recent = Casus.objects.filter(aangemaakt__gte=timezone.now() - DUBBEL_VENSTER).values("inwoner_id")
qs = qs.exclude(pk__in=recent)
print(json.dumps([user.pk, list(qs.order_by("-pk").values_list("pk", flat=True)[:5000])]))
"""


def run_registration(base: str, users: int, seconds: int, workdir: Path) -> dict:
    """Frontoffice users register hulpvragen for existing inwoners; then count what the database holds."""
    user_id, inwoners = json.loads(manage("shell", "-v0", "-c", INWONERS))
    if not inwoners:
        return {"skipped": "geen inwoners in het werkgebied van frontoffice"}
    plan_file, out = workdir / "registratie.json", workdir / "registratie-uit.json"
    plan_file.write_text(json.dumps({"username": "frontoffice", "users": users, "inwoners": inwoners,
                                     "run": secrets.token_hex(3)}))  # fmt: skip
    [[max_id]] = sql("SELECT coalesce(max(id), 0) FROM intake_casus")
    env = {"BENCH_REGISTRATIE": str(plan_file), "BENCH_REGISTRATIE_OUT": str(out),
           "BENCH_CODES": str(workdir / "codes.json")}  # fmt: skip
    stats = locust(base, users, seconds, workdir, env, "registratie")
    counts = {"ok": 0, "dubbelvraag": 0, "fout": 0, "nummers": []}
    if out.exists():
        counts = json.loads(out.read_text())
    rows = {}
    with open(stats) as f:
        for row in csv.DictReader(f):
            rows[row["Name"]] = row
    post = rows.get("hulpvraag registreren", {})
    failures = sum(int(r["Failure Count"]) for name, r in rows.items() if name != "Aggregated")
    [[new, by_frontoffice]] = sql(
        f"SELECT count(*), count(*) FILTER (WHERE aangemaakt_door_id = {int(user_id)}) "
        f"FROM intake_casus WHERE id > {int(max_id)}"
    )
    duplicates = sql("SELECT nummer, count(*) FROM intake_casus GROUP BY nummer HAVING count(*) > 1")
    returned = set(counts["nummers"])
    in_db = {r[0] for r in sql(f"SELECT nummer FROM intake_casus WHERE id > {int(max_id)}")}
    return {
        "concurrent_users": users,
        "seconds": seconds,
        "successes": counts["ok"],
        "per_second": round(counts["ok"] / seconds, 1),
        "errors": failures,
        "duplicate_questions_asked": counts["dubbelvraag"],
        "post_median_ms": float(post.get("50%", 0) or 0),
        "post_p95_ms": float(post.get("95%", 0) or 0),
        "new_cases_in_db": new,
        "new_cases_by_frontoffice": by_frontoffice,
        "lost": counts["ok"] - by_frontoffice,
        "answered_numbers_missing_in_db": len(returned - in_db),
        "numbers_answered_twice": len(counts["nummers"]) - len(returned),
        "duplicate_case_numbers": len(duplicates),
        "inwoners_used": min(len(inwoners), counts["ok"] + counts["dubbelvraag"] + counts["fout"]),
    }


def sweeps_and_seed(casussen: int) -> dict:
    out = manage("bench", "--casussen", str(casussen))
    stages = {}
    for line in out.splitlines():
        m = re.match(r"BENCH (.+?): .*?([\d.]+) s(.*)", line)
        if m:
            stages[m.group(1)] = {"seconds": float(m.group(2)), "detail": m.group(3).strip()}
    return stages


def page_ok(r: dict, floor: float) -> bool:
    ok = r["median_ms"] < TARGET_MEDIAN_MS and r["p95_ms"] < TARGET_P95_MS and r["errors"] == 0
    return ok and r["median_ms"] <= TARGET_FLOOR_FACTOR * max(floor, 1)


def registration_ok(reg: dict) -> dict[str, bool]:
    return {
        "rate": reg["per_second"] >= TARGET_REGISTRATIES_PER_S,
        "errors": reg["errors"] == 0,
        "lost": reg["lost"] == 0 and reg["answered_numbers_missing_in_db"] == 0,
        "duplicates": reg["duplicate_case_numbers"] == 0 and reg["numbers_answered_twice"] == 0,
    }


def _load_lines(result: dict) -> list[str]:
    floor = result["floor_median_ms"]
    m, load = result["machine"], result["load"]
    lines = [
        "",
        f"## Pages: {load['concurrent_users']} working users, {load['seconds']} s",
        "",
        f"Each user loads its pages one after another and reads each for {load['denktijd_s']:g} s on "
        f"average (±50%) before the next: {load['requests_per_s']} requests per second in all. Targets: "
        f"median < {TARGET_MEDIAN_MS} ms, p95 < {TARGET_P95_MS} ms, no errors, median within "
        f"{TARGET_FLOOR_FACTOR}x the floor. Floor: `{FLOOR}` (a tiny template behind login), median "
        f"{floor} ms. Queries: the most SQL statements one request of the page made (X-Query-Count). "
        "The capacity of the machine (the same users without reading time) follows below.",
        "",
        "| page | user | requests | errors | median ms | p95 ms | p99 ms | queries | target |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, r in sorted(load["pages"].items()):
        queries = "–" if r["queries"] is None else r["queries"]
        ok = verdict(page_ok(r, floor))
        lines.append(f"| `{name}` | {r['user']} | {r['requests']} | {r['errors']} | {r['median_ms']:.0f} | "
                     f"{r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {queries} | {ok} |")  # fmt: skip
    passed = sum(page_ok(r, floor) for r in load["pages"].values())
    lines += ["", f"{passed} of {len(load['pages'])} pages meet the targets."]

    cap = result["capacity"]
    cap_floor = cap["floor_median_ms"]
    lines += [
        "",
        f"## Capacity: {cap['concurrent_users']} users without reading time, {cap['seconds']} s",
        "",
        f"The same users and pages, each request sent as soon as the previous answered: the machine "
        f"serves {cap['requests_per_s']} requests per second in all, and every request waits its turn "
        f"for the {m['cores']} cores (floor `{FLOOR}`: median {cap_floor} ms). Here the median of "
        "a page is mostly that wait; what a page costs itself shows as its distance from the floor. "
        f"Target: median within {TARGET_FLOOR_FACTOR}x the floor, no errors.",
        "",
        "| page | requests | errors | median ms | p95 ms | p99 ms | x floor | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, r in sorted(cap["pages"].items()):
        factor = r["median_ms"] / max(cap_floor, 1)
        ok = verdict(factor <= TARGET_FLOOR_FACTOR and r["errors"] == 0)
        lines.append(f"| `{name}` | {r['requests']} | {r['errors']} | {r['median_ms']:.0f} | "
                     f"{r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {factor:.1f} | {ok} |")  # fmt: skip
    cap_passed = sum(
        r["median_ms"] <= TARGET_FLOOR_FACTOR * max(cap_floor, 1) and r["errors"] == 0
        for r in cap["pages"].values()
    )
    lines += ["", f"{cap_passed} of {len(cap['pages'])} pages are within {TARGET_FLOOR_FACTOR}x the floor."]

    return lines


def _registration_lines(reg: dict) -> list[str]:
    lines = []
    lines += ["", "## Registration of hulpvragen", ""]
    if "skipped" in reg:
        lines.append(f"Not run: {reg['skipped']}.")
    else:
        ok = registration_ok(reg)
        lines += [
            f"{reg['concurrent_users']} frontoffice users for {reg['seconds']} s, each registration "
            "through the real form (GET the form, POST it; a success is the redirect to the new case), "
            f"spread over {reg['inwoners_used']} existing inwoners. POST median "
            f"{reg['post_median_ms']:.0f} ms, p95 {reg['post_p95_ms']:.0f} ms. Afterwards the database "
            "is counted.",
            "",
            "| measure | value | target | verdict |",
            "| --- | ---: | --- | --- |",
            f"| registrations per second | {reg['per_second']} ({reg['successes']} in total) | "
            f"≥ {TARGET_REGISTRATIES_PER_S} | {verdict(ok['rate'])} |",
            f"| errors | {reg['errors']} (duplicate question asked: {reg['duplicate_questions_asked']}) "
            f"| 0 | {verdict(ok['errors'])} |",
            f"| lost (successes − new cases in the database) | {reg['lost']} "
            f"({reg['new_cases_by_frontoffice']} new cases; {reg['answered_numbers_missing_in_db']} "
            "answered numbers missing) | 0 | "
            f"{verdict(ok['lost'])} |",
            f"| duplicate case numbers | {reg['duplicate_case_numbers']} (numbers answered twice: "
            f"{reg['numbers_answered_twice']}) | 0 | {verdict(ok['duplicates'])} |",
        ]  # fmt: skip

    return lines


def _sequential_lines(result: dict) -> list[str]:
    seq = result["sequential"]
    floor = seq["floor_median_ms"]
    la = seq.get("load_average", ["?"])
    lines = [
        "",
        f"## Each page's own cost: one request at a time, {seq['gunicorn_workers']} workers",
        "",
        f"Every page in turn, {seq['rounds']} passes after one warm-up pass, each request sent when the "
        "previous one answered, as the demo user the plan gave it. Floor: the anonymous login page "
        f"(`{seq['floor']}`) in the same passes, median **{floor} ms**. Target: every HTML page's median "
        f"within {TARGET_SEQ_FACTOR}x the floor. Load average of the machine at the end of this phase: "
        f"{la[0]:.1f} (1 min), {la[1]:.1f} (5 min): the machine's 2 cores were shared with other work, so "
        "these are upper bounds of an idle machine's figures.",
        "",
        "| page | median ms | p95 ms | x floor | queries | target |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    passed = 0
    for name, r in sorted(seq["pages"].items()):
        factor = r["median_ms"] / max(floor, 0.1)
        ok = factor <= TARGET_SEQ_FACTOR
        passed += ok
        q = "–" if r["queries"] is None else r["queries"]
        lines.append(
            f"| `{name}` | {r['median_ms']:.1f} | {r['p95_ms']:.1f} | {factor:.1f} | {q} | {verdict(ok)} |"
        )
    lines += ["", f"{passed} of {len(seq['pages'])} pages within {TARGET_SEQ_FACTOR}x the floor."]
    if seq.get("downloads"):
        lines += [
            "",
            "Downloads (not held to the page target):",
            "",
            "| download | status | median ms | p95 ms | queries |",
            "| --- | --- | ---: | ---: | ---: |",
        ]
        for name, r in sorted(seq["downloads"].items()):
            q = "–" if r["queries"] is None else r["queries"]
            st = ", ".join(map(str, r["status"]))
            lines.append(f"| `{name}` | {st} | {r['median_ms']:.1f} | {r['p95_ms']:.1f} | {q} |")
    login = result.get("login")
    if login:
        lines += [
            "",
            "### Login",
            "",
            f"Every demo user logs in {login['rounds']} times through the real forms, one at a time (after "
            "one untimed login each). Each POST is timed without following its redirect: the server's "
            f"answer to that step. Target: password step and two-factor step < {TARGET_LOGIN_MS} ms.",
            "",
            "| step | requests | median ms | max ms | target |",
            "| --- | ---: | ---: | ---: | --- |",
        ]
        for step, r in login["steps"].items():
            target = step in ("wachtwoord", "tweede factor")
            ok = verdict(r["median_ms"] < TARGET_LOGIN_MS) if target else "–"
            lines.append(f"| {step} | {r['requests']} | {r['median_ms']:.1f} | {r['max_ms']:.1f} | {ok} |")
    return lines


def _memory_lines(mem: dict, label: str) -> list[str]:
    peak = mem["peak_rss_mb_max"]
    per_worker = ", ".join(map(str, mem["peak_rss_mb_per_worker"]))
    return [f"| peak RSS of a web worker, {label} | {peak} MB (each worker: {per_worker}) | "
            f"< {TARGET_RSS_MB} MB | {verdict(peak is not None and peak < TARGET_RSS_MB)} |"]  # fmt: skip


def write_markdown(result: dict, path: Path) -> None:
    m = result["machine"]
    lines = [
        "# Benchmark results",
        "",
        'Why a target is missed and what would close it: docs/scaling.md, "Where the last run falls short".',
        "",
        f"Run {result['date']} on {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, {m['os']}, "
        f"Python {m['python']}; {result['casussen']:,} cases; phases: {', '.join(result['fasen'])}; "
        "gunicorn sync workers, production settings (two-factor login required), DEBUG off. Every user "
        "logs in through the real login form, the roles with two-factor login through the code form as "
        "well (single-use codes from `manage.py bench_codes`). Load average when the run began: "
        f"{result['load_average_before'][0]:.1f}.",
    ]
    if "sequential" in result:
        lines += _sequential_lines(result)
    lines += schaal_tabel(path.parent)
    if "load" in result:
        lines += _load_lines(result)
    if "registration" in result:
        lines += _registration_lines(result["registration"])
    lines += ["", "## Memory", "",
              "Peak resident memory (VmRSS, sampled every 0.5 s) of each gunicorn worker, after the first "
              "login of each demo user (which upgrades a password hash made with older parameters once).",
              "", "| measure | value | target | verdict |", "| --- | ---: | --- | --- |"]  # fmt: skip
    if result.get("memory_sequential", {}).get("peak_rss_mb_max"):
        lines += _memory_lines(result["memory_sequential"], "sequential phase (2 workers)")
    if result.get("memory", {}).get("peak_rss_mb_max"):
        lines += _memory_lines(result["memory"], f"load phases ({result['gunicorn_workers']} workers)")
    failed_logins = {u: v for u, v in result["logins"].items() if v != "ok"}
    if failed_logins:
        lines += ["", "Logins that failed:", ""] + [f"- {u}: {v}" for u, v in failed_logins.items()]
    if result["not_measured"]:
        lines += ["", "Not measured:", ""]
        lines += [f"- `{k}`: {v}" for k, v in sorted(result["not_measured"].items())]
    lines += ["", "## Seeding and sweeps", "", "| stage | seconds | target | verdict | detail |",
              "| --- | ---: | --- | --- | --- |"]  # fmt: skip
    for name, v in result["stages"].items():
        target = TARGET_SWEEPS.get(name)
        cells = (f"< {target:g} s", verdict(v["seconds"] < target)) if target else ("–", "–")
        lines.append(f"| {name} | {v['seconds']} | {cells[0]} | {cells[1]} | {v['detail']} |")
    for name in TARGET_SWEEPS.keys() - result["stages"].keys():
        lines.append(f"| {name} | – | < {TARGET_SWEEPS[name]:g} s | **niet gemeten** | |")
    path.write_text("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--casussen", type=int, default=int(os.environ.get("CASUSSEN", 1_000_000)))
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 120)))
    # A working user reads a page before the next: 1 s on average is already 5 to 10 times quicker
    # than a desk worker at work. 0 measures the capacity instead (second phase, always run).
    parser.add_argument("--denktijd", type=float, default=float(os.environ.get("BENCH_DENKTIJD", 1.0)))
    parser.add_argument("--registratie-seconds", type=int,
                        default=int(os.environ.get("BENCH_REGISTRATIE_SECONDS", 60)))  # fmt: skip
    parser.add_argument("--registratie-users", type=int,
                        default=int(os.environ.get("BENCH_REGISTRATIE_USERS", 10)))  # fmt: skip
    # Which phases: sequentieel (one request at a time, with the login steps), last (10 users, then
    # the capacity), registratie. All by default; BENCH_FASEN=sequentieel for a quick look.
    parser.add_argument("--fasen", default=os.environ.get("BENCH_FASEN", "sequentieel,last,registratie"))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_RONDES", 21)))
    parser.add_argument("--login-rounds", type=int, default=int(os.environ.get("BENCH_LOGIN_RONDES", 11)))
    args = parser.parse_args()
    port = int(os.environ.get("BENCH_PORT", 8765))
    workers = int(os.environ.get("BENCH_WORKERS", 4))
    base = f"http://127.0.0.1:{port}"

    fasen = set(args.fasen.split(","))
    stages = sweeps_and_seed(args.casussen)
    script = "import json; from bench.pages import discover; print(json.dumps(discover()))"
    found = json.loads(manage("shell", "-v0", "-c", script))
    env = production_env(QUERY_COUNT_HEADER="true", LOG_LEVEL="ERROR")
    manage("collectstatic", "--noinput", "-v0", env=env)
    result: dict = {"date": dt.date.today().isoformat(), "machine": machine(), "casussen": args.casussen,
                    "gunicorn_workers": workers, "fasen": sorted(fasen), "stages": stages,
                    "load_average_before": os.getloadavg()}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="altena-bench-") as tmp:
        workdir = Path(tmp)
        codes = Codes.make(workdir / "codes.json")
        # Phase 0: one request at a time against 2 workers (each page's own cost), and the login steps.
        server = start_gunicorn(env, port, SEQ_WORKERS)
        memory = MemorySampler(server.pid)
        try:
            by_user, unreachable, logins, sessions = plan(base, [FLOOR, *found["pages"]], codes)
            memory.start()  # from here: plan()'s first logins upgraded any hash with older parameters
            if "sequentieel" in fasen:
                result["login"] = measure_login(base, codes, rounds=args.login_rounds)
                downloads = [tuple(d) for d in found.get("downloads", [])]
                result["sequential"] = {
                    **run_sequential(base, by_user, sessions, args.rounds, downloads),
                    "gunicorn_workers": SEQ_WORKERS,
                    "load_average": os.getloadavg(),
                }
        finally:
            result["memory_sequential"] = memory.result()
            stop(server)
        result["logins"] = logins
        result["not_measured"] = {**found["skipped"], **unreachable}
        if fasen & {"last", "registratie"}:
            server = start_gunicorn(env, port, workers)
            memory = MemorySampler(server.pid)
            memory.start()
            try:
                codes.save(workdir / "codes.json")  # locust gets only the codes not yet spent
                if "last" in fasen:
                    result["load"] = run_pages(
                        base, by_user, args.users, args.seconds, workdir, args.denktijd
                    )
                    time.sleep(1)
                    result["capacity"] = run_pages(base, by_user, args.users, args.seconds, workdir, 0)
                    time.sleep(1)
                if "registratie" in fasen:
                    result["registration"] = run_registration(
                        base, args.registratie_users, args.registratie_seconds, workdir
                    )
            finally:
                result["memory"] = memory.result()
                stop(server)
    if "load" in result:
        floor = result["load"]["pages"].pop(FLOOR, {"median_ms": 0})
        result["floor_median_ms"] = floor["median_ms"]
        cap_floor = result["capacity"]["pages"].pop(FLOOR, {"median_ms": 0})
        result["capacity"]["floor_median_ms"] = cap_floor["median_ms"]
        for pages in by_user.values():
            for path in pages:
                if path != FLOOR and path not in result["load"]["pages"]:
                    unreachable[path] = "geen verzoek binnen de meettijd (verleng BENCH_SECONDS)"
    out = ROOT / "bench" / f"results-{result['date']}-{args.casussen}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    write_markdown(result, ROOT / "bench" / "RESULTS.md")
    schaal_figuur(ROOT / "bench")
    print(f"Resultaten: {out.relative_to(ROOT)} en bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
