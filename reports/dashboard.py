"""The annual report's panels on the home page (see lscp/dashboard.py): a contributor's parts to write, and the
business manager's duties of a published report still to do, flagged when one is overdue."""

from django.utils import timezone

from lscp.dashboard import Panel

from . import permissions
from .selectors import chapters_to_write, open_duties_by_report


def chapters(request, roles):
    """ "Your parts of the annual report": the chapters of a draft report a chair's bodies write or the business
    manager asked this person to write, with their status and due dates; shown only when there are some (one query).
    The business manager has the contributions board for every part."""
    if permissions.can_manage_reports(roles) or not permissions.can_see_chapters_to_write(roles):
        return None
    found = chapters_to_write(roles)
    return {"chapters": found, "today": timezone.localdate()} if found else None


def duties(request, roles):
    """The business manager's: each report whose publication's duties are not all done, with how many are
    overdue. Shown only while some are open; one query."""
    if not permissions.can_manage_reports(roles):
        return None
    found = open_duties_by_report(today=timezone.localdate())
    return {"report_duties": found} if found else None


PANELS = [
    Panel("report-duties", 8, "reports/panels/duties.html", duties),
    Panel("chapters-to-write", 25, "reports/panels/chapters.html", chapters),
]
