"""Charts as inline SVG, rendered on the server: no JavaScript, no inline styles (strict CSP), and
the same picture on screen, in print and in the PDF. Suppressed values ("<5") are never drawn as
a bar: the label says "<5"."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .getallen import getal_tekst
from .onderdrukking import Cel

KLEUREN = ["#1f5f8b", "#e07b00", "#3a8a3a", "#8b1f5f", "#6b6b6b", "#b8860b", "#4b0082"]
BREEDTE = 640


def _svg(hoogte: int, titel: str, inhoud: list[str]) -> str:
    # Every text in the SVG went through escape() (_tekst and the title); numbers are formatted.
    return mark_safe(  # nosec B308 B703
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" width="100%" '
        f'viewBox="0 0 {BREEDTE} {hoogte}" aria-label="{escape(titel)}"><title>{escape(titel)}</title>'
        + "".join(inhoud)
        + "</svg>"
    )


def _tekst(x, y, tekst, anker="start", grootte=12, kleur="#222") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{grootte}" font-family="sans-serif" '
        f'text-anchor="{anker}" fill="{kleur}">{escape(tekst)}</text>'
    )


def _waarde(v) -> tuple[int, str, bool]:
    if isinstance(v, Cel):
        return (0 if v.onderdrukt else v.waarde), v.tekst, v.onderdrukt
    return int(v or 0), str(v if v is not None else "–"), False


def staven(titel: str, labels: list[str], reeksen: list[tuple[str, list]]) -> str:
    """Horizontal bars per label, one bar per series (e.g. this period and the previous one)."""
    label_breedte, rechts = 190, 50
    per_label = 6 + 16 * len(reeksen)
    hoogte = 30 + per_label * max(len(labels), 1) + 20 * len(reeksen)
    alle = [_waarde(v)[0] for _n, waarden in reeksen for v in waarden]
    maximum = max(alle + [1])
    schaal = (BREEDTE - label_breedte - rechts) / maximum
    inhoud = [] if labels else [_tekst(10, 30, "Geen gegevens in deze periode.")]
    for i, label in enumerate(labels):
        y0 = 20 + i * per_label
        inhoud.append(_tekst(label_breedte - 6, y0 + per_label / 2 + 2, label[:30], anker="end"))
        for r, (_naam, waarden) in enumerate(reeksen):
            getal, tekst, onderdrukt = _waarde(waarden[i])
            y = y0 + 3 + r * 16
            w = getal * schaal
            if not onderdrukt and w > 0:
                inhoud.append(
                    f'<rect x="{label_breedte}" y="{y:.1f}" width="{w:.1f}" height="13" '
                    f'fill="{KLEUREN[r % len(KLEUREN)]}"/>'
                )
            inhoud.append(_tekst(label_breedte + w + 4, y + 11, tekst, grootte=11))
    inhoud += _legenda([n for n, _w in reeksen], hoogte - 16 * len(reeksen))
    return _svg(hoogte, titel, inhoud)


def _legenda(namen: list[str], y: float) -> list[str]:
    uit = []
    for r, naam in enumerate(namen):
        yy = y + r * 16
        uit.append(f'<rect x="10" y="{yy:.1f}" width="12" height="12" fill="{KLEUREN[r % len(KLEUREN)]}"/>')
        uit.append(_tekst(28, yy + 10, naam, grootte=11))
    return uit


def lijnen(titel: str, x_labels: list[str], reeksen: list[tuple[str, list[int]]]) -> str:
    """Lines over time (the two legs per week)."""
    links, boven, hoogte_plot = 40, 15, 200
    legenda_hoogte = 16 * len(reeksen)
    hoogte = boven + hoogte_plot + 30 + legenda_hoogte
    maximum = max([v for _n, w in reeksen for v in w] + [1])
    stap = (BREEDTE - links - 20) / max(len(x_labels) - 1, 1)
    inhoud = [
        f'<line x1="{links}" y1="{boven + hoogte_plot}" x2="{BREEDTE - 10}" y2="{boven + hoogte_plot}" '
        'stroke="#999"/>',
        _tekst(links - 4, boven + 8, str(maximum), anker="end", grootte=10),
        _tekst(links - 4, boven + hoogte_plot, "0", anker="end", grootte=10),
    ]
    for i, label in enumerate(x_labels):
        inhoud.append(_tekst(links + i * stap, boven + hoogte_plot + 14, label, anker="middle", grootte=9))
    for r, (_naam, waarden) in enumerate(reeksen):
        punten = " ".join(
            f"{links + i * stap:.1f},{boven + hoogte_plot - v / maximum * hoogte_plot:.1f}"
            for i, v in enumerate(waarden)
        )
        inhoud.append(
            f'<polyline points="{punten}" fill="none" stroke="{KLEUREN[r % len(KLEUREN)]}" stroke-width="2"/>'
        )
    inhoud += _legenda([n for n, _w in reeksen], boven + hoogte_plot + 26)
    return _svg(hoogte, titel, inhoud)


def doorlooptijden(titel: str, kengetallen) -> str:
    """Median and 90th percentile lead time per law as bars, the legal term as a red mark."""
    label_breedte, per = 150, 44
    hoogte = 20 + per * len(kengetallen) + 52
    waarden = [k.p90 or 0 for k in kengetallen if k.zichtbaar] + [k.wettelijk for k in kengetallen]
    schaal = (BREEDTE - label_breedte - 60) / max(waarden + [1])
    inhoud = []
    for i, k in enumerate(kengetallen):
        y = 20 + i * per
        inhoud.append(_tekst(label_breedte - 6, y + 20, k.label, anker="end"))
        if k.zichtbaar:
            for r, (v, naam) in enumerate(((k.mediaan, "mediaan"), (k.p90, "p90"))):
                w = (v or 0) * schaal
                inhoud.append(
                    f'<rect x="{label_breedte}" y="{y + r * 16:.1f}" width="{w:.1f}" height="13" '
                    f'fill="{KLEUREN[r]}"/>'
                )
                inhoud.append(
                    _tekst(label_breedte + w + 4, y + r * 16 + 11, f"{getal_tekst(v)} d ({naam})", grootte=10)
                )
        else:
            inhoud.append(_tekst(label_breedte + 4, y + 20, "minder dan 5 besluiten", grootte=11))
        x = label_breedte + k.wettelijk * schaal
        inhoud.append(
            f'<line x1="{x:.1f}" y1="{y - 2}" x2="{x:.1f}" y2="{y + 32}" stroke="#c00" stroke-width="2"/>'
        )
    inhoud += _legenda(["Mediaan (dagen)", "90e percentiel (dagen)"], hoogte - 48)
    inhoud.append(
        f'<line x1="10" y1="{hoogte - 10}" x2="22" y2="{hoogte - 10}" stroke="#c00" stroke-width="2"/>'
    )
    inhoud.append(_tekst(28, hoogte - 6, "Wettelijke termijn", grootte=11))
    return _svg(hoogte, titel, inhoud)
