"""The register of a session as a spreadsheet: CSV (through the shared `csv_writer`, which escapes cells a
spreadsheet would run as a formula) or an Excel workbook (the shared `ExcelFile`, whose text cells stay text).
One query for the rows, whatever their number. And the organiser's page that downloads it."""

import io

import tablib
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views import View

from lscp.spreadsheets import ExcelFile, csv_writer

from ..models import PLACE_STATUSES, Booking
from .organiser import OrganiserRequiredMixin

REGISTER_HEADINGS = [
    "Delegate name",
    "Work e-mail",
    "Agency or organisation",
    "Sector",
    "Job role",
    "Line manager e-mail",
    "Status",
    "Booked on",
    "Booked by",
]


def register_rows(session):
    """The delegates holding a place on the session (booked, awaiting approval, attended, no-show), by name."""
    bookings = (
        Booking.objects.filter(session=session, status__in=PLACE_STATUSES)
        .select_related("delegate", "delegate__agency")
        .order_by("delegate__name", "id")
    )
    for booking in bookings:
        delegate = booking.delegate
        yield [
            delegate.name,
            delegate.email,
            delegate.organisation_name,
            delegate.get_sector_display(),
            delegate.job_role,
            # The line manager given with this booking (who approves it); the record's for older bookings.
            booking.line_manager_email or delegate.line_manager_email,
            booking.get_status_display(),
            timezone.localtime(booking.created_at).strftime("%Y-%m-%d %H:%M"),
            booking.booked_by_email,
        ]


def register_filename(session, extension):
    starts = timezone.localtime(session.starts_at)
    return f"register-{session.pk}-{starts:%Y-%m-%d-%H%M}.{extension}"


def register_csv(session):
    stream = io.StringIO()
    writer = csv_writer(stream)
    writer.writerow(REGISTER_HEADINGS)
    writer.writerows(register_rows(session))
    return "\ufeff" + stream.getvalue()  # a byte-order mark, so that Excel reads the accents as UTF-8


def register_xlsx(session):
    dataset = tablib.Dataset(headers=REGISTER_HEADINGS)
    for row in register_rows(session):
        dataset.append(row)
    return ExcelFile().export_data(dataset)


class RegisterExportView(OrganiserRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        session = self.get_session()
        file_format = kwargs["format"]
        if file_format == "csv":
            response = HttpResponse(register_csv(session), content_type="text/csv; charset=utf-8")
        elif file_format == "xlsx":
            response = HttpResponse(
                register_xlsx(session),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            raise Http404("No such format.")
        filename = register_filename(session, file_format)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
