from django.urls import path

from . import views

app_name = "backoffice"

urlpatterns = [
    path("", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
]
