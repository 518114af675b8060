"""What `make bench` (bench/run.py), `make faults` (bench/faults.py) and the locust users
(bench/locustfile.py) share: gunicorn under production settings, login through the real forms
(password, then the two-factor step with a single-use bench code), and memory sampling.

Works both in a plain process (requests) and inside locust (its HttpSession is a requests.Session
that also takes ``name=``); URLs are always absolute, so both accept them.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import requests

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent
USERS = ["frontoffice", "consultant", "teamleider", "beleid", "beheerder", "privacy", "partner"]
PASSWORD = os.environ.get("DEMO_PASSWORD", "altena-demo")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TWEESTAPS = "/accounts/tweestaps/"


def manage(*args: str, env: dict | None = None) -> str:
    out = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env or os.environ, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return out.stdout


def production_env(**extra: str) -> dict:
    """The environment of a gunicorn under production settings on plain http at 127.0.0.1."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "altena.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_DEBUG": "false",
        **extra,
    }


def start_gunicorn(env: dict, port: int, workers: int, log_level: str = "warning") -> subprocess.Popen:
    """gunicorn with ``workers`` sync workers in a session of its own; returns once it answers."""
    proc = subprocess.Popen(
        [str(BIN / "gunicorn"), "altena.wsgi:application", "-w", str(workers), "-b", f"127.0.0.1:{port}",
         "--log-level", log_level],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(120):
        try:
            requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=2)
            return proc
        except requests.RequestException:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    stop(proc)
    raise SystemExit("gunicorn start niet of antwoordt niet")


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    proc.wait(30)


# -- bench codes (single-use recovery codes, made by `manage.py bench_codes`) ---------------------


class Codes:
    """Single-use two-factor codes per username; each is handed out once. ``save`` writes back the
    codes not yet used, so a next process (locust) never gets one this process spent."""

    def __init__(self, codes: dict[str, list[str]]):
        self.codes = codes
        self.lock = threading.Lock()

    @classmethod
    def make(cls, path: Path, env: dict | None = None, per_user: int = 500) -> Codes:
        """Fresh codes on the database of ``env`` (never under production settings)."""
        env = {**(env or os.environ), "DJANGO_SETTINGS_MODULE": "altena.settings.local"}
        manage("bench_codes", "--aantal", str(per_user), "--uitvoer", str(path), env=env)
        return cls.load(path)

    @classmethod
    def load(cls, path: str | Path) -> Codes:
        return cls(json.loads(Path(path).read_text()))

    def save(self, path: Path) -> None:
        with self.lock:
            path.write_text(json.dumps(self.codes))

    def take(self, username: str) -> str:
        with self.lock:
            left = self.codes.get(username)
            if not left:
                raise RuntimeError(f"geen benchcode (meer) voor {username}; zie manage.py bench_codes")
            return left.pop()


# -- login through the real forms ------------------------------------------------------------------


class LoginFailed(RuntimeError):
    pass


def login(client: requests.Session, base: str, username: str, codes: Codes | None,
          locust: bool = False) -> None:  # fmt: skip
    """Log in as ``username`` through the login form and, when asked, the two-factor form with one
    bench code. ``locust``: name the requests "(login ...)" so they stay out of the page statistics."""

    def named(label: str) -> dict:
        return {"name": label} if locust else {}

    page = client.get(base + "/accounts/login/", **named("(login form)"))
    token = CSRF.search(page.text)[1]
    r = client.post(base + "/accounts/login/", data={"csrfmiddlewaretoken": token, "username": username,
                    "password": PASSWORD}, headers={"Referer": base + "/accounts/login/"},
                    **named("(login)"))  # fmt: skip
    path = urlparse(r.url).path
    if path.startswith(TWEESTAPS + "instellen/"):
        raise LoginFailed(f"{username} heeft geen tweestapsapparaat; draai manage.py bench_codes")
    if path == TWEESTAPS:
        if codes is None:
            raise LoginFailed(f"{username} vraagt om een tweede factor en er zijn geen benchcodes")
        token = CSRF.search(r.text)[1]
        next_url = re.search(r'name="next" value="([^"]*)"', r.text)
        r = client.post(r.url, data={"csrfmiddlewaretoken": token, "code": codes.take(username),
                        "next": next_url[1] if next_url else "/"}, headers={"Referer": r.url},
                        **named("(login tweestaps)"))  # fmt: skip
        path = urlparse(r.url).path
    if path.startswith(("/accounts/login/", TWEESTAPS)) or r.status_code >= 400:
        raise LoginFailed(f"inloggen als {username} mislukt ({r.status_code} {path})")


# HOOK: users who do not log in through the staff login form (e.g. an inwoner through the demo
# DigiD for /mijn/): username -> function(session, base) that logs that session in. bench/run.py
# plans pages for these users after USERS and says in the results how they logged in.
EXTRA_LOGINS: dict = {}


def session_for(base: str, username: str, codes: Codes | None) -> requests.Session:
    s = requests.Session()
    if username in EXTRA_LOGINS:
        EXTRA_LOGINS[username](s, base)
    else:
        login(s, base, username, codes)
    return s


# -- memory ------------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    pids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return pids


def _rss_mb(pid: int) -> float | None:
    """Resident memory in MB (10^6 bytes; /proc reports KiB)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        return None
    return None


class MemorySampler(threading.Thread):
    """Peak resident memory (VmRSS) of each gunicorn worker (the master's children), every 0.5 s."""

    def __init__(self, master_pid: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.master_pid, self.interval = master_pid, interval
        self.peak: dict[int, float] = {}
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            for pid in _children(self.master_pid):
                rss = _rss_mb(pid)
                if rss is not None and rss > self.peak.get(pid, 0):
                    self.peak[pid] = rss
            self.halt.wait(self.interval)

    def result(self) -> dict:
        self.halt.set()
        if self.ident is not None:  # started
            self.join(5)
        peaks = sorted(self.peak.values(), reverse=True)
        return {
            "workers_seen": len(peaks),
            "peak_rss_mb_max": round(peaks[0], 1) if peaks else None,
            "peak_rss_mb_per_worker": [round(p, 1) for p in peaks],
            "interval_s": self.interval,
        }


# -- forms -------------------------------------------------------------------------------------------


class FormFields(HTMLParser):
    """The fields of the page's forms as a browser would submit them untouched (``values``: hidden and
    text inputs, checked boxes, selected options, textareas) and every offered value of each
    checkbox, radio and select (``choices``). ``containing``: only the form whose markup contains it."""

    def __init__(self, html: str, containing: str = ""):
        super().__init__(convert_charrefs=True)
        self.values: dict[str, list[str]] = {}
        self.choices: dict[str, list[str]] = {}
        self._select: str | None = None
        self._first_option: dict[str, str] = {}
        self._textarea: str | None = None
        if containing:
            html = next((f for f in html.split("<form")[1:] if containing in f.split("</form>")[0]), "")
            html = "<form" + html.split("</form>")[0]
        self.feed(html)
        for name, value in self._first_option.items():
            self.values.setdefault(name, [value])

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                self.choices.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    self.values.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.values.setdefault(name, []).append(a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            value = a.get("value", "")
            self.choices.setdefault(self._select, []).append(value)
            self._first_option.setdefault(self._select, value)
            if "selected" in a:
                self.values[self._select] = [value]
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][-1] += data
