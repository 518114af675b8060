"""The portal's list is read in the order of its own index (verwijzing_portaal_volgorde), so a page
of 25 reads its own rows and not every open referral of the partner (docs/scaling.md)."""

import pytest
from django.db import connection

from partner import selectors

pytestmark = pytest.mark.django_db


def test_the_list_order_is_the_order_of_its_index(medewerker, verwijzing):
    qs = selectors.overzicht(medewerker.gebruiker)[:25]
    assert list(qs) == [verwijzing]
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        # On a handful of rows the planner would rather sort; forbid that, as a million rows do.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(r[0] for r in cursor.fetchall())
    assert "verwijzing_portaal_volgorde" in plan, plan
    assert "Sort" not in plan.split("verwijzing_portaal_volgorde")[0], plan
