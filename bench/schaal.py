"""How each page's cost grows with the data: the sequential medians of the newest run per size
(bench/results-*.json with a ``sequential`` part), side by side, and a plot of median against size.

Each size has its own database and may be run in another session; every run adds or replaces its
own size. ``python bench/schaal.py`` rewrites the plot from the files present.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_FLAT_FACTOR, TARGET_FLAT_MS = 1.25, 2.0  # largest size vs smallest: 1.25x or 2 ms more
FIGUUR = "schaal.png"


def per_grootte(directory: Path = HERE) -> dict[int, dict]:
    """{cases: result} with the newest run (by date, then file name) per size."""
    runs: dict[int, tuple[str, dict]] = {}
    for path in sorted(directory.glob("results-*.json")):
        data = json.loads(path.read_text())
        if "sequential" not in data:
            continue
        key = (data["date"], path.name)
        n = int(data["casussen"])
        if n not in runs or key > runs[n][0]:
            runs[n] = (key, data)
    return {n: runs[n][1] for n in sorted(runs)}


def _fmt(n: int) -> str:
    return f"{n / 1e6:g}M" if n >= 1_000_000 else f"{n // 1000}k"


def schaal_tabel(directory: Path = HERE) -> list[str]:
    """Markdown: per page the sequential median at every size, its ratio to that run's floor at
    the largest size, and the growth from the smallest to the largest size."""
    runs = per_grootte(directory)
    if not runs:
        return []
    sizes = list(runs)
    pages = sorted({p for r in runs.values() for p in r["sequential"]["pages"]})
    downloads = sorted({p for r in runs.values() for p in r["sequential"].get("downloads", {})})
    groot = sizes[-1]
    kop = " | ".join(f"{_fmt(n)} ms" for n in sizes)
    lines = [
        "",
        "## How the cost grows: sequential medians per size",
        "",
        "One request at a time against gunicorn with 2 workers (see above); each size its own database "
        "and its own run: "
        + "; ".join(
            f"{_fmt(n)} on {r['date']}, load average {r['sequential'].get('load_average', [0])[0]:.1f}"
            for n, r in runs.items()
        )
        + ". Floor: the anonymous login page in the same run. Target: at the largest size within "
        f"10x the floor; from the smallest to the largest size within {TARGET_FLAT_FACTOR}x or "
        f"{TARGET_FLAT_MS:g} ms more. Plot: `bench/{FIGUUR}`.",
        "",
        f"| page | {kop} | x floor at {_fmt(groot)} | growth | flat |",
        "| --- | " + " | ".join("---:" for _ in sizes) + " | ---: | ---: | --- |",
        "| floor `/accounts/login/` | "
        + " | ".join(f"{runs[n]['sequential']['floor_median_ms']:.1f}" for n in sizes)
        + " | 1.0 | | |",
    ]
    for kind, names in (("pages", pages), ("downloads", downloads)):
        if kind == "downloads" and names:
            lines.append(f"| **downloads** | {' | '.join('' for _ in sizes)} | | | |")
        for page in names:
            medians = [runs[n]["sequential"][kind].get(page, {}).get("median_ms") for n in sizes]
            cells = " | ".join("–" if m is None else f"{m:.1f}" for m in medians)
            last = medians[-1]
            factor = f"{last / runs[groot]['sequential']['floor_median_ms']:.1f}" if last else "–"
            first = next((m for m in medians if m is not None), None)
            if last and first and len(sizes) > 1:
                growth = f"{last / first:.2f}x"
                flat = "ja" if last <= max(first * TARGET_FLAT_FACTOR, first + TARGET_FLAT_MS) else "**nee**"
            else:
                growth, flat = "–", "–"
            lines.append(f"| `{page}` | {cells} | {factor} | {growth} | {flat} |")
    return lines


def schaal_figuur(directory: Path = HERE) -> Path | None:
    """A log-log plot of each page's sequential median against the number of cases."""
    runs = per_grootte(directory)
    if not runs:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = list(runs)
    pages = sorted({p for r in runs.values() for p in r["sequential"]["pages"]})
    fig, ax = plt.subplots(figsize=(10, 7))
    for page in pages:
        xs = [n for n in sizes if page in runs[n]["sequential"]["pages"]]
        ys = [runs[n]["sequential"]["pages"][page]["median_ms"] for n in xs]
        ax.plot(xs, ys, marker="o", linewidth=1, alpha=0.7, label=page if ys and max(ys) > 20 else None)
    floor = [runs[n]["sequential"]["floor_median_ms"] for n in sizes]
    ax.plot(sizes, floor, "k--", marker="s", label="floor (/accounts/login/)")
    ax.plot(sizes, [10 * f for f in floor], "r:", label="10x floor")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("casussen")
    ax.set_ylabel("median ms (one request at a time, 2 workers)")
    ax.set_title("Altena Toegang: cost per page against size")
    ax.legend(fontsize=7, loc="upper left")
    ax.grid(True, which="both", alpha=0.3)
    out = directory / FIGUUR
    fig.savefig(out, dpi=90, bbox_inches="tight")
    plt.close(fig)
    return out


if __name__ == "__main__":
    print(schaal_figuur() or "geen resultaten met een sequentieel deel")
