"""The BRP API Personen client (Haal Centraal, version 2): ``POST /personen``, three query types.

Settings (altena/settings/base.py): ``BRP_API_URL`` (base URL; ``/personen`` is appended),
``BRP_API_KEY`` and ``BRP_API_KEY_HEADER``, ``BRP_CLIENT_CERT`` / ``BRP_CLIENT_KEY`` (mutual TLS),
``BRP_CA_BUNDLE``, ``BRP_TIMEOUT_CONNECT`` (3 s), ``BRP_TIMEOUT_READ`` (5 s), ``BRP_RETRIES`` (1).

Rules every call keeps:

* a BSN that fails the elfproef never leaves the application (``OngeldigBsn``);
* ``fields`` is always sent, from the allow-list of ``brp.velden`` for the purpose and role;
* the body is sent with exactly ``Content-Type: application/json; charset=utf-8``;
* one retry, only for what a retry can fix (no connection, 502/503/504) and only within the
  deadline (connect + read timeout), so no page waits longer than that;
* the answer is read with a size cap (``BRP_MAX_ANTWOORD``) and a deadline, parsed and type-checked
  (``brp.persoon``); whatever goes wrong becomes a ``BrpFout`` with a Dutch message for the screen
  and a log line without personal data, never a 500;
* every call (also a failed one) is protocolled: ``BrpBevraging`` (with the BSNs returned) and a row
  in the verwerkingenlog (without them).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from datetime import date

import httpx
from django.conf import settings
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn

from altena.access import user_roles
from altena.models import Verwerking
from altena.verwerkingen import log_verwerking

from .models import BrpBevraging
from .persoon import OngeldigAntwoord, Persoon, lees_antwoord
from .velden import SYSTEEM, Doel, VeldNietToegestaan, velden_voor

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/json; charset=utf-8"
RAADPLEEG = "RaadpleegMetBurgerservicenummer"
ZOEK_NAAM = "ZoekMetGeslachtsnaamEnGeboortedatum"
ZOEK_ADRES = "ZoekMetPostcodeEnHuisnummer"
MAX_BSNS = 20


class BrpFout(Exception):
    """Anything that keeps the BRP from answering usefully; ``str()`` is the Dutch message."""

    resultaat = "fout"


class OngeldigBsn(BrpFout):
    resultaat = "ongeldig BSN"


class BrpOnbereikbaar(BrpFout):
    resultaat = "onbereikbaar"


class BrpGeweigerd(BrpFout):
    resultaat = "geweigerd"


class BrpOngeldigAntwoord(BrpFout):
    resultaat = "ongeldig antwoord"


ONBEREIKBAAR = (
    "De BRP is nu niet bereikbaar. Registreer de inwoner met de hand; hij wordt gemarkeerd als "
    "'niet gecontroleerd in de BRP' en bij de volgende controle alsnog nagekeken."
)
ONGELDIG_ANTWOORD = (
    "De BRP gaf een antwoord dat niet te lezen is. Probeer het later opnieuw of registreer de inwoner "
    "met de hand (niet gecontroleerd in de BRP)."
)
# Problem answers of the BRP (status -> Dutch message for the screen).
MELDINGEN = {
    400: "De BRP weigerde de zoekvraag: {detail}",
    401: "De applicatie is niet aangemeld bij de BRP (sleutel of certificaat). Meld dit aan de beheerder.",
    403: "De applicatie mag deze gegevens niet uit de BRP opvragen. Meld dit aan de beheerder.",
    404: "De BRP-koppeling is verkeerd ingesteld (adres niet gevonden). Meld dit aan de beheerder.",
    406: "De BRP kan niet in het gevraagde formaat antwoorden. Meld dit aan de beheerder.",
    415: "De BRP accepteert het formaat van de vraag niet. Meld dit aan de beheerder.",
    429: "De BRP krijgt nu te veel vragen. Probeer het over een minuut opnieuw.",
}
PARAMETERS = {
    "burgerservicenummer": "het BSN",
    "geslachtsnaam": "de achternaam",
    "geboortedatum": "de geboortedatum",
    "postcode": "de postcode",
    "huisnummer": "het huisnummer",
    "fields": "de gevraagde gegevens",
}


def elfproef(bsn: str) -> str:
    """The BSN as nine digits, or ``OngeldigBsn``: such a number never leaves the application."""
    try:
        return stdnum_bsn.validate(bsn or "")
    except StdnumError as exc:
        raise OngeldigBsn(
            "Dit is geen geldig BSN (9 cijfers die voldoen aan de elfproef); de BRP is niet gevraagd."
        ) from exc


@dataclass
class Context:
    """Who asks, why, and for what (the case or the search), for the protocol and the log."""

    doel: str
    door: object = None  # the user; None for the sweep
    casus_nummer: str = ""
    inwoner_id: int | None = None
    request: object = None

    @property
    def rollen(self) -> list[str]:
        if self.door is None:
            return [SYSTEEM]
        return sorted(user_roles(self.door))


class BrpClient:
    def __init__(
        self,
        *,
        url: str,
        api_key: str = "",
        api_key_header: str = "X-API-KEY",
        cert: tuple[str, str] | str | None = None,
        verify: str | bool = True,
        timeout_connect: float = 3.0,
        timeout_read: float = 5.0,
        retries: int = 1,
        max_antwoord: int = 2_000_000,
        transport: httpx.BaseTransport | None = None,
    ):
        self.url = url.rstrip("/") + "/personen"
        self.headers = {"Content-Type": CONTENT_TYPE, "Accept": "application/json"}
        if api_key:
            self.headers[api_key_header] = api_key
        self.timeout = httpx.Timeout(timeout_read, connect=timeout_connect)
        self.deadline = timeout_connect + timeout_read
        self.retries = retries
        self.max_antwoord = max_antwoord
        self.http = httpx.Client(timeout=self.timeout, cert=cert, verify=verify, transport=transport)

    # --- the three query types -------------------------------------------------------------------

    def raadpleeg(
        self, bsns: list[str], *, ctx: Context, velden: tuple[str, ...] | None = None
    ) -> list[Persoon]:
        bsns = list(dict.fromkeys(elfproef(b) for b in bsns))
        if not 1 <= len(bsns) <= MAX_BSNS:
            raise BrpFout(f"Vraag 1 tot {MAX_BSNS} personen tegelijk uit de BRP.")
        return self._vraag({"type": RAADPLEEG, "burgerservicenummer": bsns}, ctx, velden)

    def zoek_op_naam(
        self, *, geslachtsnaam: str, geboortedatum: date, voorvoegsel: str = "", ctx: Context,
        velden: tuple[str, ...] | None = None,
    ) -> list[Persoon]:  # fmt: skip
        vraag = {
            "type": ZOEK_NAAM,
            "geslachtsnaam": geslachtsnaam.strip(),
            "geboortedatum": geboortedatum.isoformat(),
        }
        if voorvoegsel:
            vraag["voorvoegsel"] = voorvoegsel.strip()
        return self._vraag(vraag, ctx, velden)

    def zoek_op_adres(
        self, *, postcode: str, huisnummer: int, huisletter: str = "", toevoeging: str = "", ctx: Context,
        velden: tuple[str, ...] | None = None,
    ) -> list[Persoon]:  # fmt: skip
        vraag = {
            "type": ZOEK_ADRES,
            "postcode": postcode.replace(" ", "").upper(),
            "huisnummer": int(huisnummer),
        }
        if huisletter:
            vraag["huisletter"] = huisletter
        if toevoeging:
            vraag["huisnummertoevoeging"] = toevoeging
        return self._vraag(vraag, ctx, velden)

    def gezondheid(self) -> str:
        """'ok' when the BRP answers as the API does, else why not; asks for no person: an empty
        query must be refused with a problem+json 400 (type is missing)."""
        try:
            antwoord = self.http.post(
                self.url, content=b"{}", headers=self.headers, timeout=httpx.Timeout(2.0)
            )
        except httpx.TimeoutException:
            return "geen antwoord binnen de tijd"
        except httpx.HTTPError:
            return "onbereikbaar"
        if antwoord.status_code in (401, 403):
            return "aanmelding geweigerd (API-sleutel of certificaat)"
        if antwoord.status_code == 400 and antwoord.headers.get("content-type", "").startswith(
            "application/problem"
        ):
            return "ok"
        return f"onverwacht antwoord (HTTP {antwoord.status_code})"

    # --- the one way a call is made --------------------------------------------------------------

    def _vraag(self, vraag: dict, ctx: Context, velden: tuple[str, ...] | None) -> list[Persoon]:
        try:
            vraag["fields"] = list(velden_voor(ctx.doel, ctx.rollen, velden))
        except VeldNietToegestaan as exc:
            raise BrpGeweigerd(str(exc)) from exc
        begin = time.monotonic()
        personen: list[Persoon] = []
        resultaat = "geslaagd"
        try:
            personen = lees_antwoord(self._post(vraag, begin), vraag["type"])
            return personen
        except BrpFout as exc:
            resultaat = exc.resultaat
            raise
        except OngeldigAntwoord as exc:
            resultaat = "ongeldig antwoord"
            logger.warning("BRP: ongeldig antwoord op %s (%s)", vraag["type"], exc)
            raise BrpOngeldigAntwoord(ONGELDIG_ANTWOORD) from exc
        finally:
            self._protocolleer(vraag, ctx, personen, resultaat, begin)

    def _post(self, vraag: dict, begin: float):
        body = json.dumps(vraag, ensure_ascii=False).encode("utf-8")
        pogingen = 1 + self.retries
        for poging in range(1, pogingen + 1):
            over = self.deadline - (time.monotonic() - begin)
            if over <= 0.05:
                raise BrpOnbereikbaar(ONBEREIKBAAR)
            timeout = httpx.Timeout(min(self.timeout.read, over), connect=min(self.timeout.connect, over))
            try:
                with self.http.stream(
                    "POST", self.url, content=body, headers=self.headers, timeout=timeout
                ) as r:
                    if r.status_code in (502, 503, 504) and poging < pogingen:
                        logger.warning("BRP: HTTP %s, nog een poging", r.status_code)
                        continue
                    data = self._lees(r, begin)
                    status = r.status_code
                    soort = r.headers.get("content-type", "")
            except httpx.ConnectError as exc:
                if poging < pogingen:
                    logger.warning("BRP: geen verbinding (%s), nog een poging", type(exc).__name__)
                    continue
                logger.warning("BRP: onbereikbaar (%s)", type(exc).__name__)
                raise BrpOnbereikbaar(ONBEREIKBAAR) from exc
            except httpx.HTTPError as exc:  # timeouts, broken connections, protocol errors
                logger.warning("BRP: onbereikbaar (%s)", type(exc).__name__)
                raise BrpOnbereikbaar(ONBEREIKBAAR) from exc
            return self._uitpakken(status, soort, data)
        raise BrpOnbereikbaar(ONBEREIKBAAR)

    def _lees(self, r: httpx.Response, begin: float) -> bytes:
        lengte = r.headers.get("content-length", "")
        if lengte.isdigit() and int(lengte) > self.max_antwoord:
            logger.warning("BRP: antwoord te groot (%s bytes aangekondigd)", lengte)
            raise BrpOngeldigAntwoord(ONGELDIG_ANTWOORD)
        delen, totaal = [], 0
        for deel in r.iter_bytes():  # decoded: the cap also holds for a compressed answer
            totaal += len(deel)
            if totaal > self.max_antwoord:
                logger.warning("BRP: antwoord groter dan %s bytes, afgebroken", self.max_antwoord)
                raise BrpOngeldigAntwoord(ONGELDIG_ANTWOORD)
            if time.monotonic() - begin > self.deadline:
                logger.warning("BRP: antwoord niet binnen %.0f s, afgebroken", self.deadline)
                raise BrpOnbereikbaar(ONBEREIKBAAR)
            delen.append(deel)
        return b"".join(delen)

    def _uitpakken(self, status: int, soort: str, data: bytes):
        try:
            body = json.loads(data.decode("utf-8")) if data else None
        except (UnicodeDecodeError, ValueError):
            body = None
            if status == 200:
                logger.warning("BRP: antwoord is geen JSON")
                raise BrpOngeldigAntwoord(ONGELDIG_ANTWOORD) from None
        if status == 200:
            return body
        logger.warning(
            "BRP: HTTP %s (%s)", status, (body or {}).get("code", "") if isinstance(body, dict) else ""
        )
        if status >= 500:
            raise BrpOnbereikbaar(ONBEREIKBAAR)
        if status == 400:
            raise BrpGeweigerd(MELDINGEN[400].format(detail=_parameters(body)))
        raise BrpGeweigerd(MELDINGEN.get(status, f"De BRP antwoordde met een fout (HTTP {status})."))

    def _protocolleer(self, vraag: dict, ctx: Context, personen: list[Persoon], resultaat: str, begin: float):
        door = ctx.door if ctx.door is not None and ctx.door.is_authenticated else None
        rij = BrpBevraging.objects.create(
            actor=door,
            actor_naam=door.get_username() if door else "systeem",
            doel=ctx.doel,
            zoekvraag=vraag["type"],
            casus_nummer=(ctx.casus_nummer or "")[:20],
            inwoner_id=ctx.inwoner_id,
            velden=vraag["fields"],
            bsns=[p.bsn for p in personen],
            resultaat=resultaat[:40],
            duur_ms=int((time.monotonic() - begin) * 1000),
        )
        log_verwerking(
            request=ctx.request,
            actor=door,
            handeling=Verwerking.Handeling.LEZEN
            if vraag["type"] == RAADPLEEG
            else Verwerking.Handeling.ZOEKEN,
            verwerkingsactiviteit=Doel(ctx.doel).label[:100],
            object_type="brp-bevraging",
            object_id=rij.pk,
            inwoner_id=ctx.inwoner_id,
            casus_nummer=ctx.casus_nummer,
            resultaat=("geslaagd" if resultaat == "geslaagd" else "mislukt"),
        )


def _parameters(body) -> str:
    """The BRP's invalidParams as Dutch words (never its own text: it is not for inwoners' eyes)."""
    namen = []
    if isinstance(body, dict) and isinstance(body.get("invalidParams"), list):
        for p in body["invalidParams"][:10]:
            naam = p.get("name", "") if isinstance(p, dict) else ""
            naam = naam.split("[")[0] if isinstance(naam, str) else ""
            namen.append(PARAMETERS.get(naam, "een zoekgegeven"))
    if not namen:
        return "controleer de zoekgegevens."
    return "controleer " + ", ".join(dict.fromkeys(namen)) + "."


_client: BrpClient | None = None


def client() -> BrpClient:
    """The client configured by the settings (one per process, reusing its connections)."""
    global _client
    if _client is None or _client.url != settings.BRP_API_URL.rstrip("/") + "/personen":
        cert = None
        if settings.BRP_CLIENT_CERT:
            cert = (
                (settings.BRP_CLIENT_CERT, settings.BRP_CLIENT_KEY)
                if settings.BRP_CLIENT_KEY
                else settings.BRP_CLIENT_CERT
            )
        _client = BrpClient(
            url=settings.BRP_API_URL,
            api_key=settings.BRP_API_KEY,
            api_key_header=settings.BRP_API_KEY_HEADER,
            cert=cert,
            verify=settings.BRP_CA_BUNDLE or True,
            timeout_connect=settings.BRP_TIMEOUT_CONNECT,
            timeout_read=settings.BRP_TIMEOUT_READ,
            retries=settings.BRP_RETRIES,
            max_antwoord=settings.BRP_MAX_ANTWOORD,
        )
    return _client


def ingesteld() -> bool:
    return bool(getattr(settings, "BRP_API_URL", ""))
