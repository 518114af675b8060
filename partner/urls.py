"""The partner portal. Referrals by id, always within the worker's own organisation (404 otherwise)."""

from django.urls import path

from . import views

app_name = "partner"

urlpatterns = [
    path("", views.OverzichtView.as_view(), name="overzicht"),
    path("verwijzing/<int:pk>/", views.VerwijzingView.as_view(), name="verwijzing"),
    path("verwijzing/<int:pk>/<slug:actie>/", views.ActieView.as_view(), name="actie"),
    path("capaciteit/", views.CapaciteitView.as_view(), name="capaciteit"),
    path("uitnodiging/<str:token>/", views.UitnodigingView.as_view(), name="uitnodiging"),
]
