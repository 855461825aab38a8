"""URLs for the actions pages (namespace: partnership)."""

urlpatterns = []
