from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
    path("nieuw/", views.NieuwView.as_view(), name="nieuw"),
]
