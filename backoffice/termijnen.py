"""The legal terms (wettelijke termijnen) of maatwerk: pure date arithmetic, no database.

Every deadline of ``docs/domain.md`` is computed here, in calendar days counted from the day after the
start event (a melding on Monday 2 March with a six-week term ends on Monday 13 April), then:

1. opschorting (Awb 4:15, 7:10 lid 2): the days the term stood still are added;
2. verdaging (Awb 4:14, 7:10 lid 3): the new date told to the inhabitant replaces the deadline;
3. Algemene termijnenwet art. 1: a deadline on a Saturday, Sunday or algemeen erkende feestdag
   moves to the next day that is none of these.

The feestdagen are the Atw's own list (art. 3 lid 1 and 2, computed here) plus the days
*gelijkgesteld* by decree (art. 3 lid 3), which are data (``backoffice.Feestdag``) passed in by the
caller. Each result carries a Dutch explanation of the rules that made it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter


class TermijnSoort:
    """The kinds of term; values are stored in ``Termijn.soort``."""

    WMO_ONDERZOEK = "wmo_onderzoek"
    WMO_PLAN = "wmo_plan"
    WMO_BESCHIKKING = "wmo_beschikking"
    JEUGD_BESCHIKKING = "jeugd_beschikking"
    PW_BESCHIKKING = "pw_beschikking"
    PW_VOORSCHOT = "pw_voorschot"
    BEZWAAR_BESLISSING = "bezwaar_beslissing"

    CHOICES = [
        (WMO_ONDERZOEK, "Wmo: onderzoek afronden"),
        (WMO_PLAN, "Wmo: persoonlijk plan inleveren"),
        (WMO_BESCHIKKING, "Wmo: beschikking op de aanvraag"),
        (JEUGD_BESCHIKKING, "Jeugdwet: beschikking op de aanvraag"),
        (PW_BESCHIKKING, "Participatiewet: beschikking op de aanvraag"),
        (PW_VOORSCHOT, "Participatiewet: voorschot"),
        (BEZWAAR_BESLISSING, "Beslissing op bezwaar"),
    ]


@dataclass(frozen=True)
class Termijnregel:
    """One row of the table of legal terms."""

    dagen: int
    omschrijving: str  # e.g. "6 weken"
    na: str  # the start event, e.g. "melding"
    grondslag: str


REGELS: dict[str, Termijnregel] = {
    TermijnSoort.WMO_ONDERZOEK: Termijnregel(42, "6 weken", "melding", "Wmo 2015 art. 2.3.2"),
    TermijnSoort.WMO_PLAN: Termijnregel(7, "7 dagen", "melding", "Wmo 2015 art. 2.3.2"),
    TermijnSoort.WMO_BESCHIKKING: Termijnregel(14, "2 weken", "aanvraag", "Wmo 2015 art. 2.3.5"),
    TermijnSoort.JEUGD_BESCHIKKING: Termijnregel(56, "ten hoogste 8 weken", "aanvraag", "Awb 4:13"),
    TermijnSoort.PW_BESCHIKKING: Termijnregel(56, "8 weken", "aanvraag", "Awb 4:13"),
    TermijnSoort.PW_VOORSCHOT: Termijnregel(28, "4 weken", "aanvraag", "Participatiewet art. 52"),
}

BEZWAARTERMIJN = Termijnregel(42, "6 weken", "bekendmaking van het besluit", "Awb 6:7, 6:8")
BESLISTERMIJN_BEZWAAR = Termijnregel(42, "6 weken", "einde bezwaartermijn", "Awb 7:10 lid 1")
BESLISTERMIJN_BEZWAAR_COMMISSIE = Termijnregel(
    84, "12 weken", "einde bezwaartermijn", "Awb 7:10 lid 1, met adviescommissie"
)
MAX_VERDAGING_BEZWAAR = timedelta(weeks=6)  # Awb 7:10 lid 3: once, at most six weeks

WEEKDAGEN = ["ma", "di", "wo", "do", "vr", "za", "zo"]


def fmt(d: date) -> str:
    """2-3-2026, the Dutch short date used in explanations."""
    return f"{d.day}-{d.month}-{d.year}"


def fmt_kort(d: date) -> str:
    """za 11-4: weekday and day-month, for the Atw shift."""
    return f"{WEEKDAGEN[d.weekday()]} {d.day}-{d.month}"


# --- Feestdagen of the Algemene termijnenwet ---------------------------------------------------


def wettelijke_feestdagen(jaar: int) -> dict[date, str]:
    """The feestdagen of Atw art. 3 lid 1 and 2 in a year (not the decreed days of lid 3).

    Unlike a general holiday calendar, 5 mei counts every year, and Goede Vrijdag counts. Eerste
    Paas- and Pinksterdag are not listed: they are Sundays anyway.
    """
    pasen = easter(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # a Sunday: Koningsdag is on Saturday 26 April
        koningsdag = date(jaar, 4, 26)
    return {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen - timedelta(days=2): "Goede Vrijdag",
        pasen + timedelta(days=1): "Tweede Paasdag",
        koningsdag: "Koningsdag",
        date(jaar, 5, 5): "5 mei (Bevrijdingsdag)",
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=50): "Tweede Pinksterdag",
        date(jaar, 12, 25): "Eerste Kerstdag",
        date(jaar, 12, 26): "Tweede Kerstdag",
    }


class Feestdagen:
    """The Atw feestdagen: computed by law for any year, plus the decreed days given as data."""

    def __init__(self, gelijkgesteld: dict[date, str] | Iterable[tuple[date, str]] | None = None):
        self._gelijkgesteld = dict(gelijkgesteld or {})
        self._per_jaar: dict[int, dict[date, str]] = {}

    def _jaar(self, jaar: int) -> dict[date, str]:
        if jaar not in self._per_jaar:
            dagen = wettelijke_feestdagen(jaar)
            for d, naam in self._gelijkgesteld.items():
                if d.year == jaar and d not in dagen:
                    dagen[d] = f"{naam} (gelijkgesteld bij besluit)"
            self._per_jaar[jaar] = dagen
        return self._per_jaar[jaar]

    def naam(self, d: date) -> str | None:
        return self._jaar(d.year).get(d)

    def __contains__(self, d: date) -> bool:
        return d in self._jaar(d.year)


def reden_geen_werkdag(d: date, feestdagen: Feestdagen) -> str | None:
    naam = feestdagen.naam(d)
    if naam:
        return naam
    if d.weekday() == 5:
        return "zaterdag"
    if d.weekday() == 6:
        return "zondag"
    return None


def atw_verschuiven(d: date, feestdagen: Feestdagen) -> tuple[date, list[str]]:
    """Algemene termijnenwet art. 1: the first day on or after ``d`` that is no Saturday, Sunday
    or feestdag, and the reasons of every day skipped."""
    redenen: list[str] = []
    while (reden := reden_geen_werkdag(d, feestdagen)) is not None:
        if reden not in redenen:
            redenen.append(reden)
        d += timedelta(days=1)
    return d, redenen


# --- Results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Uitkomst:
    """A computed deadline and the Dutch explanation of the rule that made it."""

    uiterste_datum: date
    regel: str
    basisdatum: date  # before the Algemene termijnenwet


def _afronden(basis: date, uitleg: list[str], feestdagen: Feestdagen) -> Uitkomst:
    eind, redenen = atw_verschuiven(basis, feestdagen)
    if eind != basis:
        uitleg.append(
            f"verschoven van {fmt_kort(basis)} naar {fmt_kort(eind)} "
            f"(Algemene termijnenwet: {', '.join(_samenvatten(redenen))})"
        )
    return Uitkomst(uiterste_datum=eind, regel="; ".join(uitleg), basisdatum=basis)


def _samenvatten(redenen: list[str]) -> list[str]:
    """'zaterdag' and 'zondag' read as 'weekend', in the order the days came."""
    if "zaterdag" in redenen and "zondag" in redenen:
        uit: list[str] = []
        for r in redenen:
            r = "weekend" if r in ("zaterdag", "zondag") else r
            if r not in uit:
                uit.append(r)
        return uit
    return redenen


def bereken_termijn(
    soort: str,
    startdatum: date,
    *,
    feestdagen: Feestdagen,
    opgeschort_dagen: int = 0,
    verdaagd_tot: date | None = None,
) -> Uitkomst:
    """The deadline of a term of ``soort`` that started with the event on ``startdatum``."""
    if soort == TermijnSoort.BEZWAAR_BESLISSING:
        raise ValueError("Gebruik bereken_beslistermijn_bezwaar voor een bezwaar.")
    regel = REGELS[soort]
    basis = startdatum + timedelta(days=regel.dagen)
    uitleg = [f"{regel.omschrijving} na {regel.na} {fmt(startdatum)} ({regel.grondslag})"]
    return _aanpassen(basis, uitleg, feestdagen, opgeschort_dagen, verdaagd_tot, verdaging_grond="Awb 4:14")


def _aanpassen(
    basis: date,
    uitleg: list[str],
    feestdagen: Feestdagen,
    opgeschort_dagen: int,
    verdaagd_tot: date | None,
    *,
    verdaging_grond: str,
) -> Uitkomst:
    if opgeschort_dagen < 0:
        raise ValueError("Het aantal opgeschorte dagen kan niet negatief zijn.")
    if opgeschort_dagen:
        basis += timedelta(days=opgeschort_dagen)
        dagen = "dag" if opgeschort_dagen == 1 else "dagen"
        uitleg.append(f"{opgeschort_dagen} {dagen} opgeschort, dus tot {fmt(basis)} (Awb 4:15)")
    if verdaagd_tot is not None:
        basis = verdaagd_tot
        uitleg.append(f"verdaagd tot {fmt(verdaagd_tot)} ({verdaging_grond})")
    return _afronden(basis, uitleg, feestdagen)


# --- Bezwaar (Awb 6:7, 6:8, 7:10) ------------------------------------------------------------


def bereken_einde_bezwaartermijn(bekendgemaakt_op: date, *, feestdagen: Feestdagen) -> Uitkomst:
    """The last day to lodge an objection: 6 weeks from the day after the besluit was sent."""
    basis = bekendgemaakt_op + timedelta(days=BEZWAARTERMIJN.dagen)
    uitleg = [
        f"bezwaartermijn {BEZWAARTERMIJN.omschrijving} na bekendmaking {fmt(bekendgemaakt_op)} "
        f"({BEZWAARTERMIJN.grondslag})"
    ]
    return _afronden(basis, uitleg, feestdagen)


def bezwaar_te_laat(ontvangen_op: date, einde_bezwaartermijn: date) -> bool:
    return ontvangen_op > einde_bezwaartermijn


def bereken_beslistermijn_bezwaar(
    *,
    einde_bezwaartermijn: date,
    ontvangen_op: date,
    adviescommissie: bool,
    feestdagen: Feestdagen,
    opgeschort_dagen: int = 0,
    verdaagd_tot: date | None = None,
) -> Uitkomst:
    """Awb 7:10: 6 weeks (12 with an advisory committee) counted from the day after the objection
    period ended, not from receipt. A late objection has no such period left: its term counts from
    the day after receipt (an assumption of this system; the Awb does not say)."""
    regel = BESLISTERMIJN_BEZWAAR_COMMISSIE if adviescommissie else BESLISTERMIJN_BEZWAAR
    if bezwaar_te_laat(ontvangen_op, einde_bezwaartermijn):
        start, na = ontvangen_op, f"ontvangst van het te laat ingediende bezwaar {fmt(ontvangen_op)}"
    else:
        start, na = einde_bezwaartermijn, f"einde bezwaartermijn {fmt(einde_bezwaartermijn)}"
    basis = start + timedelta(days=regel.dagen)
    uitleg = [f"{regel.omschrijving} na {na} ({regel.grondslag})"]
    return _aanpassen(
        basis, uitleg, feestdagen, opgeschort_dagen, verdaagd_tot, verdaging_grond="Awb 7:10 lid 3"
    )


def soorten_bij_aanvraag(wet: str, *, voorschot: bool = False) -> list[str]:
    """The terms an aanvraag starts under a law."""
    if wet == "wmo":
        return [TermijnSoort.WMO_BESCHIKKING]
    if wet == "jeugdwet":
        return [TermijnSoort.JEUGD_BESCHIKKING]
    if wet == "participatiewet":
        return [TermijnSoort.PW_BESCHIKKING, *([TermijnSoort.PW_VOORSCHOT] if voorschot else [])]
    raise ValueError(f"Onbekende wet: {wet!r}")
