from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from altena import privacy, views

admin.site.site_header = "Altena Toegang – beheer"
admin.site.site_title = "Altena Toegang"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("geen-rol/", views.GeenRolView.as_view(), name="geen_rol"),
    path("privacy/", privacy.VerwerkingenLogView.as_view(), name="privacy_log"),
    path("health/", views.HealthView.as_view(), name="health"),
    path("netwerk/", include("netwerk.urls")),
    path("intake/", include("intake.urls")),
    path("backoffice/", include("backoffice.urls")),
    path("documenten/", include("documenten.urls")),
    path("berichten/", include("berichten.urls")),
    path("partner/", include("partner.urls")),
    path("signalen/", include("signalen.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("admin/", admin.site.urls),
]
