"""scripts/servers.py chooses the servers: a standard port where something else answers is named.

In-process and quick; the real embedded servers are started in test_embedded_servers.py.
"""

import importlib.util
import socket
import threading
from pathlib import Path

import pytest
from django.db import connection

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "servers.py"


@pytest.fixture
def servers(monkeypatch):
    for name in ("ALTENA_DATABASE_INFO", "ALTENA_REDIS_INFO"):  # main() sets them for its command
        monkeypatch.delenv(name, raising=False)
    spec = importlib.util.spec_from_file_location("servers_under_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module


@pytest.fixture
def not_a_server():
    """A port where a program accepts connections and closes them at once, as a foreign service might."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    listener.close()


def test_nothing_on_the_standard_port_means_embedded(servers, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]  # closed again when the block ends: nothing listens there
    assert servers.choose("DATABASE_URL", f"postgres://postgres@127.0.0.1:{free}/altena") is None
    monkeypatch.setenv("DATABASE_URL", "embedded")
    assert servers.choose("DATABASE_URL", servers.DEFAULT_DATABASE_URL) is None
    monkeypatch.setenv("DATABASE_URL", "postgres://elders/altena")
    assert servers.choose("DATABASE_URL", servers.DEFAULT_DATABASE_URL) == "postgres://elders/altena"


@pytest.mark.django_db
def test_a_foreign_program_on_the_postgres_port_is_named(servers, monkeypatch, not_a_server, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(
        servers, "DEFAULT_DATABASE_URL", f"postgres://postgres@127.0.0.1:{not_a_server}/altena"
    )
    assert servers.main(["--", "true"]) == 1
    err = capsys.readouterr().err
    assert f"127.0.0.1:{not_a_server}" in err
    assert "DATABASE_URL=embedded" in err


@pytest.mark.django_db
def test_a_foreign_program_on_the_redis_port_is_named(servers, monkeypatch, not_a_server, capsys):
    db = connection.settings_dict  # the test database of this run: it exists, nothing is created
    monkeypatch.setenv(
        "DATABASE_URL", f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setattr(servers, "DEFAULT_REDIS_URL", f"redis://127.0.0.1:{not_a_server}/0")
    assert servers.main(["--", "true"]) == 1
    err = capsys.readouterr().err
    assert f"redis://127.0.0.1:{not_a_server}/0" in err
    assert "REDIS_URL=embedded" in err


def test_a_set_url_that_does_not_answer_names_the_general_fix(servers, monkeypatch, not_a_server, capsys):
    monkeypatch.setenv("DATABASE_URL", f"postgres://postgres@127.0.0.1:{not_a_server}/altena")
    assert servers.main(["--", "true"]) == 1
    err = capsys.readouterr().err
    assert "Zet DATABASE_URL en REDIS_URL op echte servers" in err
    assert "DATABASE_URL=embedded" not in err
