"""The partnership's chapters of the annual report: its structure, independent scrutiny (written by the independent
scrutineer), and the members and attendance appendices."""

from lscp.financial_year import FinancialYear
from lscp.report_sections import Section

from . import selectors
from .diagram import as_data_uri, structure_svg
from .models import BodyKind, MembershipRole


def structure_context(year: FinancialYear):
    bodies = selectors.bodies_active_in(year=year)
    svg, description = structure_svg(bodies)
    return {
        "diagram_uri": as_data_uri(svg),
        "diagram_description": description,
        "has_bodies": bool(bodies),
        "bodies_by_kind": [(label, [b for b in bodies if b.kind == kind]) for kind, label in BodyKind.choices],
    }


def members_context(year: FinancialYear):
    """Seed 000's appendix 1: Name | Role | Organisation, grouped by body (the Executive, the Partnership);
    everyone who was a member during the year."""
    return {"member_groups": selectors.partnership_member_groups(year=year), "plain_member": MembershipRole.MEMBER}


def independent_scrutiny_context(year: FinancialYear):
    """Who the independent scrutineer was during the year, to sign their chapter (one query)."""
    return {"scrutineers": selectors.independent_scrutineers(year=year), "threshold": selectors.challenge_threshold()}


def attendance_context(year: FinancialYear):
    return {
        "overall": selectors.attendance_overall(year=year),
        "by_body": selectors.attendance_by_body(year=year),
        "by_agency": selectors.attendance_by_agency(year=year),
        "by_role": selectors.attendance_by_role(year=year),
        "matrices": selectors.partnership_attendance_matrices(year=year),
        "threshold": selectors.challenge_threshold(),
    }


SECTIONS = [
    Section(
        key="structure",
        title="Structure of the partnership",
        order=30,
        template="partnership/report/structure.html",
        context=structure_context,
        narrative=True,
        help_text="How the partnership is organised and any changes to the arrangements planned or made this year.",
    ),
    Section(
        key="independent-scrutiny",
        title="Independent scrutiny",
        order=660,
        template="partnership/report/independent_scrutiny.html",
        context=independent_scrutiny_context,
        narrative=True,
        # The independent scrutineer is the partnership's independent chair and scrutineer: a chair of the
        # partnership body, so its chairs write this chapter on the web form.
        written_by="Safeguarding Children Partnership",
        writer="the independent scrutineer",
        plans_ahead="the independent scrutiny work plan",
        help_text=(
            "The independent scrutineer's own view of the year: how well the arrangements worked, what they "
            "scrutinised and challenged, and their work plan for next year."
        ),
    ),
    Section(
        key="members",
        title="Appendix: Members of the partnership",
        running_title="Members of the partnership",
        order=910,
        template="partnership/report/members.html",
        context=members_context,
        appendix=True,
    ),
    Section(
        key="attendance",
        title="Appendix: Attendance",
        running_title="Attendance",
        order=920,
        template="partnership/report/attendance.html",
        context=attendance_context,
        appendix=True,
    ),
]
