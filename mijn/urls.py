"""/mijn/: the inwoner's portal. The DigiD endpoints of the library are always here; the demo
identity provider (the library's mock: any BSN, no SAML) only with MIJN_DEMO_IDP."""

from django.conf import settings
from django.urls import path

from . import digid, views

app_name = "mijn"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("niet-gevonden/", views.GeenKoppelingView.as_view(), name="geen_koppeling"),
    path("uitloggen/", views.UitloggenView.as_view(), name="uitloggen"),
    path("overzicht/", views.OverzichtView.as_view(), name="overzicht"),
    path("zaak/<str:nummer>/", views.CasusView.as_view(), name="casus"),
    path("zaak/<str:nummer>/document/", views.UploadView.as_view(), name="upload"),
    path("zaak/<str:nummer>/document/<int:pk>/", views.DocumentDownloadView.as_view(), name="document"),
    path("zaak/<str:nummer>/antwoord/<int:pk>/", views.AntwoordView.as_view(), name="antwoord"),
    path("brieven/", views.BrievenView.as_view(), name="brieven"),
    path("brieven/<int:pk>/", views.BriefDownloadView.as_view(), name="brief"),
    path("melding/", views.MeldingView.as_view(), name="melding"),
    path("melding/<str:nummer>/ontvangen/", views.MeldingOntvangenView.as_view(), name="melding_ontvangen"),
    path("wie-keek/", views.WieKeekView.as_view(), name="wie_keek"),
    path("wie-keek/pdf/", views.WieKeekPdfView.as_view(), name="wie_keek_pdf"),
]

if settings.MIJN_DEMO_IDP:
    urlpatterns += [
        path("digid-demo/login/", digid.DemoLoginView.as_view(), name="digid_demo_login"),
        path("digid-demo/acs/", digid.DemoAcsView.as_view(), name="digid_demo_acs"),
    ]
