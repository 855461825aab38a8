"""Who may see and change the annual report, from the facts in `lscp.roles`.

- The business manager runs the report: every chapter, the preview, builds, approval and publication, and
  sending the published report on (its duties).
- A chair writes the chapters their body owns (`NarrativeSection.written_by`), and a chair or partner the
  business manager named as a chapter's contributor (`NarrativeSection.assigned_to`) writes that chapter, on the
  web form; they see nothing else of a draft: no preview of the whole report, no builds, no other chapter.
- The contributions board (who writes each part, by when, chasing them) is the business manager's.
- Everyone, signed in or not, reads and downloads a published report and its version for young people.
"""

from lscp.access import EVERYONE, Page

from .models import ReportStatus

EDITING_CLOSED = (
    "The report for %(year)s is %(status)s, so its chapters cannot be changed. "
    "The business manager can return it to draft if a chapter needs correcting."
)


def can_manage_reports(roles):
    """The workbench of every report: drafts, the preview, builds, approval and publication."""
    return roles.is_manager


def can_see_chapters_to_write(roles):
    """The "Your chapters" page: chairs, whose bodies may own chapters, partners, whom the business manager may ask
    to write one by name, and the business manager."""
    return roles.is_manager or roles.is_chair or roles.is_partner


def can_write_chapter(roles, narrative):
    """Opens the chapter's page: the business manager, a current chair of the body that writes it, or the person
    the business manager asked to write it (its contributor)."""
    if roles.is_manager:
        return True
    if roles.user_id is not None and narrative.assigned_to_id == roles.user_id:
        return True
    return narrative.written_by_id is not None and narrative.written_by_id in roles.chaired_body_ids


def why_chapter_is_closed(narrative):
    """The reason a chapter someone may write cannot be changed now, or "" while the report is a draft."""
    report = narrative.report
    if report.status == ReportStatus.DRAFT:
        return ""
    return EDITING_CLOSED % {"year": report.year, "status": report.get_status_display().lower()}


# Every page's rule, checked for every role against the demo by lscp/tests/test_every_url_declares_who_may_open_it.
# The demo has one report, 2022/23, in draft, with no builds yet; the checks that need a build make one.

MANAGER_ONLY = frozenset({"manager"})


EXAMPLE_EDITION = (
    b'<!doctype html><html lang="en-GB"><head><title>Annual report</title></head>'
    b"<body><main><h1>Annual report</h1></main></body></html>"
)


def _draft_year():
    from lscp.financial_year import FinancialYear

    return {"year": FinancialYear(2022)}


def _a_build(**fields):
    from django.core.files.base import ContentFile

    from lscp.financial_year import FinancialYear

    from .models import AnnualReport, BuildStatus, ReportBuild

    build = ReportBuild.objects.create(
        report=AnnualReport.objects.get(year=FinancialYear(2022)), status=BuildStatus.SUCCEEDED, progress=100, **fields
    )
    build.pdf.save("annual-report.pdf", ContentFile(b"%PDF-1.7\n% demo build\n"))
    build.html_edition.save("annual-report.html", ContentFile(EXAMPLE_EDITION))
    build.young_people_pdf.save("annual-report-for-young-people.pdf", ContentFile(b"%PDF-1.7\n% for young people\n"))
    return build


def _build_of_the_draft():
    build = _a_build(made_from_status=ReportStatus.DRAFT)
    return {"year": build.report.year, "pk": build.pk}


def _a_published_report():
    """A published report for the year before the demo's, so the public has something to download."""
    from django.core.files.base import ContentFile

    from lscp.financial_year import FinancialYear

    from .models import AnnualReport, BuildStatus, ReportBuild

    published = AnnualReport.objects.published().filter(year=FinancialYear(2021)).first()
    if published is not None:
        return {"year": published.year}
    from django.utils import timezone

    report = AnnualReport.objects.create(
        year=FinancialYear(2021), status=ReportStatus.PUBLISHED, published_on=timezone.localdate()
    )
    build = ReportBuild.objects.create(
        report=report, status=BuildStatus.SUCCEEDED, progress=100, made_from_status=ReportStatus.APPROVED
    )
    build.pdf.save("annual-report.pdf", ContentFile(b"%PDF-1.7\n% published\n"))
    build.html_edition.save("annual-report.html", ContentFile(EXAMPLE_EDITION))
    build.young_people_pdf.save("annual-report-for-young-people.pdf", ContentFile(b"%PDF-1.7\n% for young people\n"))
    report.published_build = build
    report.save(update_fields=["published_build"])
    return {"year": report.year}


def _a_duty():
    """A duty of the published report for the year before the demo's, to a recipient with an address."""
    from datetime import timedelta

    from .models import AnnualReport, ReportDuty, ReportRecipient

    report = AnnualReport.objects.get(**_a_published_report())
    recipient, _ = ReportRecipient.objects.get_or_create(
        name="Example Health and Wellbeing Board", defaults={"email": "hwb@example.org"}
    )
    published_on = report.published_on
    duty = ReportDuty.objects.open().filter(report=report, recipient=recipient).first() or ReportDuty.objects.create(
        report=report,
        recipient=recipient,
        recipient_name=recipient.name,
        build=report.published_build,
        published_on=published_on,
        due_on=published_on + timedelta(days=7),
    )
    return {"year": report.year, "pk": duty.pk}


PAGES = {
    "reports:list": Page(EVERYONE),
    "reports:chapters": Page({"manager", "chair", "partner"}),
    # Every part of a report, who writes it and by when; assigning (here: the foreword back to nobody by name, with
    # no due date) and chasing are the business manager's.
    "reports:contributions": [
        Page(MANAGER_ONLY, _draft_year),
        Page(
            MANAGER_ONLY,
            _draft_year,
            method="post",
            data={"key": "foreword", "foreword-assigned_to": "", "foreword-due_on": ""},
        ),
    ],
    # Chasing the foreword: the demo's is written, so the board says there is nobody to chase; nothing is sent.
    "reports:contribution_chase": Page(MANAGER_ONLY, lambda: {**_draft_year(), "key": "foreword"}, method="post"),
    # A draft is the business manager's; everyone else is told there is no such published report (404).
    "reports:report": [Page(MANAGER_ONLY, _draft_year), Page(EVERYONE, _a_published_report)],
    "reports:published_pdf": Page(EVERYONE, _a_published_report),
    "reports:published_edition": Page(EVERYONE, _a_published_report),
    "reports:published_young_people_pdf": Page(EVERYONE, _a_published_report),
    "reports:build_young_people": Page(MANAGER_ONLY, _build_of_the_draft),
    "reports:build_edition": Page(MANAGER_ONLY, _build_of_the_draft),
    "reports:preview": Page(MANAGER_ONLY, _draft_year),
    "reports:build": Page(MANAGER_ONLY, _draft_year, method="post"),
    "reports:build_status": Page(MANAGER_ONLY, _build_of_the_draft),
    "reports:build_download": Page(MANAGER_ONLY, _build_of_the_draft),
    # No demo chapter is written by a body yet, so only the business manager writes the foreword.
    "reports:narrative": Page(MANAGER_ONLY, lambda: {**_draft_year(), "key": "foreword"}),
    # Asked with no meeting chosen, the approval page asks again: nothing is approved.
    "reports:approve": [
        Page(MANAGER_ONLY, _draft_year),
        Page(MANAGER_ONLY, _draft_year, method="post", data={"meeting": ""}),
    ],
    "reports:publish": [
        Page(MANAGER_ONLY, _draft_year),
        Page(MANAGER_ONLY, _draft_year, method="post", data={"build": ""}),
    ],
    # Sending the published report on. The demo's draft has no duties yet: its page says so.
    "reports:duties": [
        Page(MANAGER_ONLY, _draft_year),
        Page(MANAGER_ONLY, _a_published_report),
        Page(MANAGER_ONLY, _a_published_report, method="post"),
    ],
    "reports:duty_send": Page(MANAGER_ONLY, _a_duty, method="post"),
    # Sent back without saying how, the page asks again: nothing is recorded.
    "reports:duty_record": [
        Page(MANAGER_ONLY, _a_duty),
        Page(MANAGER_ONLY, _a_duty, method="post", data={"how_described": ""}),
    ],
    # Returning a draft to draft is refused with a message: the page is reached, nothing changes.
    "reports:workflow": Page(MANAGER_ONLY, lambda: {**_draft_year(), "action": "draft"}, method="post"),
}

# The published reports are public documents: the public's copy may be cached (lscp/access.py).
CACHEABLE_FOR_THE_PUBLIC = {
    "reports:list",
    "reports:report",
    "reports:published_pdf",
    "reports:published_edition",
    "reports:published_young_people_pdf",
}
