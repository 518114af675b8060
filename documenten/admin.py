"""The beheerder keeps letter templates and letterheads here. A template is checked when saved
(unknown field, forbidden tag, render error: refused with the line and the reason) and every
change becomes a new frozen version. Letters and case files are not edited in admin."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html_join

from altena.verwerkingen import GEEN_PERSOONSGEGEVENS

from . import sjablonen
from .bestanden import veilige_naam
from .models import Briefhoofd, BriefSjabloon, BriefSjabloonVersie
from .services import sjabloon_opslaan
from .velden import veldenlijst


class BriefhoofdForm(forms.ModelForm):
    class Meta:
        model = Briefhoofd
        fields = ["gemeente", "logo", "ondertekenaar_naam", "ondertekenaar_functie", "mandaat"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):
            import filetype

            logo.seek(0)
            soort = filetype.guess(logo.read(2048))
            logo.seek(0)
            if soort is None or soort.mime not in ("image/png", "image/jpeg"):
                raise ValidationError("Het logo moet een PNG- of JPEG-afbeelding zijn.")
            if logo.size > 1024 * 1024:
                raise ValidationError("Het logo is te groot (maximaal 1 MB).")
            logo.name = veilige_naam(logo.name)
        return logo


@admin.register(Briefhoofd)
class BriefhoofdAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS  # letter templates and letterheads
    form = BriefhoofdForm
    list_display = ["gemeente", "ondertekenaar_naam", "ondertekenaar_functie"]


class BriefSjabloonForm(forms.ModelForm):
    class Meta:
        model = BriefSjabloon
        fields = ["gemeente", "soort", "wet", "onderwerp", "inhoud"]
        widgets = {"inhoud": forms.Textarea(attrs={"rows": 30, "cols": 110, "class": "vLargeTextField"})}

    def clean(self):
        data = super().clean()
        soort = data.get("soort")
        if soort and data.get("onderwerp") is not None and data.get("inhoud") is not None:
            try:
                sjablonen.controleren(soort, data["onderwerp"], data["inhoud"])
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    for melding in meldingen:
                        self.add_error(veld, melding)
        return data


class VersieInline(admin.TabularInline):
    model = BriefSjabloonVersie
    extra = 0
    can_delete = False
    fields = ["versie", "aangemaakt", "door"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(BriefSjabloon)
class BriefSjabloonAdmin(admin.ModelAdmin):
    verwerking = GEEN_PERSOONSGEGEVENS  # letter templates and letterheads
    form = BriefSjabloonForm
    list_display = ["soort", "wet", "gemeente", "versie", "gewijzigd", "gewijzigd_door"]
    list_filter = ["gemeente", "wet", "soort"]
    readonly_fields = ["versie", "gewijzigd", "gewijzigd_door", "beschikbare_velden"]
    inlines = [VersieInline]

    @admin.display(description="Beschikbare velden")
    def beschikbare_velden(self, obj):
        if obj is None or not obj.soort:
            return "Kies eerst de soort brief en sla op; dan verschijnen hier de velden."
        return format_html_join(
            "",
            "<div><code>{{{{ {} }}}}</code> {}</div>",
            ((naam, uitleg) for naam, uitleg in veldenlijst(obj.soort)),
        )

    def save_model(self, request, obj, form, change):
        opgeslagen = sjabloon_opslaan(
            sjabloon=obj,
            onderwerp=form.cleaned_data["onderwerp"],
            inhoud=form.cleaned_data["inhoud"],
            door=request.user,
        )
        obj.pk, obj.versie = opgeslagen.pk, opgeslagen.versie

    def has_delete_permission(self, request, obj=None):
        return False
