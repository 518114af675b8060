from django.contrib import admin

from .models import Portaalinstelling


@admin.register(Portaalinstelling)
class PortaalinstellingAdmin(admin.ModelAdmin):
    """The privacy officer decides whether staff first names are shown to inwoners."""

    verwerking = ""  # no personal data of inwoners (altena.verwerkingen.GEEN_PERSOONSGEGEVENS)
    list_display = ["gemeente", "namen_tonen", "gewijzigd"]
    list_editable = ["namen_tonen"]
