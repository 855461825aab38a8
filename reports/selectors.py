"""Reads for the annual report: its chapters as the registry lists them, and who writes which."""

from .models import NarrativeSection, ReportStatus
from .sections import narrative_sections


def report_chapters(report):
    """Every narrative chapter the registry asks for now, in report order, each with the report's row for it
    (None until `services.ensure_narratives` has made it). Rows of chapters no longer registered are left out:
    they are not printed, so they neither block approval nor show on the report page."""
    rows = {n.key: n for n in report.narratives.select_related("written_by", "last_edited_by")}
    return [(section, rows.get(section.key)) for section in narrative_sections()]


def chapters_to_write(roles):
    """The draft reports' chapters this user writes, newest year first and in report order: the chapters of
    the bodies a chair chairs, or every chapter for the business manager. A list of (section, narrative)."""
    sections = {section.key: (index, section) for index, section in enumerate(narrative_sections())}
    narratives = NarrativeSection.objects.filter(report__status=ReportStatus.DRAFT, key__in=sections).select_related(
        "report", "written_by", "last_edited_by"
    )
    if not roles.is_manager:
        narratives = narratives.filter(written_by_id__in=roles.chaired_body_ids)
    found = sorted(narratives, key=lambda n: (-n.report.year.start_year, sections[n.key][0]))
    return [(sections[n.key][1], n) for n in found]
