"""The sweeps' promise "no table name is written out by hand": every table they name comes from a
model (``TABEL``), so a renamed table cannot silently break a sweep."""

import inspect

from django.apps import apps

from signalen import sweeps


def test_the_sweeps_write_out_no_table_name():
    bron = inspect.getsource(sweeps)
    tabellen = {m._meta.db_table for m in apps.get_models()}
    met_de_hand = sorted(t for t in tabellen if f" {t} " in bron or f"{t}." in bron.replace("TABEL.", ""))
    assert met_de_hand == []
