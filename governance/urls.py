from django.urls import path

from .views import actions, challenges, statements

app_name = "governance"

urlpatterns = [
    # The shared action tracker.
    path("actions/", actions.ActionListView.as_view(), name="actions"),
    path("actions/<int:pk>/", actions.ActionDetailView.as_view(), name="action"),
    path("actions/<int:pk>/progress/new/", actions.ProgressUpdateCreateView.as_view(), name="action_add_update"),
    path("actions/evidence/<int:pk>/", actions.EvidenceDownloadView.as_view(), name="action_evidence"),
    # Partners' statements for the annual report.
    path("statements/", statements.StatementsIndexView.as_view(), name="statements"),
    path("statements/<fy:year>/", statements.StatementListView.as_view(), name="statement_list"),
    path("statements/<fy:year>/ours/", statements.OurStatementView.as_view(), name="our_statement"),
    path(
        "statements/<fy:year>/agencies/<int:agency_pk>/",
        statements.StatementReviewView.as_view(),
        name="statement_review",
    ),
    path(
        "statements/<fy:year>/agencies/<int:agency_pk>/ask/",
        statements.StatementRequestView.as_view(),
        name="statement_request",
    ),
    path(
        "statements/<fy:year>/agencies/<int:agency_pk>/chase/",
        statements.StatementChaseView.as_view(),
        name="statement_chase",
    ),
    # The professional challenge and escalation log.
    path("challenges/", challenges.ChallengeListView.as_view(), name="challenges"),
    path("challenges/new/", challenges.LogChallengeView.as_view(), name="challenge_create"),
    path("challenges/<int:pk>/", challenges.ChallengeDetailView.as_view(), name="challenge"),
    path("challenges/<int:pk>/edit/", challenges.UpdateChallengeView.as_view(), name="challenge_edit"),
]
