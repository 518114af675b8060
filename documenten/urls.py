from django.urls import path

from . import views

app_name = "documenten"

casus = "casus/<str:nummer>/"

urlpatterns = [
    path(casus, views.DocumentenView.as_view(), name="casus"),
    path(casus + "brief/<str:soort>/<int:object_id>/", views.BriefView.as_view(), name="brief"),
    path(casus + "brief/<int:pk>/pdf/", views.BriefDownloadView.as_view(), name="brief_pdf"),
    path(casus + "bestanden/toevoegen/", views.DocumentToevoegenView.as_view(), name="document_toevoegen"),
    path(casus + "bestanden/<int:pk>/", views.DocumentDownloadView.as_view(), name="document"),
    path(
        casus + "bestanden/<int:pk>/verwijderen/",
        views.DocumentVerwijderenView.as_view(),
        name="document_verwijderen",
    ),
]
