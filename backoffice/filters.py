"""The filters of the maatwerk work queue (django-filter over ``selectors.werkvoorraad``)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from altena.access import Rol
from altena.namen import naam_van
from altena.peilmoment import StandFilter
from intake.models import Wet
from intake.workflow import MAATWERK_FASEN, Fase
from netwerk.models import Kern, Team

from .selectors import (
    binnen_7_dagen_termijnen,
    einde_week,
    met_lopende_termijn_uit,
    relevante_termijnen,
    verstreken_termijnen,
)

TERMIJN_KEUZES = [
    ("verstreken", "Termijn verstreken"),
    ("deze_week", "Termijn verloopt deze week"),
    ("binnen_7_dagen", "Termijn verloopt binnen 7 dagen"),
]


class WerkvoorraadFilter(django_filters.FilterSet):
    # A dashboard figure's moment: only what existed then (altena.peilmoment).
    stand = StandFilter(veld="aangemaakt")
    wet = django_filters.ChoiceFilter(label="Wet", choices=Wet.choices, empty_label="Alle wetten")
    fase = django_filters.ChoiceFilter(
        label="Fase",
        choices=[(f.value, f.label) for f in Fase if f in MAATWERK_FASEN],
        empty_label="Alle fasen",
    )
    kern = django_filters.ModelChoiceFilter(
        label="Kern", queryset=Kern.objects.none(), empty_label="Alle kernen"
    )
    behandelaar = django_filters.ChoiceFilter(
        label="Behandelaar", method="filter_behandelaar", empty_label="Iedereen"
    )
    team = django_filters.ModelChoiceFilter(
        label="Team", queryset=Team.objects.none(), empty_label="Alle teams"
    )
    termijn = django_filters.ChoiceFilter(
        label="Termijn", choices=TERMIJN_KEUZES, method="filter_termijn", empty_label="Alle termijnen"
    )
    crisis = django_filters.BooleanFilter(
        label="Crisis",
        widget=forms.Select(choices=[("", "Alle"), ("true", "Alleen crisis"), ("false", "Geen crisis")]),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        teams = Team.objects.filter(leden=user)
        self.filters["team"].queryset = teams
        self.filters["kern"].queryset = Kern.objects.filter(gemeente__in=teams.values("gemeente"))
        collega = (
            get_user_model()
            .objects.filter(teams__in=teams, groups__name=Rol.CONSULTANT)
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.filters["behandelaar"].extra["choices"] = [
            ("mij", "Mijzelf"),
            ("geen", "Niet toegewezen"),
            *[(str(u.pk), naam_van(u)) for u in collega],
        ]
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"

    def filter_behandelaar(self, queryset, name, value):
        if value == "mij":
            return queryset.filter(behandelaar=self.user)
        if value == "geen":
            return queryset.filter(behandelaar__isnull=True)
        return queryset.filter(behandelaar_id=value)

    def filter_termijn(self, queryset, name, value):
        vandaag = timezone.localdate()
        if value == "verstreken":
            termijnen = verstreken_termijnen(vandaag)
        elif value == "binnen_7_dagen":
            termijnen = binnen_7_dagen_termijnen(vandaag)
        else:
            termijnen = relevante_termijnen(vandaag).filter(
                opgeschort_sinds__isnull=True, uiterste_datum__range=(vandaag, einde_week(vandaag))
            )
        return queryset.filter(met_lopende_termijn_uit(termijnen))
