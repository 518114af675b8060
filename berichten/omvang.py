"""From a voorziening's volume, eenheid and frequentie to the Omvang of a toewijzing (an integer
Volume, Eenheid WJ756, Frequentie WMO757). See docs/berichtenverkeer.md for the choices.

- "dag" has no WJ756 code: a day of stay (verblijf categories) is an etmaal (14); any other day
  (dagbesteding, dagbehandeling) is written as two dagdelen (16) of four hours.
- "per 4 weken" has no WMO757 code: it becomes per week with a quarter of the volume.
- Volume is an integer: hours that are not whole become minutes; anything else rounds half up
  (at least 1).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

EENHEID = {"minuut": "01", "uur": "04", "dagdeel": "16", "etmaal": "14", "stuk": "82", "euro": "83"}
FREQUENTIE = {"dag": "1", "week": "2", "maand": "4", "totaal": "6"}
VERBLIJF_CATEGORIEEN = frozenset({"04", "05", "15", "16", "17", "18", "43", "44"})


def _geheel(waarde: Decimal) -> int:
    return max(1, int(waarde.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def omvang(volume, eenheid: str, frequentie: str, categorie: str) -> tuple[int, str, str]:
    volume = Decimal(volume)
    if frequentie == "4weken":
        volume, frequentie = volume / 4, "week"
    if eenheid == "dag":
        if categorie in VERBLIJF_CATEGORIEEN:
            eenheid = "etmaal"
        else:
            volume, eenheid = volume * 2, "dagdeel"
    if eenheid == "uur" and volume != volume.to_integral_value():
        volume, eenheid = volume * 60, "minuut"
    return _geheel(volume), EENHEID[eenheid], FREQUENTIE[frequentie]
