from django.contrib import admin

from .models import Contactpersoon, Kern, Partner, Team


@admin.register(Kern)
class KernAdmin(admin.ModelAdmin):
    list_display = ["naam", "voormalige_gemeente", "gemeente", "postcodes"]
    list_filter = ["gemeente", "voormalige_gemeente"]
    search_fields = ["naam", "voormalige_gemeente", "gemeente"]

    @admin.display(description="postcodegebieden")
    def postcodes(self, obj):
        return ", ".join(obj.postcodegebieden)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente", "werkgebied"]
    list_filter = ["gemeente"]
    search_fields = ["naam"]
    filter_horizontal = ["kernen", "leden"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("kernen")

    @admin.display(description="werkgebied")
    def werkgebied(self, obj):
        namen = [k.naam for k in obj.kernen.all()]
        return ", ".join(namen) if namen else "hele gemeente"


class ContactpersoonInline(admin.TabularInline):
    model = Contactpersoon
    extra = 1


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "gemeente", "alle_kernen", "telefoon", "actief"]
    list_filter = ["soort", "actief", "gemeente", "kernen"]
    search_fields = ["naam", "omschrijving", "agb_code", "kvk_nummer"]
    filter_horizontal = ["kernen"]
    inlines = [ContactpersoonInline]
