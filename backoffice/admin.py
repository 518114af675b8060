"""Admin for the beheerder: the product catalogue and the decreed feestdagen. Case records are not
here: a beheerder sees no case content."""

from django.contrib import admin

from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from .models import Feestdag, Product


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["naam", "wet", "categorie", "productcode", "eenheid", "actief"]
    list_filter = ["wet", "actief", "categorie"]
    search_fields = ["naam", "productcode"]
    list_editable = ["actief"]
    ordering = ["wet", "categorie", "productcode"]


@admin.register(Feestdag)
class FeestdagAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["datum", "omschrijving", "grondslag"]
    date_hierarchy = "datum"
    search_fields = ["omschrijving", "grondslag"]
