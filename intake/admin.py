from django.contrib import admin

from .models import Casus, CasusGebeurtenis, Huishouden, Inwoner, Verwijzing, ZrmScore


@admin.register(Inwoner)
class InwonerAdmin(admin.ModelAdmin):
    list_display = ["naam", "bsn_gemaskeerd", "geboortedatum", "postcode", "huisnummer", "kern"]
    list_filter = ["kern__gemeente", "kern"]
    search_fields = ["achternaam", "voornamen", "postcode"]  # no BSN: it would stand in the URL (?q=)
    list_select_related = ["kern"]
    raw_id_fields = ["huishouden"]
    show_full_result_count = False

    @admin.display(description="BSN")
    def bsn_gemaskeerd(self, obj):
        return obj.bsn_gemaskeerd


class LidInline(admin.TabularInline):
    model = Inwoner
    fields = ["voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "kern"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Huishouden)
class HuishoudenAdmin(admin.ModelAdmin):
    list_display = ["naam", "regisseur"]
    search_fields = ["naam"]
    list_select_related = ["regisseur"]
    raw_id_fields = ["regisseur"]
    inlines = [LidInline]


class GebeurtenisInline(admin.TabularInline):
    model = CasusGebeurtenis
    fields = ["tijdstip", "soort", "fase_van", "fase_naar", "actor", "tekst"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Casus)
class CasusAdmin(admin.ModelAdmin):
    list_display = [
        "nummer",
        "inwoner",
        "kern",
        "route",
        "fase",
        "wet",
        "crisis",
        "behandelaar",
        "aangemaakt",
    ]
    list_filter = ["fase", "route", "wet", "crisis", "kanaal", "kern__gemeente", "kern"]
    search_fields = ["=nummer", "inwoner__achternaam"]  # no BSN: it would stand in the URL (?q=)
    list_select_related = ["inwoner", "kern", "behandelaar"]
    raw_id_fields = ["inwoner", "huishouden", "behandelaar", "regisseur", "verwijzer_partner"]
    date_hierarchy = "aangemaakt"
    show_full_result_count = False
    inlines = [GebeurtenisInline]
    # fase and route change only through the transition table (intake.services.casus_overgang).
    readonly_fields = ["nummer", "fase", "route", "versie", "aangemaakt", "afgesloten_op"]


@admin.register(Verwijzing)
class VerwijzingAdmin(admin.ModelAdmin):
    list_display = ["casus", "partner", "status", "verstuurd_op", "terugkoppeling_datum"]
    list_filter = ["status", "partner__soort"]
    search_fields = ["=casus__nummer", "partner__naam"]
    list_select_related = ["casus", "partner"]
    raw_id_fields = ["casus", "partner", "door", "terugkoppeling_door"]
    date_hierarchy = "verstuurd_op"
    show_full_result_count = False
    # status changes through intake.services.verwijzing_terugkoppeling (timeline, versie).
    readonly_fields = ["status", "versie", "verstuurd_op", "afgerond_op"]


@admin.register(ZrmScore)
class ZrmScoreAdmin(admin.ModelAdmin):
    list_display = ["casus", "domein", "score", "bron", "gescoord_op"]
    list_filter = ["bron", "domein"]
    search_fields = ["=casus__nummer"]
    list_select_related = ["casus"]
    raw_id_fields = ["casus", "door"]
    show_full_result_count = False
