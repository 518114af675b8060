"""Small SQL building blocks the ORM lacks."""

from collections.abc import Iterable

from django.contrib.postgres.fields import ArrayField
from django.db.models import BigIntegerField, BooleanField, F, Func, Value


class EenVan(Func):
    """``veld = ANY(%s)`` with the ids as one array parameter: ``.filter(EenVan("pk", ids))``.

    Means the same as ``pk__in=ids``, but Django prepares an ``__in`` list element by element and
    the database driver quotes it into the SQL one by one: for a few thousand ids (the cases of the
    overdue terms) that cost 15 ms of a request's Python time; one array parameter costs well under
    one."""

    template = "%(expressions)s"
    arg_joiner = " = ANY("
    output_field = BooleanField()
    conditional = True

    def __init__(self, veld: str, ids: Iterable[int]):
        lijst = Value(list(ids), output_field=ArrayField(BigIntegerField()))
        super().__init__(F(veld), lijst)

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        return f"({sql}))", params
