import io

import pypdf
import pytest

from lscp.financial_year import FinancialYear
from partnership.models import BodyKind, MembershipRole
from partnership.tests.factories import (
    AgencyFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    aware,
)
from reports import services

YEAR = FinancialYear(2022)


def make_partnership(copies=1, first=0):
    """A small partnership for 2022/23 (an executive, the partnership, a subgroup, members, two meetings)."""
    from datetime import date

    for n in range(first, first + copies):
        executive = BodyFactory(name=f"Executive {n}", kind=BodyKind.EXECUTIVE)
        partnership = BodyFactory(name=f"Partnership {n}", kind=BodyKind.PARTNERSHIP, parent=executive)
        subgroup = BodyFactory(name=f"Case Review Subgroup {n}", parent=partnership)
        police = AgencyFactory(name=f"Metropolitan Police {n}", statutory_partner=True)
        members = [
            MembershipFactory(
                body=partnership,
                role=MembershipRole.INDEPENDENT_CHAIR,
                person=PersonFactory(name=f"Margaret Ellery {n}", job_title="Independent Chair"),
            ),
            MembershipFactory(
                body=partnership,
                person=PersonFactory(
                    name=f"Daniel Whitcombe {n}", agency=police, job_title="Detective Chief Inspector"
                ),
            ),
            MembershipFactory(
                body=subgroup,
                role=MembershipRole.CO_CHAIR,
                person=PersonFactory(name=f"Grace Ofori {n}", job_title="Designated Nurse"),
            ),
        ]
        for day in (date(2022, 5, 18), date(2022, 9, 21)):
            meeting = MeetingFactory(body=partnership, starts_at=aware(day))
            for membership in members[:2]:
                AttendanceFactory(meeting=meeting, membership=membership)
        _deliver_training(n, police)


def _deliver_training(n, agency):
    """A training session of 2022/23 with its register and evaluations, for the "Multi-agency training" chapter."""
    from datetime import date, timedelta

    from training.tests.factories import BookingFactory, CourseSessionFactory, DelegateFactory, EvaluationScoreFactory

    starts = aware(date(2022, 6, 14))
    session = CourseSessionFactory(
        course__title=f"Domestic Abuse and Safeguarding Children {n}",
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        status="held",
    )
    for stage in ("before", "after", "follow_up"):
        booking = BookingFactory(session=session, status="attended", delegate=DelegateFactory(agency=agency))
        EvaluationScoreFactory(
            evaluation__booking=booking,
            evaluation__stage=stage,
            evaluation__practice_changed=stage != "before" or None,
            outcome__course=session.course,
        )
    BookingFactory(session=session, status="no_show", delegate=DelegateFactory(agency=agency))


@pytest.fixture
def report(db):
    report = services.create_report(year=YEAR)
    return report


def pdf_pages_text(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, [page.extract_text() for page in reader.pages]


@pytest.fixture
def register_sections(monkeypatch):
    """Adds sections to the registry for one test, as a new entry in an app's `report.py` would, after any
    report already exists."""
    from reports import rendering, sections

    def register(*extra):
        extended = tuple(sorted((*sections.registered_sections(), *extra), key=lambda s: (s.order, s.key)))
        monkeypatch.setattr(sections, "registered_sections", lambda: extended)
        monkeypatch.setattr(rendering, "registered_sections", lambda: extended)
        return extended

    return register


def narrative_section(key, title, order=450, **options):
    from reports.sections import Section

    return Section(
        key=key, title=title, order=order, template="reports/sections/narrative.html", narrative=True, **options
    )


def approving_meeting(report, *, held_on=None):
    """A held meeting of the Executive, after the report's year (six months after, as partnerships approve their
    reports in the autumn, or yesterday if that is still to come), that can approve `report`."""
    from datetime import timedelta

    from django.utils import timezone

    from partnership.models import Body, MeetingStatus

    executive = Body.objects.filter(kind=BodyKind.EXECUTIVE).first() or BodyFactory(
        name="LSCP Executive", kind=BodyKind.EXECUTIVE
    )
    held_on = held_on or min(report.year.end + timedelta(days=180), timezone.localdate() - timedelta(days=1))
    return MeetingFactory(body=executive, starts_at=aware(held_on), status=MeetingStatus.HELD)


def set_aside_every_check(report, user, reason="Checked with the chair: right as it is."):
    """Sets aside every check before approval that fails now and may be set aside (a small test partnership has
    chapters with no records), as a business manager does on the checks page, in one run of the checks."""
    from reports.checks import run_checks
    from reports.models import CheckSetAside

    keys = {problem.key for problem in run_checks(report) if problem.can_set_aside}
    CheckSetAside.objects.bulk_create(
        [CheckSetAside(report=report, key=key, reason=reason, set_aside_by=user) for key in keys],
        ignore_conflicts=True,
    )


def approve(report, user, **options):
    """Records the approval as the business manager does: the checks the test's records leave failing set aside,
    naming a held meeting of the Executive."""
    meeting = approving_meeting(report, **options)
    set_aside_every_check(report, user)
    return services.approve_report(report=report, approved_by=user, meeting=meeting)


def write_all_chapters(report, user, text="Written in full."):
    """Writes every chapter the registry asks for, through the service people's saves go through."""
    from reports.sections import narrative_sections

    for section in narrative_sections():
        services.save_narrative(report=report, key=section.key, text=text, edited_by=user)


def stand_in_build(report):
    """A finished build of the approved report with a small stand-in PDF: for tests of what happens after
    publication, which need no real layout."""
    from django.core.files.base import ContentFile

    from reports.models import BuildStatus, ReportBuild, ReportStatus

    if report.status == ReportStatus.DRAFT:
        report.status = ReportStatus.APPROVED
        report.save(update_fields=["status"])
    build = ReportBuild.objects.create(
        report=report, status=BuildStatus.SUCCEEDED, progress=100, made_from_status=ReportStatus.APPROVED
    )
    build.pdf.save("annual-report.pdf", ContentFile(b"%PDF-1.7\n% stand-in\n"))
    return build


def publish(report, *, on=None):
    """Publishes a stand-in build of `report` through the service, on the day `on` (today if None)."""
    services.publish_report(report=report, build=stand_in_build(report), published_on=on)
    report.refresh_from_db()
    return report
