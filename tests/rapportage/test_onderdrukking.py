"""Small-number suppression: primary (<5) and secondary, tested with the recovery attack."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rapportage.exports import tabel_regels
from rapportage.onderdrukking import Groep, Tabel, herleidbare_cellen

VERBORGEN = ("<5", "x")


def tabel(waarden, **kw):
    return Tabel(
        sleutel="t",
        titel="T",
        kop="Kern",
        kolommen=[f"k{j}" for j in range(len(waarden[0]))],
        rijen=[f"r{i}" for i in range(len(waarden))],
        waarden=waarden,
        **kw,
    )


def aanval(regels) -> dict:
    """What an attacker recovers from the published table (header, rows with a total in the last
    column, a totals row last): every '<5' that is alone in its row or column is its total minus the
    visible others. Both marks ("<5" primary, "x" secondary) hide a value. Returns {(row, col): value}."""
    body = [r[1:] for r in regels[1:]]
    gevonden = {}
    for i, rij in enumerate(body):
        verborgen = [j for j, v in enumerate(rij) if v in VERBORGEN]
        if len(verborgen) == 1 and verborgen[0] != len(rij) - 1:
            gevonden[(i, verborgen[0])] = rij[-1] - sum(v for v in rij[:-1] if v not in VERBORGEN)
    for j in range(len(body[0])):
        kolom = [rij[j] for rij in body]
        verborgen = [i for i, v in enumerate(kolom) if v in VERBORGEN]
        if len(verborgen) == 1 and verborgen[0] != len(kolom) - 1:
            gevonden[(verborgen[0], j)] = kolom[-1] - sum(v for v in kolom[:-1] if v not in VERBORGEN)
    return gevonden


def test_cells_below_five_show_as_less_than_five():
    t = tabel([[10, 3], [8, 12]])
    assert [[c.tekst for c in r] for r in t.cellen][0][1] == "<5"
    assert all(c.onderdrukt for c in t.alle_cellen() if c.waarde < 5)


def test_the_recovery_attack_works_without_secondary_suppression():
    """The attack is real: with primary suppression alone, the row total gives the 3 away."""
    gepubliceerd = [
        ["Kern", "k0", "k1", "Totaal"],
        ["r0", 10, "<5", 13],
        ["r1", 8, 12, 20],
        ["Totaal", 18, 15, 33],
    ]
    assert aanval(gepubliceerd) == {(0, 1): 3}


def test_secondary_suppression_defeats_the_recovery_attack():
    t = tabel([[10, 3], [8, 12]])
    regels = tabel_regels(t)
    assert regels[1] == ["r0", "x", "<5", 13]  # 10 hidden too (its own mark): otherwise 13 - 10 = 3
    assert aanval(regels) == {}
    assert herleidbare_cellen(t) == []
    assert sum(1 for c in t.alle_cellen() if c.secundair) >= 2


def test_a_subtotal_of_a_former_municipality_cannot_reveal_a_kern():
    """Aalburg = Veen + Eethen: with the subtotal shown, Eethen's 2 would follow from Veen's 7."""
    t = tabel([[7], [2], [20]], rijtotaal=False, groepen=[Groep("Aalburg", [0, 1]), Groep("Werkendam", [2])])
    assert t.cellen[1][0].onderdrukt and t.cellen[0][0].onderdrukt
    assert herleidbare_cellen(t) == []


def test_a_column_total_alone_does_not_reveal_a_single_suppressed_row():
    t = tabel([[40], [3], [25]], rijtotaal=False)
    assert [c.tekst for r in t.cellen for c in r] == ["40", "<5", "x"]  # 25 hidden: 68 - 40 - 25 = 3
    assert herleidbare_cellen(t) == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=4), min_size=1, max_size=6
    ).filter(lambda rows: len({len(r) for r in rows}) == 1),
    st.booleans(),
)
def test_no_suppressed_cell_is_ever_recoverable(waarden, rijtotaal):
    t = tabel(waarden, rijtotaal=rijtotaal)
    assert herleidbare_cellen(t) == []
    if rijtotaal:
        assert aanval(tabel_regels(t)) == {}
    for cel in t.alle_cellen():
        if cel.waarde < 5:
            assert cel.tekst == "<5"
        elif cel.onderdrukt:  # secondary: never the primary mark for a count of five or more
            assert cel.secundair and cel.tekst == "x"
