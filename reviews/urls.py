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
    path("case-reviews/incidents/<int:pk>/commission/", views.CommissionView.as_view(), name="commission"),
    path("case-reviews/practice-reviews/", views.PracticeReviewListView.as_view(), name="practice_reviews"),
    path("case-reviews/practice-reviews/<int:pk>/", views.PracticeReviewDetailView.as_view(), name="practice_review"),
    path(
        "case-reviews/practice-reviews/<int:pk>/step/",
        views.PracticeReviewStageView.as_view(),
        name="practice_review_stage",
    ),
    path("case-reviews/practice-reviews/<int:pk>/hold/", views.HoldView.as_view(), name="practice_review_hold"),
    path("case-reviews/practice-reviews/<int:pk>/findings/", views.FindingView.as_view(), name="finding_add"),
    path(
        "case-reviews/practice-reviews/<int:pk>/findings/<int:finding>/remove/",
        views.FindingRemoveView.as_view(),
        name="finding_remove",
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/findings/<int:finding>/edit/",
        views.FindingEditView.as_view(),
        name="finding_edit",
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/recommendations/<int:recommendation>/status/",
        views.RecommendationStatusView.as_view(),
        name="recommendation_status",
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/dissemination/<int:dissemination>/remove/",
        views.DisseminationRemoveView.as_view(),
        name="dissemination_remove",
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/undo-not-published/",
        views.UndoNotPublishedView.as_view(),
        name="practice_review_undo_not_published",
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/reopen/",
        views.ReopenView.as_view(),
        name="practice_review_reopen",
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/recommendations/",
        views.RecommendationView.as_view(),
        name="recommendation_add",
    ),
    path("case-reviews/practice-reviews/<int:pk>/actions/", views.RaiseActionView.as_view(), name="action_raise"),
    path(
        "case-reviews/practice-reviews/<int:pk>/publication/",
        views.PublicationView.as_view(),
        name="practice_review_publication",
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/not-published/",
        views.NotPublishedView.as_view(),
        name="practice_review_not_published",
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/closure/", views.ClosureView.as_view(), name="practice_review_closure"
    ),
    path(
        "case-reviews/practice-reviews/<int:pk>/dissemination/",
        views.DisseminationView.as_view(),
        name="dissemination_add",
    ),
    path("case-reviews/themes/", views.ThemesView.as_view(), name="themes"),
    path("case-reviews/deadlines/", views.DeadlinesView.as_view(), name="deadlines"),
]
