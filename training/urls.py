from django.urls import path

from .views import bookings, evaluations, exports, organiser

app_name = "training"

urlpatterns = [
    path("training/", bookings.CalendarView.as_view(), name="calendar"),
    path("training/courses/<int:pk>/", bookings.CourseView.as_view(), name="course"),
    path("training/sessions/<int:pk>/", bookings.SessionView.as_view(), name="session"),
    path("training/sessions/<int:pk>/book/", bookings.BookView.as_view(), name="book"),
    path("training/bookings/<str:token>/", bookings.ManageBookingView.as_view(), name="manage_booking"),
    path("training/approvals/<str:token>/", bookings.ApprovalView.as_view(), name="approval"),
    path("training/my-details/<str:token>/", bookings.DelegateDetailsView.as_view(), name="delegate_details"),
    path("training/sessions/<int:pk>/book-team/", organiser.TeamBookingView.as_view(), name="book_team"),
    path("training/privacy/", bookings.PrivacyNoticeView.as_view(), name="privacy"),
    # The organiser pages.
    path("training/organise/", organiser.SessionListView.as_view(), name="organise"),
    path("training/organise/sessions/new/", organiser.SessionFormView.as_view(), name="add_session"),
    path("training/organise/sessions/<int:pk>/", organiser.SessionView.as_view(), name="organise_session"),
    path("training/organise/sessions/<int:pk>/edit/", organiser.SessionFormView.as_view(), name="edit_session"),
    path("training/organise/sessions/<int:pk>/register/", organiser.RegisterView.as_view(), name="register"),
    path(
        "training/organise/sessions/<int:pk>/register.<str:format>",
        exports.RegisterExportView.as_view(),
        name="register_export",
    ),
    path(
        "training/organise/sessions/<int:pk>/cancel/",
        organiser.CancelSessionView.as_view(),
        name="cancel_session",
    ),
    path("training/organise/bookings/<int:pk>/move/", organiser.MoveBookingView.as_view(), name="move_booking"),
    path(
        "training/organise/attendance/import/",
        organiser.AttendanceImportView.as_view(),
        name="import_attendance",
    ),
    path(
        "training/organise/attendance/import/template.<str:file_format>",
        organiser.AttendanceImportTemplateView.as_view(),
        name="import_attendance_template",
    ),
    # Evaluations, certificates and impact.
    path("training/evaluations/<str:token>/", evaluations.EvaluationView.as_view(), name="evaluation"),
    path("training/certificates/<str:token>/", evaluations.CertificateView.as_view(), name="certificate"),
    path("training/impact/", evaluations.ImpactView.as_view(), name="impact"),
]
