"""URLs for the actions pages (namespace: partnership)."""

from django.urls import path

from .views import actions as views

urlpatterns = [
    path("actions/", views.ActionListView.as_view(), name="actions"),
    path("actions/<int:pk>/", views.ActionDetailView.as_view(), name="action"),
    path("actions/<int:pk>/progress/new/", views.ProgressUpdateCreateView.as_view(), name="action_add_update"),
    path("actions/evidence/<int:pk>/", views.EvidenceDownloadView.as_view(), name="action_evidence"),
]
