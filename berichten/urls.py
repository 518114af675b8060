app_name = "berichten"
urlpatterns: list = []
