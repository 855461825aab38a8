"""Reads for the annual report: its chapters as the registry lists them."""

from .sections import narrative_sections


def report_chapters(report):
    """Every narrative chapter the registry asks for now, in report order, each with the report's row for it
    (None until `services.ensure_narratives` has made it). Rows of chapters no longer registered are left out:
    they are not printed, so they neither block approval nor show on the report page."""
    rows = {n.key: n for n in report.narratives.select_related("last_edited_by")}
    return [(section, rows.get(section.key)) for section in narrative_sections()]
