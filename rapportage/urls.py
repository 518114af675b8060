from django.urls import path

from . import views

app_name = "rapportage"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("raad/", views.RaadView.as_view(), name="raad"),
    path("raad/csv/<slug:sleutel>/", views.RaadCsvView.as_view(), name="raad_csv"),
    path("raad/xlsx/", views.RaadXlsxView.as_view(), name="raad_xlsx"),
    path("raad/pdf/", views.RaadPdfView.as_view(), name="raad_pdf"),
    path("raad/cbs/", views.CbsView.as_view(), name="cbs"),
    path("raad/cbs/csv/", views.CbsCsvView.as_view(), name="cbs_csv"),
]
