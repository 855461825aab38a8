"""Who may see and change the annual report, from the facts in `lscp.roles`.

- The business manager runs the report: every chapter, the preview, builds, approval and publication.
- A chair writes the chapters their body owns (`NarrativeSection.written_by`), on the web form, and sees
  nothing else of a draft: no preview of the whole report, no builds, no other chapter.
- Everyone, signed in or not, reads and downloads a published report.
"""

from .models import ReportStatus

EDITING_CLOSED = (
    "The report for %(year)s is %(status)s, so its chapters cannot be changed. "
    "The business manager can return it to draft if a chapter needs correcting."
)


def can_manage_reports(roles):
    """The workbench of every report: drafts, the preview, builds, approval and publication."""
    return roles.is_manager


def can_see_chapters_to_write(roles):
    """The "Your chapters" page: chairs, whose bodies may own chapters, and the business manager."""
    return roles.is_manager or roles.is_chair


def can_write_chapter(roles, narrative):
    """Opens the chapter's page: the business manager, or a current chair of the body that writes it."""
    if roles.is_manager:
        return True
    return narrative.written_by_id is not None and narrative.written_by_id in roles.chaired_body_ids


def why_chapter_is_closed(narrative):
    """The reason a chapter someone may write cannot be changed now, or "" while the report is a draft."""
    report = narrative.report
    if report.status == ReportStatus.DRAFT:
        return ""
    return EDITING_CLOSED % {"year": report.year, "status": report.get_status_display().lower()}
