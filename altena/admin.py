from django.contrib import admin

from .models import Heartbeat, Verwerking


@admin.register(Verwerking)
class VerwerkingAdmin(admin.ModelAdmin):
    list_display = [
        "tijdstip",
        "actor_naam",
        "handeling",
        "verwerkingsactiviteit",
        "object_type",
        "casus_nummer",
    ]
    list_filter = ["handeling", "verwerkingsactiviteit", "object_type"]
    search_fields = ["actor_naam", "casus_nummer", "object_id"]
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Heartbeat)
class HeartbeatAdmin(admin.ModelAdmin):
    list_display = ["naam", "laatst"]

    def has_add_permission(self, request):
        return False
