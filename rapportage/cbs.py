"""CBS Beleidsinformatie Jeugd: the person-level records of the protocol (Regeling Jeugdwet,
bijlage 2, informatieprotocol versie 7) for the jeugdhulp trajectories this system holds.

What is delivered: every Jeugdwet voorziening in natura of the gemeente that ran in the half year
(started, ended or still running), one record per jeugdige, hulpvorm and start date (protocol 3.3).
Not delivered, with the reason on the list: pgb (the SVB delivers it, 3.1), jeugdbescherming and
jeugdreclassering (chapter 5, delivered by the gecertificeerde instelling), and every record with a
code that cannot be derived or fails the protocol's code lists. Every code is checked against the
lists below (copied from the protocol) before a record enters the file.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn

from altena.exports import neutraliseer
from backoffice.models import Leveringsvorm, Product, Voorziening
from intake.models import Verwijzer, Wet

from .models import CbsControle
from .periode import Periode

# The code lists of the protocol.
CODES = {
    "geslacht": {"V", "M", "O"},  # 2.4
    "verwijzer": {"01", "02", "03", "04", "05", "06", "08"},  # 3.2
    "hulpvorm": {"01", "02", "03", "04", "11", "12", "13", "14"},  # 3.3
    "crisis": {"01", "02"},  # 3.4
    "reden_beeindiging": {"01", "02", "03", "04", "05"},  # 3.7
}
VELDEN = [
    "bsn",
    "geboortedatum",
    "geslacht",
    "postcode",
    "verwijzer",
    "hulpvorm",
    "gestart_met_crisis",
    "datum_aanvang",
    "datum_einde",
    "reden_beeindiging",
]

# iJw productcategorie -> hulpvorm (3.3); None: not derivable from the category alone.
HULPVORM = {
    "40": "04",  # persoonlijke verzorging: in the jeugdige's own network
    "41": "03",  # dagbehandeling: daghulp op locatie van de aanbieder
    "43": "14",  # verblijf incl. behandeling
    "44": "14",  # verblijf excl. behandeling
    "45": "02",  # ambulant: op locatie van de aanbieder
}
NIET_JEUGDHULP = {
    "47": "jeugdreclassering (hoofdstuk 5, levert de gecertificeerde instelling)",
    "48": "jeugdbescherming (hoofdstuk 5, levert de gecertificeerde instelling)",
    "49": "preventief justitieel kader (hoofdstuk 5)",
    "42": "vervoer is geen hulpvorm van de jeugdhulp",
}
# The case's verwijzer -> CBS verwijzer (3.2). Every trajectory here follows a beschikking of the
# gemeente, so it came through the gemeentelijke toegang (01), school included (3.2 toelichting),
# unless a huisarts referred.
VERWIJZER = {Verwijzer.HUISARTS: "02"}
# Words in the reason of an early end -> reden beëindiging (3.7).
REDENEN = [
    ("doel bereikt", "01"),
    ("afgeschaald", "02"),
    ("in overleg", "02"),
    ("ingetrokken", "03"),
    ("geen contact", "03"),
    ("verhuisd", "05"),
    ("overleden", "05"),
]


@dataclass
class Uitval:
    """A trajectory that cannot be exported, and why (for the list on the page)."""

    casusnummer: str
    product: str
    reden: str


def _datum(d: date | None) -> str:
    return f"{d:%Y%m%d}" if d else ""


def _reden(v, einde: date | None, periode: Periode) -> tuple[str, str]:
    """(code, error): empty code while the trajectory runs past the period."""
    if einde is None or einde > periode.tot:
        return "", ""
    if v.beeindigd_op is None:
        return "01", ""  # ended on its planned end date
    tekst = (v.beeindigingsreden or "").lower()
    for woord, code in REDENEN:
        if woord in tekst:
            return code, ""
    return "", f"reden van beëindiging niet te coderen: “{v.beeindigingsreden or 'leeg'}”"


@dataclass(slots=True)
class Traject:
    """One Jeugdwet voorziening with what the record needs of its case, person and product."""

    casus_nummer: str
    verwijzer: str
    crisis: bool
    inwoner_id: int
    bsn: str
    geboortedatum: date | None
    postcode: str
    product: str
    categorie: str
    leveringsvorm: str
    startdatum: date
    einddatum: date | None
    beeindigd_op: date | None
    beeindigingsreden: str


def trajecten(periode: Periode, gemeente: str) -> Iterator[Traject]:
    """The Jeugdwet voorzieningen that ran in the period: one query, plain rows streamed in chunks
    (a half year of a city is tens of thousands of trajectories; model objects for each cost
    seconds, and a list of them all tens of megabytes in a web worker)."""
    producten = {p.pk: p for p in Product.objects.filter(wet=Wet.JEUGDWET)}
    rijen = (
        Voorziening.objects.filter(
            product__wet=Wet.JEUGDWET,
            casus__gemeente=gemeente,
            startdatum__lte=periode.tot,
        )
        .exclude(beeindigd_op__lt=periode.van)
        .exclude(beeindigd_op__isnull=True, einddatum__lt=periode.van)
        .order_by("casus__inwoner__bsn", "startdatum", "id")
        .values_list(
            "casus__nummer",
            "casus__verwijzer",
            "casus__crisis",
            "casus__inwoner_id",
            "casus__inwoner__bsn",
            "casus__inwoner__geboortedatum",
            "casus__inwoner__postcode",
            "product_id",
            "leveringsvorm",
            "startdatum",
            "einddatum",
            "beeindigd_op",
            "beeindigingsreden",
        )
    )
    for (nummer, verwijzer, crisis, inwoner_id, bsn, geboren, postcode, product_id, vorm, start, eind,
         beeindigd, reden) in rijen.iterator(chunk_size=2000):  # fmt: skip
        product = producten[product_id]
        yield Traject(
            nummer, verwijzer, crisis, inwoner_id, bsn, geboren, postcode or "", str(product),
            product.categorie or "", vorm, start, eind, beeindigd, reden or "",
        )  # fmt: skip


def records(
    periode: Periode, gemeente: str, cbs_code: str = ""
) -> tuple[list[dict], list[Uitval], list[int]]:
    """(records for the file, trajectories that cannot be exported, inwoner ids in the file)."""
    goed: dict[tuple, dict] = {}
    uitval: list[Uitval] = []
    inwoners: set[int] = set()
    for v in trajecten(periode, gemeente):
        cat = v.categorie

        def fout(reden, v=v):
            uitval.append(Uitval(v.casus_nummer, v.product, reden))

        if v.leveringsvorm == Leveringsvorm.PGB:
            fout("pgb: de SVB levert deze gegevens aan het CBS (protocol 3.1)")
            continue
        if cat in NIET_JEUGDHULP:
            fout(NIET_JEUGDHULP[cat])
            continue
        hulpvorm = HULPVORM.get(cat, "02" if cat == "46" else None)
        if hulpvorm is None:
            fout(f"hulpvorm niet af te leiden uit productcategorie {cat or '(geen)'}")
            continue
        try:
            bsn = stdnum_bsn.validate(v.bsn)
        except StdnumError:
            fout("het BSN voldoet niet aan de elfproef")
            continue
        einde = v.beeindigd_op or v.einddatum
        reden, reden_fout = _reden(v, einde, periode)
        if reden_fout:
            fout(reden_fout)
            continue
        postcode = v.postcode.replace(" ", "").upper() or cbs_code
        record = {
            "bsn": bsn,
            "geboortedatum": _datum(v.geboortedatum),
            "geslacht": "O",  # not registered in this system: Onbekend (2.4)
            "postcode": postcode,
            "verwijzer": VERWIJZER.get(v.verwijzer, "01"),
            "hulpvorm": hulpvorm,
            "gestart_met_crisis": "01" if v.crisis or cat == "46" else "02",
            "datum_aanvang": _datum(v.startdatum),
            "datum_einde": _datum(einde) if einde <= periode.tot else "",
            "reden_beeindiging": reden,
        }
        fouten = codefouten(record)
        if fouten:
            fout("; ".join(fouten))
            continue
        sleutel = (bsn, record["datum_aanvang"], hulpvorm)
        if sleutel in goed:  # same person, start and hulpvorm: one record (protocol 3.3)
            ander = goed[sleutel]
            if not ander["datum_einde"] or not record["datum_einde"]:
                ander["datum_einde"] = ander["reden_beeindiging"] = ""
            elif record["datum_einde"] > ander["datum_einde"]:
                ander["datum_einde"], ander["reden_beeindiging"] = (
                    record["datum_einde"],
                    record["reden_beeindiging"],
                )
            continue
        goed[sleutel] = record
        inwoners.add(v.inwoner_id)
    return list(goed.values()), uitval, sorted(inwoners)


def codefouten(record: dict) -> list[str]:
    """Every field checked against the protocol's code lists and formats."""
    fouten = []
    for veld, lijst in (
        ("geslacht", CODES["geslacht"]),
        ("verwijzer", CODES["verwijzer"]),
        ("hulpvorm", CODES["hulpvorm"]),
        ("gestart_met_crisis", CODES["crisis"]),
    ):
        if record[veld] not in lijst:
            fouten.append(f"{veld} “{record[veld]}” staat niet in de codelijst")
    if record["reden_beeindiging"] and record["reden_beeindiging"] not in CODES["reden_beeindiging"]:
        fouten.append("reden beëindiging staat niet in de codelijst")
    if bool(record["datum_einde"]) != bool(record["reden_beeindiging"]):
        fouten.append("een einddatum hoort bij een reden van beëindiging")
    for veld in ("geboortedatum", "datum_aanvang"):
        if len(record[veld]) != 8 or not record[veld].isdigit():
            fouten.append(f"{veld} is geen datum JJJJMMDD")
    pc = record["postcode"]
    if not (len(pc) == 6 and pc[:4].isdigit() and pc[4:].isalpha()) and not (len(pc) == 4 and pc.isdigit()):
        fouten.append("postcode is geen zes posities (of CBS-gemeentecode)")
    return fouten


def csv_van(rijen: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=VELDEN, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: neutraliseer(v) for k, v in rij.items()} for rij in rijen)
    return buffer.getvalue()


UITVAL_BEWAARD = 100  # the rows of what cannot be delivered that the page shows


def controle(periode: Periode, gemeente: str, cbs_code: str = "", *, opnieuw: bool = False):
    """The check of the day for this half year and gemeente: the stored one, or a new one when
    there is none from today or ``opnieuw`` (the page's "Opnieuw controleren")."""
    bestaand = CbsControle.objects.filter(gemeente=gemeente, van=periode.van, tot=periode.tot).first()
    if bestaand and not opnieuw and timezone.localtime(bestaand.berekend_op).date() == timezone.localdate():
        return bestaand
    rijen, uitval, _ids = records(periode, gemeente, cbs_code)
    controle, _ = CbsControle.objects.update_or_create(
        gemeente=gemeente,
        van=periode.van,
        tot=periode.tot,
        defaults={
            "aantal": len(rijen),
            "uitval_aantal": len(uitval),
            "uitval_per_reden": [list(p) for p in Counter(u.reden for u in uitval).most_common()],
            "uitval_eerste": [[u.casusnummer, u.product, u.reden] for u in uitval[:UITVAL_BEWAARD]],
            "berekend_op": timezone.now(),
        },
    )
    return controle
