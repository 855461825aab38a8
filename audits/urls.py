from django.urls import path

from .views import audits, dataset, section11

app_name = "audits"

urlpatterns = [
    # Section 11 / 175 self-assessments.
    path("section-11/", section11.Section11IndexView.as_view(), name="section11"),
    path("section-11/cycles/<int:cycle_pk>/start/", section11.StartReturnView.as_view(), name="start_return"),
    path("section-11/cycles/<int:cycle_pk>/", section11.DashboardView.as_view(), name="dashboard"),
    path("section-11/cycles/<int:cycle_pk>/invite/", section11.InviteAgenciesView.as_view(), name="invite_agencies"),
    path("section-11/returns/<int:pk>/", section11.ReturnView.as_view(), name="return"),
    path("section-11/returns/<int:pk>/scrutiny/", section11.ScrutinyView.as_view(), name="scrutiny"),
    path("section-11/evidence/<int:pk>/", section11.EvidenceDownloadView.as_view(), name="evidence"),
    # The data set.
    path("data-set/exceptions/", dataset.ExceptionsView.as_view(), name="exceptions"),
    path("data-set/exceptions.pdf", dataset.ExceptionsPdfView.as_view(), name="exceptions_pdf"),
    path("data-set/import/", dataset.ImportObservationsView.as_view(), name="import_observations"),
    path(
        "data-set/import/template.<str:file_format>",
        dataset.ObservationsTemplateView.as_view(),
        name="import_observations_template",
    ),
]

urlpatterns += [
    # Multi-agency and single-agency audits.
    path("audits/", audits.AuditListView.as_view(), name="audits"),
    path("audits/new/", audits.AuditFormView.as_view(), name="audit_add"),
    path("audits/<int:pk>/", audits.AuditDetailView.as_view(), name="audit"),
    path("audits/<int:pk>/edit/", audits.AuditFormView.as_view(), name="audit_edit"),
    path("audits/<int:pk>/agencies/", audits.ParticipationView.as_view(), name="participation"),
    path("audits/<int:pk>/agencies/<int:agency_pk>/cases/", audits.JudgementsView.as_view(), name="judgements"),
    path("audits/<int:pk>/findings/", audits.FindingsView.as_view(), name="findings"),
    path("audits/<int:pk>/recommendations/", audits.RecommendationView.as_view(), name="recommendation_add"),
    path("audits/<int:pk>/actions/", audits.RaiseActionView.as_view(), name="action_raise"),
    path("single-agency-audits/", audits.SingleAgencyAuditListView.as_view(), name="single_agency_audits"),
    path("single-agency-audits/new/", audits.SingleAgencyAuditFormView.as_view(), name="single_agency_audit_add"),
    path(
        "single-agency-audits/<int:pk>/edit/",
        audits.SingleAgencyAuditFormView.as_view(),
        name="single_agency_audit_edit",
    ),
]
