"""Login timing: each step of logging in through the real forms, one request at a time.

For every demo user, ``rounds`` times: GET the login form, POST the password, and for the roles
with a second factor GET the code form and POST a single-use bench code. Each POST is timed without
following its redirect, so the figure is the server's answer to that one step (the page after it is
measured as a page of its own). Used by bench/run.py; on its own against a running server:

    python bench/login.py --base http://127.0.0.1:8765 --codes codes.json [--rounds 11]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urljoin

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import CSRF, PASSWORD, TWEESTAPS, USERS, Codes  # noqa: E402


def _timed(fn, *args, **kwargs) -> tuple[requests.Response, float]:
    t0 = time.perf_counter()
    r = fn(*args, **kwargs)
    return r, (time.perf_counter() - t0) * 1000


def one_login(base: str, username: str, codes: Codes) -> dict[str, float]:
    s = requests.Session()
    times = {}
    page, times["formulier"] = _timed(s.get, base + "/accounts/login/")
    token = CSRF.search(page.text)[1]
    data = {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}
    r, times["wachtwoord"] = _timed(s.post, base + "/accounts/login/", data=data,
                                    headers={"Referer": base + "/accounts/login/"},
                                    allow_redirects=False)  # fmt: skip
    if r.status_code != 302:
        raise RuntimeError(f"inloggen als {username}: {r.status_code}")
    # The password step answers with the start page; the two-factor gate sends on from there.
    target = urljoin(base, r.headers["Location"])
    if not target.split("?")[0].endswith(TWEESTAPS):
        nxt = s.get(target, allow_redirects=False)
        if nxt.status_code == 302:
            target = urljoin(base, nxt.headers["Location"])
    if target.split("?")[0].endswith(TWEESTAPS):
        form, times["codeformulier"] = _timed(s.get, target)
        token = CSRF.search(form.text)[1]
        data = {"csrfmiddlewaretoken": token, "code": codes.take(username), "next": "/"}
        r, times["tweede factor"] = _timed(s.post, target, data=data, headers={"Referer": target},
                                           allow_redirects=False)  # fmt: skip
        if r.status_code != 302 or TWEESTAPS in r.headers.get("Location", ""):
            raise RuntimeError(f"tweede factor voor {username}: {r.status_code}")
    return times


def measure(base: str, codes: Codes, rounds: int = 11) -> dict:
    """Median and max per step over ``rounds`` logins of every demo user (one at a time); the first
    login of each user is left out (it may upgrade a hash made with older parameters)."""
    per_step: dict[str, list[float]] = {}
    per_user = {}
    for username in USERS:
        one_login(base, username, codes)  # warm-up and one-time hash upgrade
        steps: dict[str, list[float]] = {}
        for _ in range(rounds):
            for step, ms in one_login(base, username, codes).items():
                steps.setdefault(step, []).append(ms)
                per_step.setdefault(step, []).append(ms)
        per_user[username] = {k: round(statistics.median(v), 1) for k, v in steps.items()}
    return {
        "rounds": rounds,
        "steps": {
            k: {"median_ms": round(statistics.median(v), 1), "max_ms": round(max(v), 1), "requests": len(v)}
            for k, v in per_step.items()
        },  # fmt: skip
        "per_user_median_ms": per_user,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--codes", required=True)
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    print(json.dumps(measure(args.base, Codes.load(args.codes), args.rounds), indent=2))
