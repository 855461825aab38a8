from django.urls import path

from . import dataset_views, views

app_name = "audits"

urlpatterns = [
    # Section 11 / 175 self-assessments.
    path("section-11/", views.Section11IndexView.as_view(), name="section11"),
    path("section-11/cycles/<int:cycle_pk>/start/", views.StartReturnView.as_view(), name="start_return"),
    path("section-11/cycles/<int:cycle_pk>/", views.DashboardView.as_view(), name="dashboard"),
    path("section-11/returns/<int:pk>/", views.ReturnView.as_view(), name="return"),
    path("section-11/returns/<int:pk>/scrutiny/", views.ScrutinyView.as_view(), name="scrutiny"),
    path("section-11/evidence/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence"),
    # The data set.
    path("data-set/exceptions/", dataset_views.ExceptionsView.as_view(), name="exceptions"),
    path("data-set/exceptions.pdf", dataset_views.ExceptionsPdfView.as_view(), name="exceptions_pdf"),
    path("data-set/import/", dataset_views.ImportObservationsView.as_view(), name="import_observations"),
]
