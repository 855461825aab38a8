"""URLs for the statements pages (namespace: partnership)."""

urlpatterns = []
