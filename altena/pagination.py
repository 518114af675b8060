"""Pagination for work queues over large tables.

Django's Paginator slices the full queryset, so PostgreSQL joins every related table and sorts
wide rows for all matching cases before it keeps 25. ``TweestapsPaginator`` first sorts only the
primary keys (narrow rows: a top-N heap sort in memory), then loads the 25 full objects, with
their select_related, annotations and prefetches, in the same order.
"""

from django.core.paginator import Paginator


class TweestapsPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        by_id = {obj.pk: obj for obj in self.object_list.filter(pk__in=ids)}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)
