"""The inbox filter (django-filter over ``selectors.inbox``)."""

import django_filters

from .models import ESCALATIES, Doel, SignaalSoort

STATUS_KEUZES = [("open", "Open"), ("afgehandeld", "Afgehandeld")]


class InboxFilter(django_filters.FilterSet):
    regel = django_filters.ChoiceFilter(
        label="Soort", choices=SignaalSoort.choices, empty_label="Alle soorten"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_KEUZES, method="filter_status", empty_label="Open en afgehandeld"
    )

    # The dashboard's escalation count links here (rapportage).
    escalatie = django_filters.BooleanFilter(label="Alleen escalaties", method="filter_escalatie")

    def filter_escalatie(self, queryset, name, value):
        if value:
            return queryset.filter(doel=Doel.TEAMLEIDER, regel__in=ESCALATIES)
        return queryset

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(afgehandeld_op__isnull=True)
        if value == "afgehandeld":
            return queryset.filter(afgehandeld_op__isnull=False)
        return queryset
