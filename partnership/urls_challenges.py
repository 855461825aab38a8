"""URLs for the challenge log pages (namespace: partnership)."""

urlpatterns = []
