from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from altena import privacy, views
from altena.gebruikers import AccountVoorstellenView, GebruikerAuditView
from altena.zowerkthet import ZoWerktHetView
from partner import eherkenning

admin.site.site_header = "Altena Toegang – beheer"
admin.site.site_title = "Altena Toegang"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("altena.accounts")),
    path("geen-rol/", views.GeenRolView.as_view(), name="geen_rol"),
    path("zo-werkt-het/", ZoWerktHetView.as_view(), name="zo_werkt_het"),
    path("privacy/", privacy.VerwerkingenLogView.as_view(), name="privacy_log"),
    path("privacy/gebruikers/", GebruikerAuditView.as_view(), name="privacy_gebruikers"),
    path("accountvoorstellen/", AccountVoorstellenView.as_view(), name="accountvoorstellen"),
    path("health/", views.HealthView.as_view(), name="health"),
    path("netwerk/", include("netwerk.urls")),
    path("intake/", include("intake.urls")),
    path("backoffice/", include("backoffice.urls")),
    path("documenten/", include("documenten.urls")),
    path("berichten/", include("berichten.urls")),
    path("partner/eherkenning/", eherkenning.StartView.as_view(), name="partner_eherkenning"),
    path("partner/eherkenning/saml/", include("partner.urls_eherkenning")),
    path("partner/", include("partner.urls")),
    path("signalen/", include("signalen.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("mijn/", include("mijn.urls")),
    path("mijn/digid/", include("mijn.urls_digid")),
    path("beheer/saml-metadata/", include("mijn.urls_metadata")),
    path("admin/", admin.site.urls),
]

# The demo identity providers (any BSN or KvK number, no SAML): only with MIJN_DEMO_IDP, which the
# system check mijn.E001 refuses outside local development.
if settings.MIJN_DEMO_IDP:
    urlpatterns += [
        path("mijn/demo-idp/digid/", include("mijn.urls_demo_idp")),
        path(
            "partner/eherkenning/demo/",
            eherkenning.DemoEherkenningView.as_view(),
            name="partner_eherkenning_demo",
        ),
    ]

handler400 = "altena.errors.bad_request"
handler403 = "altena.errors.permission_denied"
handler404 = "altena.errors.page_not_found"
handler500 = "altena.errors.server_error"
