"""/mijn/demo-idp/digid/: the library's DigiD mock identity provider, in its own namespace. Only
included with MIJN_DEMO_IDP (altena/urls.py; system check mijn.E001)."""

from digid_eherkenning.mock.idp.views.digid import DigiDMockIDPBSNLoginView, DigiDMockIDPLoginView
from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.utils.decorators import method_decorator

from .digid import GeenMedewerker

app_name = "digid-mock"


@method_decorator(login_not_required, name="dispatch")
class KeuzeView(GeenMedewerker, DigiDMockIDPLoginView):
    verwerking = ""  # a demo page without personal data


@method_decorator(login_not_required, name="dispatch")
class BsnView(GeenMedewerker, DigiDMockIDPBSNLoginView):
    verwerking = ""


urlpatterns = [
    path("inloggen/", KeuzeView.as_view(), name="login"),
    path("inloggen_bsn/", BsnView.as_view(), name="bsn"),
]
