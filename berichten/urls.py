from django.urls import path

from . import views

app_name = "berichten"
urlpatterns = [
    path("", views.BerichtenboxView.as_view(), name="box"),
    path("casus/<str:nummer>/", views.BerichtenboxView.as_view(), name="casus"),
    path("<int:pk>/", views.BerichtView.as_view(), name="bericht"),
    path("<int:pk>/xml/", views.BerichtXmlView.as_view(), name="xml"),
    path("verzoeken/", views.VerzoekenView.as_view(), name="verzoeken"),
    path("verzoeken/<int:pk>/", views.VerzoekBeoordelenView.as_view(), name="verzoek"),
    path("voorziening/<int:pk>/wijzigen/", views.VoorzieningWijzigenView.as_view(), name="wijzigen"),
]
