from django.contrib import admin

from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from .models import SignaalRegel


@admin.register(SignaalRegel)
class SignaalRegelAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    """The beheerder tunes thresholds; the rules themselves are code (one sweep each)."""

    list_display = ["code", "drempel", "eenheid", "herhalen_na_dagen", "actief"]
    list_editable = ["drempel", "herhalen_na_dagen", "actief"]
    readonly_fields = ["code", "eenheid"]
    fields = ["code", "drempel", "eenheid", "herhalen_na_dagen", "actief", "toelichting"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
