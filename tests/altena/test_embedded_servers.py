"""The embedded PostgreSQL and Redis of scripts/servers.py: a real run, and the faults it must name.

These start real servers from the packages in the virtual environment (slow: about half a minute).
"""

import os
import socket
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVERS = [sys.executable, str(ROOT / "scripts" / "servers.py")]


def run_servers(data: Path, *command: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": "embedded", "REDIS_URL": "embedded"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [*SERVERS, "--data", str(data), "--", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def processes_using(folder: Path) -> list[str]:
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(proc.info["cmdline"] or [])
        if str(folder) in cmdline:
            found.append(cmdline)
    return found


@pytest.fixture
def data(tmp_path):
    yield tmp_path / "servers"
    for cmdline in processes_using(tmp_path):  # never leave a server behind, even when a test fails
        for proc in psutil.process_iter(["cmdline"]):
            if " ".join(proc.info["cmdline"] or []) == cmdline:
                proc.kill()


def test_embedded_servers_migrate_serve_a_request_and_run_a_task_then_stop(data):
    result = run_servers(data, sys.executable, "tests/altena/embedded_probe.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ingebouwde PostgreSQL" in result.stdout and "ingebouwde Redis" in result.stdout
    for step in ("MIGRATED", "REQUEST", "TASK"):
        assert step in result.stdout, result.stdout + result.stderr
    assert processes_using(data) == []
    assert (data / "postgres" / "PG_VERSION").exists()  # the data survives for the next run

    # A crashed run leaves a stale pid file, and its old port is now taken by someone else:
    # the next run recovers by itself (new port) and finds its data again.
    pid = data / "postgres" / "postmaster.pid"
    pid.write_text("999999\n" + str(data / "postgres") + "\n0\n1\n")
    taken = socket.socket()
    taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    taken.bind(("127.0.0.1", int((data / "postgres.port").read_text())))
    taken.listen()
    try:
        again = run_servers(data, sys.executable, "-c", "import os; print(os.environ['DATABASE_URL'])")
    finally:
        taken.close()
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
