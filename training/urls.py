from django.urls import path

from . import evaluation_views, organiser_views, views

app_name = "training"

urlpatterns = [
    path("training/", views.CalendarView.as_view(), name="calendar"),
    path("training/courses/<int:pk>/", views.CourseView.as_view(), name="course"),
    path("training/sessions/<int:pk>/", views.SessionView.as_view(), name="session"),
    path("training/sessions/<int:pk>/book/", views.BookView.as_view(), name="book"),
    path("training/bookings/<str:token>/", views.ManageBookingView.as_view(), name="manage_booking"),
    path("training/approvals/<str:token>/", views.ApprovalView.as_view(), name="approval"),
    path("training/sessions/<int:pk>/book-team/", organiser_views.TeamBookingView.as_view(), name="book_team"),
    # The organiser pages.
    path("training/organise/", organiser_views.SessionListView.as_view(), name="organise"),
    path("training/organise/sessions/<int:pk>/", organiser_views.SessionView.as_view(), name="organise_session"),
    path("training/organise/sessions/<int:pk>/register/", organiser_views.RegisterView.as_view(), name="register"),
    path(
        "training/organise/sessions/<int:pk>/register.<str:format>",
        organiser_views.RegisterExportView.as_view(),
        name="register_export",
    ),
    path(
        "training/organise/sessions/<int:pk>/cancel/",
        organiser_views.CancelSessionView.as_view(),
        name="cancel_session",
    ),
    path("training/organise/bookings/<int:pk>/move/", organiser_views.MoveBookingView.as_view(), name="move_booking"),
    path(
        "training/organise/attendance/import/",
        organiser_views.AttendanceImportView.as_view(),
        name="import_attendance",
    ),
    # Evaluations, certificates and impact.
    path("training/evaluations/<str:token>/", evaluation_views.EvaluationView.as_view(), name="evaluation"),
    path("training/certificates/<str:token>/", evaluation_views.CertificateView.as_view(), name="certificate"),
    path("training/impact/", evaluation_views.ImpactView.as_view(), name="impact"),
]
