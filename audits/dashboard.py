"""Quality assurance's panel on the home page (see lscp/dashboard.py): a partner's Section 11 returns due."""

from lscp.dashboard import Panel

from . import permissions
from .models import ReturnStatus
from .selectors.section11 import open_returns_summary

# What the panel says of a return, after its due date.
RETURN_STATES = {
    None: "not started",
    ReturnStatus.NOT_STARTED: "not started",
    ReturnStatus.IN_PROGRESS: "draft",
    ReturnStatus.RETURNED: "returned to you for more evidence",
}


def section11_returns(request, roles):
    """The cycles open now with the partner's agency in scope, with how far its return is; shown only when there are
    some. One query."""
    if not permissions.can_complete_returns(roles) or roles.agency_id is None:
        return None
    cycles = open_returns_summary(roles.agency_id)
    if not cycles:
        return None
    for cycle in cycles:
        cycle.state = RETURN_STATES.get(cycle.return_status) or ReturnStatus(cycle.return_status).label.lower()
        cycle.started = cycle.return_status not in (None, ReturnStatus.NOT_STARTED)
    return {"section11_cycles": cycles}


PANELS = [Panel("section11-returns", 45, "audits/panels/section11.html", section11_returns)]
