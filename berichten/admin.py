"""The code tables in admin, read-only: they follow the published lists and change by migration."""

from django.contrib import admin

from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from .models import Code


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS  # code lists
    list_display = ("lijst", "code", "betekenis")
    list_filter = ("lijst",)
    search_fields = ("code", "betekenis")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
