"""The business manager's audit trail page and its download (CSV, every row the filters leave, newest first)."""

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from lscp.roles import BusinessManagerRequiredMixin
from lscp.spreadsheets import csv_writer

from .forms import AuditTrailFilterForm
from .selectors import EXPORT_MAX_ROWS, MAX_PAGES, PER_PAGE, audit_export, audit_page

EXPORT_HEADINGS = [
    "When",
    "Who",
    "User name",
    "What happened",
    "Kind of record",
    "Record number",
    "Record",
    "Fields changed",
    "Details",
    "Address signed in from",
]


class AuditTrailView(BusinessManagerRequiredMixin, TemplateView):
    template_name = "audit_trail/audit_trail.html"

    def get_context_data(self, **kwargs):
        filters = AuditTrailFilterForm(self.request.GET)
        page = audit_page(filters.filters(), self.request.GET.get("page"))
        return super().get_context_data(
            filters=filters,
            page_obj=page,
            entries=page.object_list,
            is_paginated=page.has_other_pages(),
            per_page=PER_PAGE,
            max_pages=MAX_PAGES,
            export_max_rows=EXPORT_MAX_ROWS,
            **kwargs,
        )


class _Lines:
    """What the CSV writer writes to: each line is handed back, to be sent as it is made."""

    def write(self, line):
        return line


def export_lines(filters):
    writer = csv_writer(_Lines())
    yield "\ufeff"  # a byte-order mark, so that Excel reads names with accents as UTF-8
    yield writer.writerow(EXPORT_HEADINGS)
    for entry in audit_export(filters):
        yield writer.writerow(
            [
                timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
                entry.who,
                entry.username,
                entry.what,
                entry.record_kind,
                entry.record_id,
                entry.record_name,
                "; ".join(entry.changed_fields),
                entry.detail,
                entry.address,
            ]
        )


class AuditTrailExportView(BusinessManagerRequiredMixin, View):
    def get(self, request):
        filters = AuditTrailFilterForm(request.GET).filters()
        response = StreamingHttpResponse(export_lines(filters), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="audit-trail-{timezone.localdate():%Y-%m-%d}.csv"'
        return response
