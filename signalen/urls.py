from django.urls import path

from . import views

app_name = "signalen"

urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("voorkeur/", views.VoorkeurView.as_view(), name="voorkeur"),
    path("<int:pk>/", views.SignaalOpenenView.as_view(), name="openen"),
    path("<int:pk>/afhandelen/", views.SignaalAfhandelenView.as_view(), name="afhandelen"),
]
