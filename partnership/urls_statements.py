"""URLs for the statements pages (namespace: partnership)."""

from django.urls import path

from .views import statements as views

urlpatterns = [
    path("statements/", views.StatementsIndexView.as_view(), name="statements"),
    path("statements/<fy:year>/", views.StatementListView.as_view(), name="statement_list"),
    path("statements/<fy:year>/ours/", views.OurStatementView.as_view(), name="our_statement"),
    path(
        "statements/<fy:year>/agencies/<int:agency_pk>/",
        views.StatementReviewView.as_view(),
        name="statement_review",
    ),
]
