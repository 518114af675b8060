"""/beheer/saml-metadata/: the service provider metadata for DigiD and eHerkenning (what Logius and
the eHerkenning broker are given), in the library's "metadata" namespace (its admin links to it).
For the superuser who configures them only."""

from digid_eherkenning.models import DigidConfiguration, EherkenningConfiguration
from digid_eherkenning.saml2.digid import generate_digid_metadata
from digid_eherkenning.saml2.eherkenning import (
    generate_dienst_catalogus_metadata,
    generate_eherkenning_metadata,
)
from digid_eherkenning.views.metadata import MetadataView
from django.core.exceptions import PermissionDenied
from django.urls import path

app_name = "metadata"


class SuperuserMetadataView(MetadataView):
    verwerking = ""  # configuration of this site, no personal data

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied("Alleen voor de beheerder van de DigiD- en eHerkenningkoppeling.")
        return super().dispatch(request, *args, **kwargs)


urlpatterns = [
    path(
        "digid",
        SuperuserMetadataView.as_view(
            config_model=DigidConfiguration,
            metadata_generator=generate_digid_metadata,
            filename="digid-metadata.xml",
        ),
        name="digid",
    ),
    path(
        "eherkenning",
        SuperuserMetadataView.as_view(
            config_model=EherkenningConfiguration,
            metadata_generator=generate_eherkenning_metadata,
            filename="eh-metadata.xml",
        ),
        name="eherkenning",
    ),
    path(
        "eherkenning/dienstcatalogus",
        SuperuserMetadataView.as_view(
            config_model=EherkenningConfiguration,
            metadata_generator=generate_dienst_catalogus_metadata,
            filename="dienstcatalogus.xml",
        ),
        name="eh-dienstcatalogus",
    ),
]
