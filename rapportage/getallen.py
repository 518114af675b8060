"""One rounding and one way of writing for the raad report's ratios and lead times, so the page, the
XLSX, the PDF and the charts show the same figure (a median of 10.5 days is 10,5 everywhere, never 11
on one and 10.5 on the other)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def afgerond(waarde: float | int | None, decimalen: int = 1) -> int | float | None:
    """Round half up once, to ``decimalen`` places; a whole result is an int (10, not 10.0)."""
    if waarde is None:
        return None
    d = Decimal(str(waarde)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return int(d) if d == d.to_integral_value() else float(d)


def getal_tekst(waarde: int | float | None, leeg: str = "–") -> str:
    """A rounded figure as Dutch text: 10,5 or 10."""
    if waarde is None:
        return leeg
    return str(waarde).replace(".", ",")
