"""Front-door URLs. Cases by their human number, persons and households by an id, never a BSN;
every view checks role and scope."""

from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
    path("nieuw/", views.NieuwView.as_view(), name="nieuw"),
    path("nieuw/inwoner/", views.InwonerRegistrerenView.as_view(), name="inwoner_registreren"),
    path("nieuw/uit-brp/", views.InwonerUitBrpView.as_view(), name="inwoner_uit_brp"),
    path("inwoner/<int:pk>/", views.InwonerView.as_view(), name="inwoner"),
    path("inwoner/<int:pk>/hulpvraag/", views.HulpvraagView.as_view(), name="hulpvraag"),
    path("casus/<str:nummer>/", views.CasusDetailView.as_view(), name="casus"),
    path("casus/<str:nummer>/bewerken/", views.CasusBewerkenView.as_view(), name="casus_bewerken"),
    path("casus/<str:nummer>/afhandelen/", views.AfhandelenView.as_view(), name="afhandelen"),
    path("casus/<str:nummer>/verwijzen/", views.VerwijzenView.as_view(), name="verwijzen"),
    path("casus/<str:nummer>/opschalen/", views.OpschalenView.as_view(), name="opschalen"),
    path("casus/<str:nummer>/afsluiten/", views.AfsluitenView.as_view(), name="afsluiten"),
    path("verwijzing/<int:pk>/terugkoppeling/", views.TerugkoppelingView.as_view(), name="terugkoppeling"),
    path("huishouden/<int:pk>/", views.HuishoudenView.as_view(), name="huishouden"),
    path("huishouden/<int:pk>/regisseur/", views.RegisseurView.as_view(), name="regisseur"),
]
