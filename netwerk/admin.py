from django.contrib import admin, messages
from django.db.models import Count, Q
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX

from altena import voorstellen
from altena.importexport import NederlandsExportForm
from altena.models import AccountVoorstel
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from .forms import PartnerAdminForm
from .models import Aanbod, Contactpersoon, Gemeente, Kern, Partner, Team
from .resources import PartnerResource


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["naam", "cbs_code", "plaats"]
    search_fields = ["naam", "cbs_code"]


@admin.register(Kern)
class KernAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["naam", "voormalige_gemeente", "gemeente", "postcodes", "aantal_partners"]
    list_filter = ["gemeente", "voormalige_gemeente"]
    search_fields = ["naam__unaccent", "voormalige_gemeente", "gemeente"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_aantal_partners=Count("partners", filter=Q(partners__actief=True)))
        )

    @admin.display(description="postcodegebieden")
    def postcodes(self, obj):
        return ", ".join(obj.postcodegebieden)

    @admin.display(description="actieve partners (eigen kern)", ordering="_aantal_partners")
    def aantal_partners(self, obj):
        return obj._aantal_partners


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    list_display = ["naam", "gemeente", "werkgebied"]
    list_filter = ["gemeente"]
    search_fields = ["naam"]
    filter_horizontal = ["kernen", "leden"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("kernen")

    def save_related(self, request, form, formsets, change):
        """A new member gets the team's cases: for a beheerder that is a proposal the team's teamleider
        approves (ADR 0009); members taken out go at once. A superuser's change applies directly."""
        nieuw = []
        if not request.user.is_superuser and "leden" in form.cleaned_data:
            huidig = set(form.instance.leden.values_list("pk", flat=True)) if change else set()
            gekozen = list(form.cleaned_data["leden"])
            nieuw = [u for u in gekozen if u.pk not in huidig]
            form.cleaned_data["leden"] = [u for u in gekozen if u.pk in huidig]
        super().save_related(request, form, formsets, change)
        for user in nieuw:
            voorstellen.stel_voor(
                soort=AccountVoorstel.Soort.TEAM,
                gebruiker=user,
                door=request.user,
                team=form.instance,
                nieuw=form.instance.naam,
            )
            messages.warning(
                request,
                f"{user.get_username()} wordt pas lid van {form.instance.naam} als de teamleider van dat "
                "team het goedkeurt.",
            )

    @admin.display(description="werkgebied")
    def werkgebied(self, obj):
        namen = [k.naam for k in obj.kernen.all()]
        return ", ".join(namen) if namen else "hele gemeente"


class ContactpersoonInline(admin.TabularInline):
    model = Contactpersoon
    extra = 1


class AanbodInline(admin.TabularInline):
    """The partner's offers with their capacity (the partner keeps them current in its portal)."""

    model = Aanbod
    extra = 1
    fields = ["naam", "capaciteit", "wachttijd_weken", "bevestigd_op"]


class KernFilter(admin.SimpleListFilter):
    """Partners serving a kern: named in their kernen or serving all kernen of its gemeente."""

    title = "kern"
    parameter_name = "kern"

    def lookups(self, request, model_admin):
        return [(str(k.pk), str(k)) for k in Kern.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            waarde = self.value()
            if not (waarde.isascii() and waarde.isdigit() and len(waarde) <= 18):  # hostile input: no match
                return queryset.none()
            kern = Kern.objects.filter(pk=int(waarde)).first()
            return queryset.voor_kern(kern) if kern else queryset.none()
        return queryset


@admin.register(Partner)
class PartnerAdmin(ImportExportModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS
    form = PartnerAdminForm
    resource_classes = [PartnerResource]
    export_form_class = NederlandsExportForm
    import_formats = [CSV, XLSX]
    import_template_name = "netwerk/admin/partner_import.html"
    export_formats = [CSV, XLSX]
    list_display = ["naam", "soort", "gemeente", "werkgebied", "telefoon", "agb_code", "actief"]
    list_filter = [KernFilter, "soort", "actief", "gemeente", "alle_kernen"]
    search_fields = [
        "naam__unaccent",
        "omschrijving__unaccent",
        "agb_code",
        "kvk_nummer",
        "contactpersonen__naam__unaccent",
    ]
    filter_horizontal = ["kernen"]
    inlines = [ContactpersoonInline, AanbodInline]
    actions = ["deactiveren", "activeren"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["naam", "soort", "gemeente", "actief"]}),
        ("Aanbod", {"fields": ["omschrijving", "leefgebieden"]}),
        ("Werkgebied", {"fields": ["alle_kernen", "kernen"]}),
        ("Bereikbaarheid", {"fields": ["telefoon", "email", "website", "adres", "bereikbaarheid"]}),
        ("Registratie", {"fields": ["agb_code", "kvk_nummer", "istandaarden_categorieen"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("kernen")

    @admin.display(description="kernen")
    def werkgebied(self, obj):
        if obj.alle_kernen:
            return "alle kernen"
        namen = [k.naam for k in obj.kernen.all()]
        return ", ".join(namen[:4]) + (f" (+{len(namen) - 4})" if len(namen) > 4 else "") or "–"

    # Partners are deactivated, never deleted: referrals and history keep pointing at them.
    def has_delete_permission(self, request, obj=None):
        return False

    def has_import_permission(self, request):
        return request.user.has_perms(["netwerk.add_partner", "netwerk.change_partner"])

    def has_export_permission(self, request):
        return request.user.has_perm("netwerk.view_partner")

    @admin.action(description="Geselecteerde partners deactiveren", permissions=["change"])
    def deactiveren(self, request, queryset):
        aantal = queryset.filter(actief=True).update(actief=False)
        self.message_user(request, f"{aantal} partner(s) gedeactiveerd.", messages.SUCCESS)

    @admin.action(description="Geselecteerde partners weer activeren", permissions=["change"])
    def activeren(self, request, queryset):
        aantal = queryset.filter(actief=False).update(actief=True)
        self.message_user(request, f"{aantal} partner(s) weer geactiveerd.", messages.SUCCESS)
