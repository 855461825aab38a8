"""URLs for the challenge log pages (namespace: partnership)."""

from django.urls import path

from .views import challenges as views

urlpatterns = [
    path("challenges/", views.ChallengeListView.as_view(), name="challenges"),
    path("challenges/new/", views.LogChallengeView.as_view(), name="challenge_create"),
    path("challenges/<int:pk>/", views.ChallengeDetailView.as_view(), name="challenge"),
    path("challenges/<int:pk>/edit/", views.UpdateChallengeView.as_view(), name="challenge_edit"),
]
