from django.contrib import admin

from altena.admin import PersoonsgegevensAdmin
from altena.verwerkingen import log_personen

from .models import Casus, CasusGebeurtenis, Huishouden, Inwoner, Verwijzing, ZrmScore


@admin.register(Inwoner)
class InwonerAdmin(PersoonsgegevensAdmin):
    list_display = ["naam", "bsn_gemaskeerd", "gemeente", "geboortedatum", "postcode", "huisnummer", "kern"]
    list_filter = ["gemeente", "kern"]
    # Never the full BSN, not even for a superuser: the field is left out, the masked value shown.
    exclude = ["bsn"]
    readonly_fields = ["bsn_gemaskeerd", "gemeente"]
    search_fields = ["achternaam", "voornamen", "postcode"]  # no BSN: it would stand in the URL (?q=)
    list_select_related = ["kern"]
    raw_id_fields = ["huishouden"]
    show_full_result_count = False

    @admin.display(description="BSN")
    def bsn_gemaskeerd(self, obj):
        return obj.bsn_gemaskeerd

    def inwoner_id_van(self, obj):
        return obj.pk


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
class HuishoudenAdmin(PersoonsgegevensAdmin):
    list_display = ["naam", "gemeente", "regisseur"]
    search_fields = ["naam"]
    list_select_related = ["regisseur"]
    raw_id_fields = ["regisseur"]
    inlines = [LidInline]

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:  # the members shown in the inline are read too
            log_personen(
                request=request,
                handeling="lezen",
                verwerkingsactiviteit=self.verwerking,
                inwoners=obj.leden.all(),
            )
        return obj


class GebeurtenisInline(admin.TabularInline):
    model = CasusGebeurtenis
    fields = ["tijdstip", "soort", "fase_van", "fase_naar", "actor", "tekst"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Casus)
class CasusAdmin(PersoonsgegevensAdmin):
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
    list_filter = ["fase", "route", "wet", "crisis", "kanaal", "gemeente", "kern"]
    search_fields = ["=nummer", "inwoner__achternaam"]  # no BSN: it would stand in the URL (?q=)
    list_select_related = ["inwoner", "kern", "behandelaar"]
    raw_id_fields = ["inwoner", "huishouden", "behandelaar", "regisseur", "verwijzer_partner"]
    date_hierarchy = "aangemaakt"
    show_full_result_count = False
    inlines = [GebeurtenisInline]
    # fase and route change only through the transition table (intake.services.casus_overgang).
    readonly_fields = ["nummer", "fase", "route", "versie", "aangemaakt", "afgesloten_op"]


@admin.register(Verwijzing)
class VerwijzingAdmin(PersoonsgegevensAdmin):
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
class ZrmScoreAdmin(PersoonsgegevensAdmin):
    list_display = ["casus", "domein", "score", "bron", "gescoord_op"]
    list_filter = ["bron", "domein"]
    search_fields = ["=casus__nummer"]
    list_select_related = ["casus"]
    raw_id_fields = ["casus", "door"]
    show_full_result_count = False
