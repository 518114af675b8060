from django.urls import path

from . import views

app_name = "netwerk"

urlpatterns = [
    path("", views.SocialeKaartView.as_view(), name="sociale_kaart"),
    path("partners/<int:pk>/", views.PartnerDetailView.as_view(), name="partner_detail"),
]
