"""The annual report's panel on the home page (see lscp/dashboard.py): a chair's chapters to write."""

from lscp.dashboard import Panel

from . import permissions
from .selectors import chapters_to_write


def chapters(request, roles):
    """Chairs whose bodies write chapters of a draft report; shown only when there are some. The business
    manager has the report's own page for every chapter."""
    if permissions.can_manage_reports(roles) or not permissions.can_see_chapters_to_write(roles):
        return None
    found = chapters_to_write(roles)
    return {"chapters": found} if found else None


PANELS = [Panel("chapters-to-write", 25, "reports/panels/chapters.html", chapters)]
