from django.contrib import admin
from privates.views import PrivateMediaView

from .models import Portaalinstelling


@admin.register(Portaalinstelling)
class PortaalinstellingAdmin(admin.ModelAdmin):
    """The privacy officer decides whether staff first names are shown to inwoners."""

    verwerking = ""  # no personal data of inwoners (altena.verwerkingen.GEEN_PERSOONSGEGEVENS)
    list_display = ["gemeente", "namen_tonen", "gewijzigd"]
    list_editable = ["namen_tonen"]


# django-digid-eherkenning's and django-simple-certmanager's own admins (the DigiD and eHerkenning
# configuration, metadata and certificates; the demo IdP's users): every admin declares its
# processing (tests/altena/test_verwerkingen_dekking.py). Only a superuser has their permissions.
_BIBLIOTHEEK_DOEL = {
    "mockdigiduser": "Mijn Toegang: demo-inwoners van de DigiD-demo",
}
for _model, _model_admin in list(admin.site._registry.items()):
    if _model._meta.app_label in ("digid_eherkenning", "simple_certmanager"):
        type(_model_admin).verwerking = _BIBLIOTHEEK_DOEL.get(_model._meta.model_name, "")

# The library admins' download links of the IdP metadata and certificates (django-privates): no
# personal data, for the superuser's configuration only.
PrivateMediaView.verwerking = ""
