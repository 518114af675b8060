app_name = "documenten"
urlpatterns: list = []
