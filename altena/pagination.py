"""Keyset pagination for work queues over large tables (a million cases).

Django's Paginator counts every matching row and skips the earlier pages with OFFSET, so the last
page of a queue over 200,000 cases reads all 200,000. ``SleutelPaginator`` walks an index in the
queue's own order instead:

* the order is a list of *ascending* key expressions ending in the primary key (a descending key
  is written as an ascending expression, e.g. crisis first = ``CASE WHEN crisis THEN 0 ELSE 1``),
  and a matching index exists on exactly those expressions;
* a page after (or before) a row is ``(k1, k2, ..., pk) > (v1, v2, ..., id)`` (a row comparison
  PostgreSQL answers from the index), the values read from that row; the link carries only the
  row's id (``?na=123``, ``?voor=123``); the last page is the first page of the reversed order;
* the count stops at ``max_telling`` ("meer dan 1.000 casussen"): an exact figure is not worth
  reading 200,000 rows for on every page view;
* only the primary keys are sorted; the rows of the page are then loaded in full (with their
  joins and annotations) by ``laden(ids)``, in the same order.

Every page, first, middle or last, reads about ``per_pagina`` index entries when the filter lets
most rows through. A boundary id that is unknown, outside the user's scope or no number gives the
first page: hostile input never gives an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db.models import BooleanField, Expression, F, Func, Value
from django.db.models.expressions import OrderBy

PARAMS = ("na", "voor", "page")


class RijVergelijking(Func):
    """``(a, b, c) > (x, y, z)``: SQL's row comparison, which a b-tree index on (a, b, c) answers."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, links: Sequence, rechts: Sequence, operator: str):
        if len(links) != len(rechts) or operator not in (">", "<"):
            raise ValueError("rijvergelijking: ongelijke lengte of onbekende operator")
        self.aantal = len(links)
        self.operator = operator
        waarden = [w if hasattr(w, "resolve_expression") else Value(w) for w in rechts]
        super().__init__(*links, *waarden)

    def as_sql(self, compiler, connection, **extra):
        delen, params = [], []
        for expressie in self.get_source_expressions():
            sql, p = compiler.compile(expressie)
            delen.append(sql)
            params.extend(p)
        links, rechts = delen[: self.aantal], delen[self.aantal :]
        return f"(({', '.join(links)}) {self.operator} ({', '.join(rechts)}))", params


@dataclass
class SleutelPagina:
    object_list: list
    paginator: SleutelPaginator
    has_previous: bool
    has_next: bool
    _ids: list = field(default_factory=list)

    @property
    def vorige_voor(self):
        return self._ids[0] if self._ids else None

    @property
    def volgende_na(self):
        return self._ids[-1] if self._ids else None

    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next


class SleutelPaginator:
    def __init__(
        self,
        queryset,
        sleutels: Sequence,
        laden: Callable[[list], list],
        per_pagina: int = 25,
        max_telling: int = 1000,
    ):
        self.queryset = queryset
        self.sleutels = [F(s) if isinstance(s, str) else s for s in sleutels] + [F("pk")]
        self.laden = laden
        self.per_page = per_pagina
        self.max_telling = max_telling
        self._count = None

    # --- the count, bounded ------------------------------------------------------------------
    @property
    def count(self) -> int:
        if self._count is None:
            self._count = self.queryset.order_by()[: self.max_telling + 1].count()
        return min(self._count, self.max_telling)

    @property
    def count_begrensd(self) -> bool:
        self.count  # noqa: B018 (fills _count)
        return self._count > self.max_telling

    @property
    def max_telling_tekst(self) -> str:
        return f"{self.max_telling:,}".replace(",", ".")

    # --- pages --------------------------------------------------------------------------------
    def _volgorde(self, omgekeerd: bool = False) -> list[Expression]:
        return [OrderBy(s, descending=omgekeerd) for s in self.sleutels]

    def _waarden(self, pk) -> tuple | None:
        """The key values of the boundary row, read within the queue's own (scoped) queryset."""
        try:
            pk = int(pk)
        except (TypeError, ValueError):
            return None
        if not -(2**63) < pk < 2**63:
            return None
        namen = {f"_sleutel{i}": s for i, s in enumerate(self.sleutels)}
        rij = self.queryset.order_by().filter(pk=pk).annotate(**namen).values_list(*namen).first()
        return tuple(rij) if rij else None

    def _ids(self, qs, omgekeerd=False) -> list:
        return list(qs.order_by(*self._volgorde(omgekeerd)).values_list("pk", flat=True)[: self.per_page + 1])

    def pagina(self, params) -> SleutelPagina:
        """The page the request's parameters ask for: ``na``, ``voor`` or ``page=laatste``."""
        na, voor, page = (params.get(p) for p in PARAMS)
        if na and (waarden := self._waarden(na)) is not None:
            ids = self._ids(self.queryset.filter(RijVergelijking(self.sleutels, waarden, ">")))
            return self._maak(ids[: self.per_page], vorige=True, volgende=len(ids) > self.per_page)
        if voor and (waarden := self._waarden(voor)) is not None:
            ids = self._ids(
                self.queryset.filter(RijVergelijking(self.sleutels, waarden, "<")), omgekeerd=True
            )
            return self._maak(ids[: self.per_page][::-1], vorige=len(ids) > self.per_page, volgende=True)
        if page in ("laatste", "last"):
            ids = self._ids(self.queryset, omgekeerd=True)
            return self._maak(ids[: self.per_page][::-1], vorige=len(ids) > self.per_page, volgende=False)
        ids = self._ids(self.queryset)
        return self._maak(ids[: self.per_page], vorige=False, volgende=len(ids) > self.per_page)

    def _maak(self, ids: list, *, vorige: bool, volgende: bool) -> SleutelPagina:
        rijen = {obj.pk: obj for obj in self.laden(ids)} if ids else {}
        return SleutelPagina(
            object_list=[rijen[pk] for pk in ids if pk in rijen],
            paginator=self,
            has_previous=vorige,
            has_next=volgende,
            _ids=ids,
        )


class SleutelLijstMixin:
    """For a ListView over a large queue: ``sleutels`` (ascending key expressions, with a matching
    index) and ``laden(ids)`` (the page's rows in full) replace Django's OFFSET paginator."""

    paginate_by = 25
    sleutels: Sequence = ()

    def laden(self, ids: list) -> list:
        raise NotImplementedError

    def paginate_queryset(self, queryset, page_size):
        paginator = SleutelPaginator(queryset, self.sleutels, self.laden, per_pagina=page_size)
        pagina = paginator.pagina(self.request.GET)
        return paginator, pagina, pagina.object_list, pagina.has_other_pages()
