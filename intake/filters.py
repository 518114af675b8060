"""The front-door work queue filter (django-filter over ``selectors.werkvoorraad``)."""

import django_filters
from django import forms

from altena.forms import DatumInput
from netwerk.models import Kern

from .models import Kanaal, Urgentie
from .selectors import VOORDEUR_FASEN
from .workflow import Fase

DATUM = DatumInput()

STATUS_KEUZES = [
    ("aangemeld", "Nieuw (aangemeld)"),
    ("verwezen", "Verwezen, loopt nog"),
    ("afgehandeld", "Direct afgehandeld"),
    ("melding", "Opgeschaald (melding)"),
    ("afgesloten", "Afgesloten"),
    ("alle", "Alle statussen"),
]


class WerkvoorraadFilter(django_filters.FilterSet):
    nummer = django_filters.CharFilter(label="Casusnummer", field_name="nummer", lookup_expr="iexact")
    kern = django_filters.ModelChoiceFilter(
        label="Kern", queryset=Kern.objects.none(), empty_label="Alle kernen"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_KEUZES, method="filter_status", empty_label="Open aan de voordeur"
    )
    urgentie = django_filters.ChoiceFilter(label="Urgentie", choices=Urgentie.choices, empty_label="Alle")
    crisis = django_filters.BooleanFilter(
        label="Crisis",
        widget=forms.Select(choices=[("", "Alle"), ("true", "Alleen crisis"), ("false", "Geen crisis")]),
    )
    kanaal = django_filters.ChoiceFilter(label="Kanaal", choices=Kanaal.choices, empty_label="Alle")
    van = django_filters.DateFilter(
        label="Aangemeld vanaf", field_name="aangemaakt", lookup_expr="date__gte", widget=DATUM
    )
    tot = django_filters.DateFilter(
        label="Aangemeld tot en met", field_name="aangemaakt", lookup_expr="date__lte", widget=DATUM
    )

    def __init__(self, *args, kernen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kernen is not None:
            self.filters["kern"].queryset = kernen
            self.form.fields["kern"].queryset = kernen
        for field in self.form.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if is_select else "form-control form-control-sm"
            )

    def filter_status(self, queryset, name, value):
        if value == "alle":
            return queryset
        if value in Fase.values:
            return queryset.filter(fase=value)
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.filter(fase__in=VOORDEUR_FASEN)
        return queryset

    @property
    def qs(self):
        if not self.is_bound:  # no filter yet: the open front-door cases
            return self.queryset.filter(fase__in=VOORDEUR_FASEN)
        return super().qs
