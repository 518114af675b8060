"""Receive: every file in the inbox is processed exactly once, judged against the XSD and the
technical rules (docs/berichtenverkeer.md names them), applied all-or-nothing, and answered with
its retour. A bad file never blocks the others and is kept (in the database and in ``fout/``)."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone

from netwerk.models import Gemeente, Partner

from .. import regels
from ..codelijsten import GEEN_FOUTEN, WJ001
from ..ggk import Envelop, EnvelopFout, is_envelop, uitpakken
from ..models import Bericht, Richting, Status
from ..schema import SchemaOntbreekt, configuratiefout
from ..transport import TeGroot, transport
from ..typen import RETOUR_VAN, Berichttype
from ..xml import schrijven
from ..xml.lezen import Gelezen, Onleesbaar, lezen
from . import regie, verzoeken
from .toewijzingen import bericht_opslaan, volgende_identificatie
from .versturen import wachtende_versturen

logger = logging.getLogger(__name__)

# Own rules where WJ001 has no code; shown with their name in the berichtenbox.
EIGEN_REGELS = {
    "AT01": "Het bestand is geen leesbaar iWmo- of iJw-bericht (release 3.2).",
    "AT02": "De afzender (AGB-code {agb}) is geen gecontracteerde zorgaanbieder van de gemeente.",
    "AT03": "De cliënt (BSN) is niet bekend bij de gemeente of heeft geen passende casus.",
    "AT04": "Dit berichttype ontvangt de gemeente niet of verwerkt zij (nog) niet: {type}.",
    "AT05": "Het bericht voldoet niet aan de XSD: {fouten}",
    "AT06": "Het bestand is te groot om te lezen. {reden}",
    "AT08": "De GGk-envelop past niet bij het bericht erin: {wat} in de envelop, {inhoud} in het bericht.",
    "AT07": (
        "Het bestand kon door een fout in de software niet worden verwerkt ({fout}); het staat opzij in "
        "de map fout/. Meld het aan de beheerder; na herstel kan het terug in de inbox."
    ),
}
RETOURS = ("302", "320")
VERZOEKEN = ("315", "317")
TOEGESTANE_AANBIEDERS = {"wmo": "zorgaanbieder_wmo", "jw": "zorgaanbieder_jeugd"}


@dataclass
class Oordeel:
    """What the rules found: codes on the header and per berichtklasse (keyed by XPath)."""

    header: list[str] = field(default_factory=list)
    klassen: dict[str, list[str]] = field(default_factory=dict)
    fouten: list[dict] = field(default_factory=list)
    casus: object = None

    def fout(self, code: str, tekst: str = "", *, klasse: str | None = None, regel: str = "") -> None:
        if klasse is None:
            self.header.append(code)
        else:
            self.klassen.setdefault(klasse, []).append(code)
        self.fouten.append({"code": code, "regel": regel, "tekst": tekst or WJ001.get(code, "")})

    @property
    def afgekeurd(self) -> bool:
        return bool(self.fouten)


def checksum(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def inbox_verwerken(max_aantal: int = 200) -> int:
    """Process the inbox (oldest name first); each file in its own transaction. Without the
    schemas (BERICHTEN_XSD_MAP) nothing is read: the files stay in the inbox for a later round."""
    if melding := configuratiefout():
        logger.error("Inbox niet verwerkt: %s", melding)
        wachtende_versturen()
        return 0
    t = transport()
    aantal = 0
    for bestand in t.ontvangen()[:max_aantal]:
        try:
            inhoud = t.lezen(bestand)
        except FileNotFoundError:
            continue  # another worker moved it
        except TeGroot as exc:
            te_groot_vastleggen(bestandsnaam=bestand.naam, fout=exc)
            t.afronden(bestand, fout=str(exc))
            aantal += 1
            continue
        except (OSError, ValueError) as exc:
            t.afronden(bestand, fout=str(exc))
            continue
        try:
            bericht = bestand_verwerken(bestandsnaam=bestand.naam, inhoud=inhoud)
        except (OperationalError, InterfaceError):  # the database is away: the file waits for it
            logger.exception("Bericht %s niet verwerkt: database niet bereikbaar", bestand.naam)
            continue
        except Exception as exc:  # a bug: this file goes aside with its reason, the others go on
            logger.exception("Bericht %s verwerken mislukt", bestand.naam)
            try:
                bericht = interne_fout_vastleggen(bestandsnaam=bestand.naam, inhoud=inhoud, fout=exc)
                t.afronden(bestand, fout=bericht.fouten[0]["tekst"])
            except Exception:  # even that failed (the database?): the next round tries again
                logger.exception("Bericht %s niet opzij gezet", bestand.naam)
            continue
        fout = ""
        if bericht.status in (Status.AFGEWEZEN, Status.ONLEESBAAR):
            fout = "\n".join(f"{f.get('code') or f.get('regel')}: {f['tekst']}" for f in bericht.fouten)
        t.afronden(bestand, fout=fout or "")
        aantal += 1
    wachtende_versturen()
    return aantal


@transaction.atomic
def bestand_verwerken(*, bestandsnaam: str, inhoud: bytes) -> Bericht:
    """Process one file exactly once. The row with the file's checksum is inserted (or found) and
    locked first: a second worker with the same file waits for the first one's commit and then
    finds it done; a crash halfway rolls everything back, the row included, so the next run
    starts over."""
    if melding := configuratiefout():
        raise SchemaOntbreekt(melding)  # never judge a file without its schema
    som = checksum(inhoud)
    begonnen = timezone.now()
    nieuw = Bericht(
        richting=Richting.IN,
        status=Status.ONTVANGEN,
        inhoud=inhoud,
        checksum=som,
        bestandsnaam=bestandsnaam[:200],
    )
    Bericht.objects.bulk_create([nieuw], ignore_conflicts=True)
    bericht = Bericht.objects.select_for_update().get(checksum=som)
    if bericht.status != Status.ONTVANGEN:
        if bericht.verwerkt_op and bericht.verwerkt_op >= begonnen:
            return bericht  # another worker had this very file and finished while we waited
        # Done before: the same file delivered again. It changes nothing, but it is a message
        # received and gets its retour (TR056, 9056), like a re-delivery with other bytes.
        return _herhaling(bestandsnaam=bestandsnaam, inhoud=inhoud, eerder=bericht)
    try:
        inhoud, envelop = _envelop_openen(inhoud)
        bericht.inhoud = inhoud  # the iWmo/iJw message itself (the envelope's referentienummer is kept)
        bericht.envelop_referentie = envelop.referentienummer[:40] if envelop else ""
        g = lezen(inhoud)
    except (Onleesbaar, EnvelopFout) as exc:
        bericht.status = Status.ONLEESBAAR
        regel = "AT08" if isinstance(exc, EnvelopFout) else "AT01"
        bericht.fouten = [{"code": "", "regel": regel, "tekst": str(exc)}]
        bericht.verwerkt_op = timezone.now()
        bericht.save()
        return bericht
    _kop_vastleggen(bericht, g)
    oordeel = Oordeel()
    if envelop is not None:
        _envelop_beoordelen(g, envelop, oordeel)
    if not oordeel.afgekeurd:
        _header_beoordelen(bericht, g, oordeel)
    if not oordeel.afgekeurd:
        _inhoud_verwerken(bericht, g, oordeel)
    bericht.casus = oordeel.casus or bericht.casus
    bericht.fouten = oordeel.fouten
    bericht.retourcodes = sorted({c for codes in [oordeel.header, *oordeel.klassen.values()] for c in codes})
    bericht.status = Status.AFGEWEZEN if oordeel.afgekeurd else Status.VERWERKT
    bericht.verwerkt_op = timezone.now()
    bericht.save()
    _retour_sturen(bericht, g, oordeel)
    if not oordeel.afgekeurd and g.bt.nummer in ("315", "317"):
        try:
            with transaction.atomic():
                verzoeken.in_onderzoek_melden(bericht.verzoek)
        except (ValueError, ValidationError):  # the task stands; the answer follows on the decision
            logger.exception("Antwoord 'in onderzoek' op bericht %s niet gemaakt", bericht.pk)
    return bericht


def _envelop_openen(inhoud: bytes) -> tuple[bytes, Envelop | None]:
    """A file in a GGk envelope gives its message (validated and unwrapped); a bare file itself."""
    if not is_envelop(inhoud):
        return inhoud, None
    envelop = uitpakken(inhoud)
    return envelop.bericht, envelop


def _envelop_beoordelen(g: Gelezen, envelop: Envelop, oordeel: Oordeel) -> None:
    """The envelope must say what it carries: its functie the message's type, its zender and
    addressee the message's Afzender and Ontvanger. Otherwise the message is refused (0001)."""
    if envelop.functie != g.bt.naam:
        oordeel.fout(
            "0001",
            EIGEN_REGELS["AT08"].format(wat=f"functie {envelop.functie}", inhoud=g.bt.naam),
            regel="AT08",
        )
    elif envelop.ontvanger != g.kop["ontvanger"] or envelop.zender != g.kop["afzender"]:
        oordeel.fout(
            "0001",
            EIGEN_REGELS["AT08"].format(
                wat=f"zender {envelop.zender} en geadresseerde {envelop.ontvanger}",
                inhoud=f"afzender {g.kop['afzender']} en ontvanger {g.kop['ontvanger']}",
            ),
            regel="AT08",
        )


def _herhaling(*, bestandsnaam: str, inhoud: bytes, eerder: Bericht) -> Bericht:
    """A byte-identical re-delivery of a processed file: its own row (no checksum: the first one
    holds it) and a retour with 9056 on the header. An unreadable file has no sender to answer."""
    if eerder.status == Status.ONLEESBAAR:
        return eerder
    inhoud, _envelop = _envelop_openen(inhoud)
    g = lezen(inhoud)
    bericht = Bericht(
        richting=Richting.IN, status=Status.ONTVANGEN, inhoud=inhoud, bestandsnaam=bestandsnaam[:200]
    )
    _kop_vastleggen(bericht, g)
    oordeel = Oordeel()
    oordeel.fout(
        "9056",
        f"Dit bericht (identificatie {bericht.identificatie}) is al eerder ontvangen en verwerkt"
        f" op {eerder.verwerkt_op or eerder.aangemaakt:%d-%m-%Y %H:%M}; het is niet opnieuw verwerkt.",
        regel="TR056",
    )
    bericht.casus = eerder.casus
    bericht.antwoord_op = None
    bericht.fouten, bericht.retourcodes = oordeel.fouten, ["9056"]
    bericht.status, bericht.verwerkt_op = Status.AFGEWEZEN, timezone.now()
    bericht.save()
    _retour_sturen(bericht, g, oordeel)
    return bericht


KOP_PATRONEN = {
    "namespace": rb'xmlns(?::[\w.-]+)?="(http://www\.istandaarden\.nl/i(?:wmo|jw)/3_2/(?:wmo|jw)\d{3}/schema)"',
    **{
        veld: rb"<(?:[\w.-]+:)?" + tag.encode() + rb">\s*([^<\s]{1,40})\s*</"
        for veld, tag in (
            ("afzender", "Afzender"),
            ("ontvanger", "Ontvanger"),
            ("identificatie", "Identificatie"),
            ("dagtekening", "Dagtekening"),
            ("berichtcode", "BerichtCode"),
        )
    },
}


def _kop_uit_begin(begin: bytes) -> Gelezen | None:
    """The header of a file too large to parse, read from its first bytes (where the header is),
    so the sender can still get its retour; None when it is not recognisable."""
    import re

    gevonden = {}
    for veld, patroon in KOP_PATRONEN.items():
        match = re.search(patroon, begin)
        if match is None:
            return None
        gevonden[veld] = match.group(1).decode("ascii", errors="replace")
    bt = Berichttype.uit_namespace(gevonden.pop("namespace"))
    if bt is None:
        return None
    return Gelezen(bt=bt, root=None, kop=gevonden, schemafouten=["te groot"])


@transaction.atomic
def te_groot_vastleggen(*, bestandsnaam: str, fout: TeGroot) -> Bericht:
    """A file too large to read: a row with its first bytes and the Dutch reason, and a retour
    (0001 on the header) when its header names a known sender."""
    bericht = Bericht.objects.create(
        richting=Richting.IN,
        status=Status.ONLEESBAAR,
        inhoud=fout.begin,
        bestandsnaam=bestandsnaam[:200],
        fouten=[{"code": "0001", "regel": "AT06", "tekst": EIGEN_REGELS["AT06"].format(reden=fout)}],
        verwerkt_op=timezone.now(),
    )
    g = _kop_uit_begin(fout.begin)
    if g is not None and g.bt.nummer not in RETOURS:
        _kop_vastleggen(bericht, g)
        bericht.retourcodes = ["0001"]
        bericht.save()
        if bericht.aanbieder is not None:
            oordeel = Oordeel()
            oordeel.fout("0001", regel="AT06")
            _retour_sturen(bericht, g, oordeel)
    return bericht


@transaction.atomic
def interne_fout_vastleggen(*, bestandsnaam: str, inhoud: bytes, fout: Exception) -> Bericht:
    """A file the software failed on: kept (row and ``fout/``) with the reason, never retried in a
    loop; put it back in the inbox by hand once the fault is fixed."""
    return Bericht.objects.create(
        richting=Richting.IN,
        status=Status.ONLEESBAAR,
        inhoud=inhoud,
        bestandsnaam=bestandsnaam[:200],
        fouten=[
            {"code": "", "regel": "AT07", "tekst": EIGEN_REGELS["AT07"].format(fout=type(fout).__name__)}
        ],
        verwerkt_op=timezone.now(),
    )


def _kop_vastleggen(bericht: Bericht, g: Gelezen) -> None:
    bericht.berichttype = g.bt.naam
    bericht.afzender = g.kop["afzender"][:8]
    bericht.ontvanger = g.kop["ontvanger"][:8]
    bericht.identificatie = g.kop["identificatie"][:12]
    try:
        bericht.dagtekening = date.fromisoformat(g.kop["dagtekening"])
    except ValueError:
        bericht.dagtekening = None
    agb, gemeentecode = bericht.afzender, bericht.ontvanger
    if g.bt.nummer in RETOURS:
        # A provider's retour keeps the header of the gemeente's message; its own identification
        # is IdentificatieRetour.
        agb, gemeentecode = bericht.ontvanger, bericht.afzender
        bericht.identificatie = g.tekst(g.root, "m:Header/m:IdentificatieRetour")[:12]
    # One gemeente per message: the one the header addresses. Everything after this (client,
    # toewijzing, contract, answer) is looked up within that gemeente only.
    gemeente = Gemeente.objects.filter(cbs_code=gemeentecode).first() if gemeentecode else None
    bericht.gemeente = gemeente.naam if gemeente else ""
    bericht.aanbieder = gecontracteerde_aanbieder(agb, g.bt.standaard, gemeente)


def gecontracteerde_aanbieder(agb: str, standaard: str, gemeente: Gemeente | None) -> Partner | None:
    """The aanbieder with this AGB code that the gemeente contracts for this law: an active
    zorgaanbieder of the right soort on that gemeente's sociale kaart. A contract is per gemeente:
    the same AGB contracted by another gemeente is no contract here."""
    if not agb or gemeente is None:
        return None
    return (
        Partner.objects.filter(
            agb_code=agb, soort=TOEGESTANE_AANBIEDERS[standaard], actief=True, gemeente=gemeente.naam
        )
        .order_by("pk")
        .first()
    )


def _header_beoordelen(bericht: Bericht, g: Gelezen, oordeel: Oordeel) -> None:
    if g.schemafouten:
        oordeel.fout("0001", EIGEN_REGELS["AT05"].format(fouten="; ".join(g.schemafouten)), regel="AT05")
        return
    if g.bt.nummer not in RETOUR_VAN:
        oordeel.fout("0001", EIGEN_REGELS["AT04"].format(type=g.bt.naam), regel="AT04")
        return
    for fout in regels.controleren(g):  # the Zorginstituut's rules the gemeente checks itself
        oordeel.fout("0001", fout.tekst, klasse=fout.klasse, regel=fout.code)
    retour = g.bt.nummer in RETOURS
    if not bericht.gemeente:
        oordeel.fout("S300", regel="TR378")
    # A verzoek (315/317) of an aanbieder without a contract here is a question for a consultant,
    # not a technical fault: it becomes a task showing the missing contract (answered with a 319,
    # WJ759 reden 3 "Geen contract"). Any other message needs the contract.
    verzoek_zonder_contract = g.bt.nummer in VERZOEKEN and bericht.gemeente and bericht.afzender
    if bericht.aanbieder is None and not verzoek_zonder_contract:
        agb = bericht.ontvanger if retour else bericht.afzender
        oordeel.fout("0001", EIGEN_REGELS["AT02"].format(agb=agb), regel="AT02")
    # Two files with one identification at once: the second waits here until the first commits.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtext(%s))",
            [f"berichten:{bericht.afzender}:{bericht.identificatie}"],
        )
    dubbel = (
        Bericht.objects.filter(
            richting=Richting.IN,
            afzender=bericht.afzender,
            identificatie=bericht.identificatie,
            berichttype=bericht.berichttype,
        )
        .exclude(pk=bericht.pk)
        .exclude(status__in=[Status.ONLEESBAAR, Status.ONTVANGEN])
    )
    if dubbel.exists():
        oordeel.fout("9056", regel="TR056")
    if bericht.dagtekening and bericht.dagtekening > timezone.localdate():
        oordeel.fout("8848", regel="TR135")


def _inhoud_verwerken(bericht: Bericht, g: Gelezen, oordeel: Oordeel) -> None:
    """Apply the message in a savepoint: one error anywhere undoes all of it (never half-applied)."""
    verwerkers = {
        "305": regie.start_verwerken,
        "307": regie.stop_verwerken,
        "315": verzoeken.vot_verwerken,
        "317": verzoeken.vow_verwerken,
        "302": regie.retour_verwerken,
        "320": regie.retour_verwerken,
    }
    verwerker = verwerkers.get(g.bt.nummer)
    if verwerker is None:
        oordeel.fout("0001", EIGEN_REGELS["AT04"].format(type=g.bt.naam), regel="AT04")
        return
    sid = transaction.savepoint()
    verwerker(bericht, g, oordeel)
    if oordeel.afgekeurd:
        transaction.savepoint_rollback(sid)
    else:
        transaction.savepoint_commit(sid)


def _retour_sturen(bericht: Bericht, g: Gelezen, oordeel: Oordeel) -> None:
    nummer = RETOUR_VAN.get(g.bt.nummer)
    if not nummer:
        return
    bt = Berichttype(g.bt.standaard, nummer)
    gemeente = bericht.ontvanger
    for heen in (None if g.schemafouten else g.root, None):
        identificatie = volgende_identificatie()
        inhoud = schrijven.retourbericht(
            bt=bt,
            heen=heen,
            kop=g.kop,
            identificatie=identificatie,
            dagtekening=timezone.localdate(),
            header_codes=oordeel.header,
            klasse_codes=oordeel.klassen,
        )
        try:
            with transaction.atomic():
                bericht_opslaan(
                    bt=bt,
                    inhoud=inhoud,
                    casus=bericht.casus,
                    aanbieder=bericht.aanbieder,
                    afzender=gemeente,
                    ontvanger=bericht.afzender,
                    identificatie=identificatie,
                    antwoord_op=bericht,
                )
            return
        except ValueError:
            continue  # the echo or the header itself breaks the XSD: try the header alone
    bericht.fouten = [
        *bericht.fouten,
        {
            "code": "",
            "regel": "",
            "tekst": "Geen retourbericht mogelijk: de header van het bericht is onbruikbaar.",
        },
    ]
    bericht.save(update_fields=["fouten"])


__all__ = ["GEEN_FOUTEN", "bestand_verwerken", "inbox_verwerken"]
