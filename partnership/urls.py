from django.urls import path

from . import views

app_name = "partnership"

urlpatterns = [
    path("agencies/", views.AgencyListView.as_view(), name="agencies"),
    path("agencies/<int:pk>/", views.AgencyDetailView.as_view(), name="agency"),
    path("bodies/", views.BodyListView.as_view(), name="bodies"),
    path("bodies/<int:pk>/", views.BodyDetailView.as_view(), name="body"),
    path("bodies/<int:body_pk>/edit/", views.BodyEditView.as_view(), name="body_edit"),
    path("bodies/<int:body_pk>/meetings/new/", views.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting"),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting_edit"),
    path("documents/<slug:kind>/<int:pk>/", views.DocumentDownloadView.as_view(), name="document"),
    path("attendance/", views.AttendanceIndexView.as_view(), name="attendance_index"),
    path("attendance/<fy:year>/", views.AttendanceReportView.as_view(), name="attendance"),
    path("attendance/<fy:year>/attendance.csv", views.AttendanceCsvView.as_view(), name="attendance_csv"),
]
