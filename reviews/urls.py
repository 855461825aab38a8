from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("case-reviews/incidents/", views.IncidentListView.as_view(), name="incidents"),
    path("case-reviews/incidents/<int:pk>/", views.IncidentDetailView.as_view(), name="incident"),
    path(
        "case-reviews/incidents/<int:pk>/notification/",
        views.NotificationView.as_view(),
        name="incident_notification",
    ),
    path("case-reviews/incidents/<int:pk>/rapid-review/", views.RapidReviewView.as_view(), name="rapid_review"),
    path("case-reviews/incidents/<int:pk>/decision/", views.DecisionView.as_view(), name="decision"),
    path("case-reviews/practice-reviews/", views.PracticeReviewListView.as_view(), name="practice_reviews"),
    path("case-reviews/practice-reviews/<int:pk>/", views.PracticeReviewDetailView.as_view(), name="practice_review"),
    path(
        "case-reviews/practice-reviews/<int:pk>/step/",
        views.PracticeReviewStageView.as_view(),
        name="practice_review_stage",
    ),
    path("case-reviews/deadlines/", views.DeadlinesView.as_view(), name="deadlines"),
]
