"""The front-door work queue filter (django-filter over ``selectors.werkvoorraad``)."""

import django_filters
from django import forms

from altena.forms import DatumInput
from altena.peilmoment import StandFilter
from netwerk.models import Kern, PartnerSoort

from .models import Kanaal, Urgentie
from .selectors import VOORDEUR_FASEN
from .stromen import (
    LEEFTIJDSKLASSEN,
    STROOM_KEUZES,
    VERWIJZING_UITKOMSTEN,
    leeftijd_q,
    stroom_q,
    verwijzing_q,
    wacht_op_terugkoppeling_q,
)
from .workflow import OPEN_FASEN, Fase

DATUM = DatumInput()

STATUS_KEUZES = [
    ("aangemeld", "Nieuw (aangemeld)"),
    ("verwezen", "Verwezen, loopt nog"),
    ("afgehandeld", "Direct afgehandeld"),
    ("melding", "Opgeschaald (melding)"),
    ("afgesloten", "Afgesloten"),
    ("open", "Alle open casussen"),
    ("alle", "Alle statussen"),
]


LINK_FILTERS = (
    "stroom",
    "stroom_van",
    "stroom_tot",
    "wacht_weken",
    "verwijzing_soort",
    "verwijzing_uitkomst",
    "verwezen_vanaf",
)


class WerkvoorraadFilter(django_filters.FilterSet):
    # A dashboard figure's moment: only what existed then (altena.peilmoment).
    stand = StandFilter(veld="aangemaakt")
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

    # The dashboard's links (rapportage): each number opens exactly the cases it counts.
    leeftijd = django_filters.ChoiceFilter(
        label="Leeftijd",
        choices=[(k, label) for k, label, _van, _tot in LEEFTIJDSKLASSEN],
        method="filter_leeftijd",
        empty_label="Alle",
    )
    stroom = django_filters.ChoiceFilter(
        label="Stroom", choices=STROOM_KEUZES, method="filter_stroom", empty_label="Alle"
    )
    stroom_van = django_filters.DateFilter(label="Stroom vanaf", method="filter_niets", widget=DATUM)
    stroom_tot = django_filters.DateFilter(label="Stroom tot en met", method="filter_niets", widget=DATUM)
    wacht_weken = django_filters.NumberFilter(
        label="Verwijzing zonder terugkoppeling (weken)", method="filter_wacht_weken", min_value=0
    )

    verwijzing_soort = django_filters.ChoiceFilter(
        label="Verwezen naar soort partner",
        choices=PartnerSoort.choices,
        method="filter_niets",
        empty_label="Alle",
    )
    verwijzing_uitkomst = django_filters.ChoiceFilter(
        label="Uitkomst verwijzing",
        choices=[(k, v[0]) for k, v in VERWIJZING_UITKOMSTEN.items()],
        method="filter_niets",
        empty_label="Alle",
    )
    verwezen_vanaf = django_filters.DateFilter(
        label="Verwezen vanaf", method="filter_verwijzing", widget=DATUM
    )

    def __init__(self, *args, kernen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kernen is not None:
            self.filters["kern"].queryset = kernen
            self.form.fields["kern"].queryset = kernen
        # The dashboard's link filters travel as hidden fields: set by a link, kept by the form.
        for naam in LINK_FILTERS:
            self.form.fields[naam].widget = forms.HiddenInput()
        for field in self.form.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if is_select else "form-control form-control-sm"
            )

    def filter_status(self, queryset, name, value):
        if value == "alle":
            return queryset
        if value == "open":
            return queryset.filter(fase__in=OPEN_FASEN)
        if value in Fase.values:
            return queryset.filter(fase=value)
        return queryset

    def filter_leeftijd(self, queryset, name, value):
        return queryset.filter(leeftijd_q(value))

    def filter_niets(self, queryset, name, value):
        return queryset  # used by filter_stroom

    def filter_stroom(self, queryset, name, value):
        data = self.form.cleaned_data
        van, tot = data.get("stroom_van"), data.get("stroom_tot")
        if van is None or tot is None:
            return queryset
        return queryset.filter(stroom_q(value, van, tot))

    def filter_verwijzing(self, queryset, name, value):
        data = self.form.cleaned_data
        q = verwijzing_q(
            soort=data.get("verwijzing_soort") or "",
            uitkomst=data.get("verwijzing_uitkomst") or "",
            vanaf=value,
        )
        return queryset.filter(q)

    def filter_wacht_weken(self, queryset, name, value):
        return queryset.filter(wacht_op_terugkoppeling_q(int(value))).filter(fase__in=OPEN_FASEN)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        # A flow, a waiting referral or an age class is about every fase, not only the front door.
        if not data.get("status") and not data.get("stroom") and data.get("wacht_weken") is None:
            queryset = queryset.filter(fase__in=VOORDEUR_FASEN)
        return queryset

    @property
    def qs(self):
        if not self.is_bound:  # no filter yet: the open front-door cases
            return self.queryset.filter(fase__in=VOORDEUR_FASEN)
        return super().qs
