"""/mijn/digid/: the gemeente's DigiD (SAML) through the library, in its own "digid" namespace (the
library's client reverses ``digid:acs``)."""

from django.urls import path

from . import digid

app_name = "digid"

urlpatterns = [
    path("login/", digid.LoginView.as_view(), name="login"),
    path("acs/", digid.AcsView.as_view(), name="acs"),
]
