"""The berichtenbox filter (django-filter)."""

import django_filters

from .models import Bericht, Richting, Status
from .typen import BERICHTCODES

SOORTEN = [(n, n) for n in sorted(BERICHTCODES, key=lambda n: (n[-3:], n))]


class BerichtFilter(django_filters.FilterSet):
    richting = django_filters.ChoiceFilter(label="Richting", choices=Richting.choices, empty_label="Beide")
    status = django_filters.ChoiceFilter(label="Status", choices=Status.choices, empty_label="Alle statussen")
    berichttype = django_filters.ChoiceFilter(label="Bericht", choices=SOORTEN, empty_label="Alle berichten")
    met_fouten = django_filters.BooleanFilter(
        label="Alleen met fouten", method="filter_fouten", widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = Bericht
        fields = ["richting", "status", "berichttype"]

    def filter_fouten(self, queryset, name, value):
        return queryset.exclude(fouten=[]) if value else queryset
