app_name = "partner"
urlpatterns: list = []
