from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.ReportListView.as_view(), name="list"),
    path("reports/chapters/", views.ChaptersToWriteView.as_view(), name="chapters"),
    path("reports/<fy:year>/", views.ReportDetailView.as_view(), name="report"),
    path("reports/<fy:year>/annual-report.pdf", views.PublishedDownloadView.as_view(), name="published_pdf"),
    path(
        "reports/<fy:year>/for-young-people.pdf",
        views.PublishedYoungPeopleDownloadView.as_view(),
        name="published_young_people_pdf",
    ),
    path("reports/<fy:year>/read/", views.PublishedEditionView.as_view(), name="published_edition"),
    path("reports/<fy:year>/preview/", views.ReportPreviewView.as_view(), name="preview"),
    path("reports/<fy:year>/build/", views.BuildRequestView.as_view(), name="build"),
    path("reports/<fy:year>/builds/<int:pk>/status/", views.BuildStatusView.as_view(), name="build_status"),
    path("reports/<fy:year>/builds/<int:pk>/download/", views.BuildDownloadView.as_view(), name="build_download"),
    path(
        "reports/<fy:year>/builds/<int:pk>/for-young-people/",
        views.BuildYoungPeopleDownloadView.as_view(),
        name="build_young_people",
    ),
    path("reports/<fy:year>/builds/<int:pk>/web/", views.BuildEditionView.as_view(), name="build_edition"),
    path("reports/<fy:year>/chapters/<slug:key>/", views.NarrativeEditView.as_view(), name="narrative"),
    path("reports/<fy:year>/contributions/", views.ContributionsBoardView.as_view(), name="contributions"),
    path(
        "reports/<fy:year>/contributions/<slug:key>/chase/",
        views.ContributionChaseView.as_view(),
        name="contribution_chase",
    ),
    path("reports/<fy:year>/approve/", views.ApproveView.as_view(), name="approve"),
    path("reports/<fy:year>/publish/", views.PublishView.as_view(), name="publish"),
    path("reports/<fy:year>/duties/", views.ReportDutiesView.as_view(), name="duties"),
    path("reports/<fy:year>/duties/<int:pk>/send/", views.DutySendView.as_view(), name="duty_send"),
    path("reports/<fy:year>/duties/<int:pk>/record/", views.DutyRecordView.as_view(), name="duty_record"),
    path("reports/<fy:year>/<slug:action>/", views.ReportWorkflowView.as_view(), name="workflow"),
]
