from django.urls import path

from . import audit_views, dataset_views, views

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

urlpatterns += [
    # Multi-agency and single-agency audits.
    path("audits/", audit_views.AuditListView.as_view(), name="audits"),
    path("audits/new/", audit_views.AuditFormView.as_view(), name="audit_add"),
    path("audits/<int:pk>/", audit_views.AuditDetailView.as_view(), name="audit"),
    path("audits/<int:pk>/edit/", audit_views.AuditFormView.as_view(), name="audit_edit"),
    path("audits/<int:pk>/agencies/", audit_views.ParticipationView.as_view(), name="participation"),
    path("audits/<int:pk>/agencies/<int:agency_pk>/cases/", audit_views.JudgementsView.as_view(), name="judgements"),
    path("audits/<int:pk>/findings/", audit_views.FindingsView.as_view(), name="findings"),
    path("audits/<int:pk>/recommendations/", audit_views.RecommendationView.as_view(), name="recommendation_add"),
    path("audits/<int:pk>/actions/", audit_views.RaiseActionView.as_view(), name="action_raise"),
    path("single-agency-audits/", audit_views.SingleAgencyAuditListView.as_view(), name="single_agency_audits"),
    path("single-agency-audits/new/", audit_views.SingleAgencyAuditFormView.as_view(), name="single_agency_audit_add"),
    path(
        "single-agency-audits/<int:pk>/edit/",
        audit_views.SingleAgencyAuditFormView.as_view(),
        name="single_agency_audit_edit",
    ),
]
