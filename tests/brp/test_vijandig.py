"""Problem and hostile answers become a Dutch message (BrpFout), a log line and no 500; the BRP
away or slow never keeps a page longer than the configured timeout."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from altena.access import Rol
from brp.client import BrpClient, BrpGeweigerd, BrpOnbereikbaar, BrpOngeldigAntwoord, Context
from brp.models import BrpBevraging
from brp.velden import Doel
from tests.factories.altena import UserFactory

pytestmark = pytest.mark.django_db

BSN = "999990019"


class Vijandig(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.teller += 1
        gedrag = self.server.gedrag
        status, soort, body = 200, "application/json; charset=utf-8", b""
        if gedrag == "geen-json":
            body = b"<html>Service Unavailable</html>"
        elif gedrag == "verkeerde-typen":
            body = json.dumps(
                {"type": "RaadpleegMetBurgerservicenummer", "personen": [{"burgerservicenummer": 999990019}]}
            ).encode()
        elif gedrag == "lijst-als-naam":
            body = json.dumps(
                {
                    "type": "RaadpleegMetBurgerservicenummer",
                    "personen": [{"burgerservicenummer": BSN, "naam": []}],
                }
            ).encode()
        elif gedrag == "tien-mb":
            body = b'{"type": "RaadpleegMetBurgerservicenummer", "personen": [' + b" " * 10_000_000 + b"]}"
        elif gedrag == "tien-mb-zonder-lengte":
            self.send_response(200)
            self.send_header("Content-Type", soort)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for _ in range(200):
                    deel = b" " * 65536
                    self.wfile.write(f"{len(deel):x}\r\n".encode() + deel + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        elif gedrag == "traag":
            time.sleep(3)
        elif gedrag == "druppel":
            self.send_response(200)
            self.send_header("Content-Type", soort)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        elif gedrag.startswith("status-"):
            status = int(gedrag.split("-")[1])
            soort = "application/problem+json"
            body = json.dumps(
                {
                    "title": "Een of meerdere parameters zijn niet correct.",
                    "status": status,
                    "code": "paramsValidation",
                    "invalidParams": [
                        {"name": "burgerservicenummer[0]", "code": "pattern", "reason": "<script>"}
                    ],
                }
            ).encode()
        self.send_response(status)
        self.send_header("Content-Type", soort)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def vijand():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Vijandig)
    server.daemon_threads = True
    server.gedrag, server.teller = "", 0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def ctx(db):
    return Context(doel=Doel.REGISTREREN, door=UserFactory(username="balie", rollen=[Rol.FRONTOFFICE]))


def client_voor(server, **kwargs):
    kwargs = {"timeout_connect": 0.5, "timeout_read": 0.5, "max_antwoord": 1_000_000, **kwargs}
    return BrpClient(url=f"http://127.0.0.1:{server.server_address[1]}", **kwargs)


@pytest.mark.parametrize(
    "gedrag, fout",
    [
        ("geen-json", BrpOngeldigAntwoord),
        ("verkeerde-typen", BrpOngeldigAntwoord),
        ("lijst-als-naam", BrpOngeldigAntwoord),
        ("tien-mb", BrpOngeldigAntwoord),
        ("tien-mb-zonder-lengte", BrpOngeldigAntwoord),
        ("traag", BrpOnbereikbaar),
        ("druppel", BrpOnbereikbaar),
        ("status-500", BrpOnbereikbaar),
        ("status-404", BrpGeweigerd),
        ("status-401", BrpGeweigerd),
    ],
)
def test_vijandig_antwoord_wordt_een_nederlandse_melding(vijand, ctx, gedrag, fout, caplog):
    vijand.gedrag = gedrag
    with pytest.raises(fout) as exc:
        client_voor(vijand).raadpleeg([BSN], ctx=ctx)
    melding = str(exc.value)
    assert "BRP" in melding and "<script>" not in melding
    assert BrpBevraging.objects.get().resultaat != "geslaagd"  # the failed call is protocolled too
    assert any(r.name == "brp.client" for r in caplog.records)  # a log line ...
    assert all(BSN not in r.getMessage() for r in caplog.records)  # ... without the BSN


def test_400_noemt_de_parameter_in_het_nederlands_niet_de_tekst_van_de_brp(vijand, ctx):
    vijand.gedrag = "status-400"
    with pytest.raises(BrpGeweigerd, match="controleer het BSN"):
        client_voor(vijand).raadpleeg([BSN], ctx=ctx)


def test_een_herhaling_bij_503_binnen_de_termijn(vijand, ctx):
    vijand.gedrag = "status-503"
    with pytest.raises(BrpOnbereikbaar):
        client_voor(vijand).raadpleeg([BSN], ctx=ctx)
    assert vijand.teller == 2  # the first try and one retry, no more


def test_geen_herhaling_na_een_time_out(vijand, ctx):
    vijand.gedrag = "traag"
    with pytest.raises(BrpOnbereikbaar):
        client_voor(vijand, retries=3).raadpleeg([BSN], ctx=ctx)
    assert vijand.teller == 1  # a slow BRP is not asked again: the page would wait twice as long


def test_niemand_luistert(ctx):
    client = BrpClient(url="http://127.0.0.1:9", timeout_connect=0.3, timeout_read=0.3)
    with pytest.raises(BrpOnbereikbaar, match="niet bereikbaar"):
        client.raadpleeg([BSN], ctx=ctx)
