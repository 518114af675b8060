"""Beheer of partner accounts: invite a partner's worker by e-mail, see and deactivate accounts."""

from django.contrib import admin, messages

from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from .accounts import uitnodiging_versturen
from .models import PartnerMedewerker, Uitnodiging


@admin.register(Uitnodiging)
class UitnodigingAdmin(admin.ModelAdmin):
    # Accounts of partners' workers (like the staff accounts), no inwoner's data.
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["email", "partner", "stand", "verloopt_op", "uitgenodigd_door", "aangemaakt"]
    list_filter = ["partner"]
    search_fields = ["email", "partner__naam"]
    fields = ["partner", "email", "voornaam", "achternaam"]

    @admin.display(description="stand")
    def stand(self, obj):
        if obj.is_gebruikt:
            return f"gebruikt op {obj.gebruikt_op:%d-%m-%Y}"
        if obj.is_verlopen:
            return "verlopen"
        return "open"

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change:  # pragma: no cover - invitations are never edited
            return
        uitnodiging_versturen(uitnodiging=obj, door=request.user)
        messages.info(request, f"De uitnodiging is per e-mail verstuurd naar {obj.email}.")


@admin.register(PartnerMedewerker)
class PartnerMedewerkerAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["gebruiker", "partner", "actief", "aangemaakt"]
    list_filter = ["actief", "partner"]
    search_fields = ["gebruiker__username", "gebruiker__email", "partner__naam"]
    fields = ["gebruiker", "partner", "actief"]
    readonly_fields = ["gebruiker", "partner"]

    def has_add_permission(self, request):
        return False  # accounts come from an invitation
