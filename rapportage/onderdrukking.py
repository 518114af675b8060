"""Small-number suppression for the raad report and its exports.

Primary: every count below ``DREMPEL`` (0 to 4) is shown as "<5".
Secondary: a table with totals is a set of equations (members + their total): row totals, column
totals, subtotals per group of rows (a former municipality over its kernen) and the grand total.
When one equation has exactly one suppressed member, that member is its total minus the visible
others. So while an equation has exactly one suppressed member, the smallest other visible member
of it (a cell before a total) is suppressed too, until no equation has exactly one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DREMPEL = 5
ONDERDRUKT = "<5"  # primary: the count itself is below DREMPEL
# Secondary: a count of DREMPEL or more hidden so that a total cannot give a "<5" away. Its own mark
# (the CBS sign for "geheim"), so no reader takes a 26 for a number below five.
ONDERDRUKT_SECUNDAIR = "x"
LEGENDA = (
    (ONDERDRUKT, f"minder dan {DREMPEL} (niet gepubliceerd)"),
    (
        ONDERDRUKT_SECUNDAIR,
        f"{DREMPEL} of meer, verborgen omdat een totaal anders een aantal onder de {DREMPEL} zou verraden "
        "(secundaire onderdrukking)",
    ),
)


@dataclass(eq=False)
class Cel:
    waarde: int
    onderdrukt: bool = False
    secundair: bool = False

    @property
    def teken(self) -> str:
        """The mark of a suppressed cell ("" when shown): primary and secondary differ."""
        if not self.onderdrukt:
            return ""
        return ONDERDRUKT_SECUNDAIR if self.secundair else ONDERDRUKT

    @property
    def tekst(self) -> str:
        return self.teken or str(self.waarde)

    @property
    def export(self):
        """The value for an export: the number, or the mark ("<5" or "x")."""
        return self.teken or self.waarde


@dataclass(eq=False)
class Groep:
    """A subtotal over some rows (e.g. the kernen of a former municipality)."""

    label: str
    rijen: list[int]
    cellen: list[Cel] = field(default_factory=list)
    totaal: Cel | None = None


@dataclass(eq=False)
class Tabel:
    """A count table: rows x columns, with optional row totals, column totals and row groups."""

    sleutel: str
    titel: str
    kop: str  # the heading of the row labels
    kolommen: list[str]
    rijen: list[str]
    waarden: list[list[int]]
    rijtotaal: bool = True
    kolomtotaal: bool = True
    groepen: list[Groep] = field(default_factory=list)
    toelichting: str = ""
    vorige: Tabel | None = None  # the same table for the previous period

    def __post_init__(self):
        self.cellen = [[Cel(v) for v in rij] for rij in self.waarden]
        kolomsommen = [sum(rij[j] for rij in self.waarden) for j in range(len(self.kolommen))]
        self.rijtotalen = [Cel(sum(rij)) for rij in self.waarden] if self.rijtotaal else []
        self.kolomtotalen = [Cel(s) for s in kolomsommen] if self.kolomtotaal else []
        self.totaal = Cel(sum(kolomsommen)) if self.rijtotaal and self.kolomtotaal else None
        for g in self.groepen:
            g.cellen = [Cel(sum(self.waarden[i][j] for i in g.rijen)) for j in range(len(self.kolommen))]
            g.totaal = Cel(sum(c.waarde for c in g.cellen)) if self.rijtotaal else None
        onderdruk(self)

    def vergelijkingen(self) -> list[list[Cel]]:
        """Each equation as its members; the last member is the total."""
        eq = []
        if self.rijtotaal:
            eq += [[*rij, t] for rij, t in zip(self.cellen, self.rijtotalen, strict=True)]
        if self.kolomtotaal:
            for j, kt in enumerate(self.kolomtotalen):
                eq.append([*(rij[j] for rij in self.cellen), kt])
                if self.groepen:
                    eq.append([*(g.cellen[j] for g in self.groepen), kt])
        if self.totaal is not None:
            eq.append([*self.rijtotalen, self.totaal])
            eq.append([*self.kolomtotalen, self.totaal])
        for g in self.groepen:
            for j, sub in enumerate(g.cellen):
                eq.append([*(self.cellen[i][j] for i in g.rijen), sub])
            if g.totaal is not None:
                eq.append([*g.cellen, g.totaal])
                eq.append([*(self.rijtotalen[i] for i in g.rijen), g.totaal])
        if self.groepen and self.totaal is not None:
            eq.append([*(g.totaal for g in self.groepen), self.totaal])
        return eq

    def alle_cellen(self) -> list[Cel]:
        uit = [c for rij in self.cellen for c in rij] + self.rijtotalen + self.kolomtotalen
        for g in self.groepen:
            uit += g.cellen + ([g.totaal] if g.totaal else [])
        return uit + ([self.totaal] if self.totaal else [])

    def regels(self) -> list[dict]:
        """Rows for display and export, each group's rows followed by its subtotal."""
        uit = []
        in_groep = {i: g for g in self.groepen for i in g.rijen}
        for g in self.groepen or [None]:
            indices = g.rijen if g else [i for i in range(len(self.rijen)) if i not in in_groep]
            for i in indices:
                uit.append(
                    {
                        "label": self.rijen[i],
                        "cellen": self.cellen[i],
                        "totaal": self.rijtotalen[i] if self.rijtotaal else None,
                        "vorige": self.vorige.kerncel(i) if self.vorige else None,
                        "subtotaal": False,
                    }
                )
            if g:
                uit.append(
                    {
                        "label": f"Totaal {g.label}",
                        "cellen": g.cellen,
                        "totaal": g.totaal,
                        "vorige": self.vorige.groepcel(g.label) if self.vorige else None,
                        "subtotaal": True,
                    }
                )
        return uit

    def kerncel(self, i: int) -> Cel:
        """The one figure of row i that stands for the row: its total, or its first cell."""
        return self.rijtotalen[i] if self.rijtotaal else self.cellen[i][0]

    def groepcel(self, label: str) -> Cel | None:
        for g in self.groepen:
            if g.label == label:
                return g.totaal if g.totaal is not None else g.cellen[0]
        return None

    @property
    def eindcel(self) -> Cel | None:
        """The figure that stands for the whole table: the grand total, or the first column total."""
        if self.totaal is not None:
            return self.totaal
        return self.kolomtotalen[0] if self.kolomtotalen else None

    @property
    def vergelijk_kolom(self) -> str:
        return "Totaal" if self.rijtotaal else (self.kolommen[0] if self.kolommen else "")


def onderdruk(tabel: Tabel) -> None:
    for cel in tabel.alle_cellen():
        if cel.waarde < DREMPEL:
            cel.onderdrukt = True
    veranderd = True
    while veranderd:
        veranderd = False
        for leden in tabel.vergelijkingen():
            if sum(1 for c in leden if c.onderdrukt) != 1:
                continue
            zichtbaar = [c for c in leden[:-1] if not c.onderdrukt] or [c for c in leden if not c.onderdrukt]
            if not zichtbaar:  # a one-member equation: nothing to recover from
                continue
            kleinste = min(zichtbaar, key=lambda c: c.waarde)
            kleinste.onderdrukt = kleinste.secundair = True
            veranderd = True


def herleidbare_cellen(tabel: Tabel) -> list[Cel]:
    """The recovery attack: suppressed members an attacker computes as a total minus the visible
    others (an equation with exactly one unknown). Empty when the suppression is sound."""
    gevonden = []
    for leden in tabel.vergelijkingen():
        verborgen = [c for c in leden if c.onderdrukt]
        if len(verborgen) == 1:
            gevonden.append(verborgen[0])
    return gevonden
