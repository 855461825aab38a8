"""The case review panel on the home page (see lscp/dashboard.py): deadlines due soon and overdue, for the business
manager and the chairs of the Case Review Subgroup."""

from lscp.dashboard import Panel

from . import permissions, selectors


def deadlines(request, roles):
    if not permissions.can_see_deadlines(roles):
        return None
    summary = selectors.deadline_summary()  # one query
    return {
        "case_review_deadlines": {
            "overdue": sum(row.overdue for row in summary),
            "due_soon": sum(row.due_today + row.due_soon for row in summary),
        }
    }


PANELS = [Panel("case-review-deadlines", 35, "reviews/panels/deadlines.html", deadlines)]
