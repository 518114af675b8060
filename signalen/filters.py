"""The inbox filter (django-filter over ``selectors.inbox``)."""

import django_filters

from altena.peilmoment import StandFilter

from .models import ESCALATIES, Doel, SignaalSoort

STATUS_KEUZES = [("open", "Open"), ("afgehandeld", "Afgehandeld"), ("alle", "Open en afgehandeld")]
STANDAARD_STATUS = "open"  # the inbox opens on what still needs doing


class InboxFilter(django_filters.FilterSet):
    # A dashboard figure's moment: only what existed then (altena.peilmoment).
    stand = StandFilter(veld="aangemaakt")
    regel = django_filters.ChoiceFilter(
        label="Soort", choices=SignaalSoort.choices, empty_label="Alle soorten"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_KEUZES, method="filter_status", empty_label=None
    )

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        if not data.get("status"):
            data["status"] = STANDAARD_STATUS
        super().__init__(data, *args, **kwargs)

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
