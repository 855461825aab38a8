from django.urls import path

from . import views

app_name = "audits"

urlpatterns = [
    # Section 11 / 175 self-assessments.
    path("section-11/", views.Section11IndexView.as_view(), name="section11"),
    path("section-11/cycles/<int:cycle_pk>/start/", views.StartReturnView.as_view(), name="start_return"),
    path("section-11/cycles/<int:cycle_pk>/", views.DashboardView.as_view(), name="dashboard"),
    path("section-11/returns/<int:pk>/", views.ReturnView.as_view(), name="return"),
    path("section-11/returns/<int:pk>/scrutiny/", views.ScrutinyView.as_view(), name="scrutiny"),
    path("section-11/evidence/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence"),
]
