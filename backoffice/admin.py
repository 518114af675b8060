"""Admin for the beheerder: the product catalogue and the decreed feestdagen. Case records are not
here: a beheerder sees no case content."""

from django.contrib import admin

from altena.admin import DatumhierarchieAdmin
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from .models import Bewaartermijn, Feestdag, Product


@admin.register(Bewaartermijn)
class BewaartermijnAdmin(admin.ModelAdmin):
    """The retention rules; the dry-run report is at /backoffice/bewaartermijnen/."""

    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["__str__", "wet", "met_voorziening", "jaren", "actief", "grondslag"]
    list_editable = ["jaren", "actief"]
    list_filter = ["wet", "actief"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["naam", "wet", "categorie", "productcode", "eenheid", "actief"]
    list_filter = ["wet", "actief", "categorie"]
    search_fields = ["naam", "productcode"]
    list_editable = ["actief"]
    ordering = ["wet", "categorie", "productcode"]


@admin.register(Feestdag)
class FeestdagAdmin(DatumhierarchieAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["datum", "omschrijving", "grondslag"]
    date_hierarchy = "datum"
    search_fields = ["omschrijving", "grondslag"]
