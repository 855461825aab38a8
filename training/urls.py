from django.urls import path

from . import evaluation_views, views

app_name = "training"

urlpatterns = [
    path("training/", views.CalendarView.as_view(), name="calendar"),
    path("training/courses/<int:pk>/", views.CourseView.as_view(), name="course"),
    path("training/sessions/<int:pk>/", views.SessionView.as_view(), name="session"),
    path("training/sessions/<int:pk>/book/", views.BookView.as_view(), name="book"),
    path("training/bookings/<str:token>/", views.ManageBookingView.as_view(), name="manage_booking"),
    path("training/approvals/<str:token>/", views.ApprovalView.as_view(), name="approval"),
    path("training/evaluations/<str:token>/", evaluation_views.EvaluationView.as_view(), name="evaluation"),
    path("training/certificates/<str:token>/", evaluation_views.CertificateView.as_view(), name="certificate"),
    path("training/impact/", evaluation_views.ImpactView.as_view(), name="impact"),
]
