"""The filters of the sociale kaart: kern, leefgebied, soort and free text."""

import django_filters
from django import forms

from .leefgebieden import Leefgebied
from .models import Kern, PartnerSoort
from .selectors import partners_zoeken


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Zoeken",
        method="filter_zoeken",
        widget=forms.TextInput(
            attrs={"placeholder": "naam, hulpvraag, kern of contactpersoon", "type": "search"}
        ),
    )
    kern = django_filters.ModelChoiceFilter(
        label="Kern",
        queryset=Kern.objects.all(),
        method="filter_kern",
        empty_label="Alle kernen",
    )
    leefgebied = django_filters.ChoiceFilter(
        label="Leefgebied", choices=Leefgebied.choices, method="filter_leefgebied", empty_label="Alle"
    )
    soort = django_filters.ChoiceFilter(label="Soort", choices=PartnerSoort.choices, empty_label="Alle")

    def filter_zoeken(self, queryset, name, value):
        return partners_zoeken(queryset, value)

    def filter_kern(self, queryset, name, value):
        return queryset.voor_kern(value)

    def filter_leefgebied(self, queryset, name, value):
        return queryset.met_leefgebied(value)
