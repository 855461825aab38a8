"""The import of past attendance checks every row: if any fails, nothing is imported and each problem comes back
with the spreadsheet's row number (the heading row is row 1) and column. A clean file adds a booking per row
(attended or no-show), a delegate per new work e-mail, updates a booking already there, and marks the sessions
held."""

import io
from datetime import date, time, timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lscp.testing import sign_in
from partnership.tests.factories import AgencyFactory
from training.models import Booking, BookingStatus, Delegate, SessionStatus
from training.services.attendance_import import import_attendance
from training.tests.factories import BookingFactory, CourseFactory, CourseSessionFactory, DelegateFactory

pytestmark = pytest.mark.django_db
HEADINGS = "Course,Session date,Session start,Delegate name,Work e-mail,Agency,Organisation,Sector,Job role,Attendance"


def _past_session(title="Neglect: recognising and responding"):
    starts = timezone.make_aware(timezone.datetime(2022, 10, 12, 9, 30))
    course = CourseFactory(title=title)
    return CourseSessionFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=3))


def _csv(*rows):
    return ("\n".join([HEADINGS, *rows]) + "\n").encode()


def test_one_bad_row_imports_nothing_and_each_problem_has_its_row_number():
    session = _past_session()
    AgencyFactory(name="Metropolitan Police")
    content = _csv(
        f"{session.course.title},12/10/2022,09:30,Dana Officer,dana@met.police.uk,Metropolitan Police,,,PC,attended",
        f"{session.course.title},13/10/2022,09:30,No Session,x@example.org,,A school,Education,,attended",
        "",
        f"{session.course.title},2022-10-12,9:30,Bad Mail,not-an-email,Nowhere Agency,,,,maybe",
        f"{session.course.title},12/10/2022,09:30,Dana Again,DANA@met.police.uk,Metropolitan Police,,,,no-show",
    )

    result = import_attendance(content=content, file_format="csv")

    found = {(problem.row, problem.column) for problem in result.problems}
    assert found == {
        (3, "Session date"),
        (5, "Work e-mail"),
        (5, "Agency"),
        (5, "Attendance"),
        (6, "Work e-mail"),
    }
    twice = next(p for p in result.problems if p.row == 6)
    assert "also on row 2" in twice.message
    assert Booking.objects.count() == 0 and Delegate.objects.count() == 0


def test_a_clean_file_records_every_row_and_holds_the_sessions(client, manager):
    session = _past_session()
    police = AgencyFactory(name="Metropolitan Police")
    known = DelegateFactory(email="known@example.org")
    booked = BookingFactory(session=session, delegate=known)
    content = _csv(
        f"{session.course.title.upper()},12/10/2022,09:30,Dana O,dana@met.police.uk,metropolitan police,,,,attended",
        f"{session.course.title},12/10/2022,09:30,Known Person,KNOWN@example.org,,A school,Education,,no show",
        f'{session.course.title},12/10/2022,09:30,Tab Person,tab@example.org,,"St Mary\\Annex, ""East""",Education,,y',
    )
    url = reverse("training:import_attendance")

    upload = SimpleUploadedFile("attendance.csv", content, content_type="text/csv")
    response = sign_in(client, manager).post(url, {"file": upload, "file_format": "csv"})

    assert response.status_code == 302
    dana = Delegate.objects.get(email="dana@met.police.uk")
    assert dana.name == "Dana O" and dana.agency == police and dana.sector == police.sector
    dana_booking = Booking.objects.get(delegate=dana)
    assert dana_booking.status == BookingStatus.ATTENDED
    assert [h.history_user for h in dana_booking.history.all()] == [manager]  # written with its history
    assert Delegate.objects.get(email="tab@example.org").organisation == 'St Mary\\Annex, "East"'
    booked.refresh_from_db()
    assert booked.status == BookingStatus.NO_SHOW
    assert booked.history.count() == 2  # the import's change is in the booking's history
    session.refresh_from_db()
    assert session.status == SessionStatus.HELD and session.register_taken_by == manager


def test_the_page_lists_the_problems_with_row_numbers(client, manager):
    _past_session()
    content = _csv("No Such Course,12/10/2022,09:30,Dana,dana@example.org,,A school,Education,,attended")
    upload = SimpleUploadedFile("attendance.csv", content, content_type="text/csv")

    response = sign_in(client, manager).post(
        reverse("training:import_attendance"), {"file": upload, "file_format": "csv"}
    )

    page = response.content.decode()
    assert "Nothing was imported" in page
    assert "Row 2, Course: There is no course called “No Such Course”" in page


def test_a_workbook_with_date_and_time_cells_imports_like_a_csv_file():
    session = _past_session()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Course", "Session date", "Session start", "Delegate name", "Work e-mail", "Organisation", "Sector"])
    sheet.append([session.course.title, date(2022, 10, 12), time(9, 30), "Wyn Book", "wyn@example.org", "A nursery"])
    sheet.append([session.course.title, date(2022, 10, 12), time(9, 30), "Xan Book", "xan@example.org", "A nursery"])
    sheet["H1"] = "Attendance"
    sheet["G2"], sheet["H2"], sheet["G3"], sheet["H3"] = "Early years", "Attended", "Early years", "Absent"
    buffer = io.BytesIO()
    book.save(buffer)

    result = import_attendance(content=buffer.getvalue(), file_format="xlsx")

    assert result.ok, result.problems
    statuses = dict(Booking.objects.filter(session=session).values_list("delegate__email", "status"))
    assert statuses == {"wyn@example.org": BookingStatus.ATTENDED, "xan@example.org": BookingStatus.NO_SHOW}
