"""The inbox filter (django-filter over ``selectors.inbox``)."""

import django_filters

from .models import SignaalSoort

STATUS_KEUZES = [("open", "Open"), ("afgehandeld", "Afgehandeld")]


class InboxFilter(django_filters.FilterSet):
    regel = django_filters.ChoiceFilter(
        label="Soort", choices=SignaalSoort.choices, empty_label="Alle soorten"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_KEUZES, method="filter_status", empty_label="Open en afgehandeld"
    )

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(afgehandeld_op__isnull=True)
        if value == "afgehandeld":
            return queryset.filter(afgehandeld_op__isnull=False)
        return queryset
