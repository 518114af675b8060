from django.urls import path

from . import views

app_name = "backoffice"

casus = "casus/<str:nummer>/"

urlpatterns = [
    path("", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
    path("bewaartermijnen/", views.BewaartermijnenView.as_view(), name="bewaartermijnen"),
    path("jeugdhulp-volwassenen/", views.JeugdhulpVolwassenenView.as_view(), name="jeugdhulp_volwassenen"),
    path(casus, views.CasusDetailView.as_view(), name="casus"),
    path(casus + "claimen/", views.ClaimenView.as_view(), name="claimen"),
    path(casus + "toewijzen/", views.ToewijzenView.as_view(), name="toewijzen"),
    path(casus + "onderzoek/starten/", views.OnderzoekStartenView.as_view(), name="onderzoek_starten"),
    path(casus + "onderzoek/", views.OnderzoekView.as_view(), name="onderzoek"),
    path(casus + "plan/", views.PlanView.as_view(), name="plan"),
    path(casus + "aanvraag/", views.AanvraagView.as_view(), name="aanvraag"),
    path(casus + "voorschot/", views.VoorschotView.as_view(), name="voorschot"),
    path(casus + "besluit/", views.BesluitView.as_view(), name="besluit"),
    path(casus + "zorg-gestart/", views.ZorgStartenView.as_view(), name="zorg_starten"),
    path(
        casus + "voorziening/<int:pk>/beeindigen/",
        views.VoorzieningBeeindigenView.as_view(),
        name="voorziening_beeindigen",
    ),
    path(casus + "termijn/<int:pk>/opschorten/", views.OpschortenView.as_view(), name="opschorten"),
    path(casus + "termijn/<int:pk>/hervatten/", views.HervattenView.as_view(), name="hervatten"),
    path(casus + "termijn/<int:pk>/verdagen/", views.VerdagenView.as_view(), name="verdagen"),
    path(casus + "besluit/<int:pk>/bezwaar/", views.BezwaarView.as_view(), name="bezwaar"),
    path(
        casus + "bezwaar/<int:pk>/beslissen/", views.BezwaarBeslissenView.as_view(), name="bezwaar_beslissen"
    ),
    path(casus + "afschalen/", views.AfschalenView.as_view(), name="afschalen"),
    path(casus + "afsluiten/", views.AfsluitenView.as_view(), name="afsluiten"),
]
