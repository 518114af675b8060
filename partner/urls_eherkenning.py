"""/partner/eherkenning/saml/: the library's eHerkenning SAML endpoints in its "eherkenning" namespace
(its client reverses ``eherkenning:acs``)."""

from django.urls import path

from . import eherkenning

app_name = "eherkenning"

urlpatterns = [
    path("login/", eherkenning.LoginView.as_view(), name="login"),
    path("acs/", eherkenning.AcsView.as_view(), name="acs"),
]
