from django.urls import path

from . import views

app_name = "rapportage"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("raad/", views.RaadView.as_view(), name="raad"),
]
