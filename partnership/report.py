"""The partnership's chapters of the annual report: its structure, independent scrutiny (written by the independent
scrutineer), and the members and attendance appendices."""

from lscp.comparisons import Kind, YearOnYear
from lscp.financial_year import FinancialYear
from lscp.percentages import share
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
    """The 2022/23 annual report's appendix 1: Name | Role | Organisation, grouped by body (the Executive, the
    Partnership); everyone who was a member during the year."""
    return {"member_groups": selectors.partnership_member_groups(year=year), "plain_member": MembershipRole.MEMBER}


def _share(rate):
    """A rate as the report prints it: attended of expected, by the one rule (lscp/percentages.py)."""
    return share(rate.attended, rate.expected)


def _beside_last_year(rates, last_rates):
    """(rate, YearOnYear of its percentage or None) for each of the year's rates: last year's rate of the same body or
    agency, when it was expected at some meeting then."""
    last = {rate.key: rate for rate in last_rates}
    return [
        (rate, YearOnYear(_share(rate), _share(last[rate.key]), Kind.RATE) if rate.key in last else None)
        for rate in rates
    ]


def independent_scrutiny_context(year: FinancialYear):
    """Who the independent scrutineer was during the year, to sign their chapter (one query)."""
    return {"scrutineers": selectors.independent_scrutineers(year=year), "threshold": selectors.challenge_threshold()}


def attendance_context(year: FinancialYear):
    """The year's rates, and last year's by body and by agency beside them (two queries more); last year's overall
    rate adds up its bodies' (each attendance is at one body's meeting)."""
    by_body, by_agency = selectors.attendance_by_body(year=year), selectors.attendance_by_agency(year=year)
    overall = selectors.attendance_overall(year=year)
    last_by_body = selectors.attendance_by_body(year=year.previous) if year.previous and by_body else []
    last_by_agency = selectors.attendance_by_agency(year=year.previous) if last_by_body else []
    last_overall = share(sum(rate.attended for rate in last_by_body), sum(rate.expected for rate in last_by_body))
    return {
        "overall": overall,
        "overall_last_year": YearOnYear(_share(overall), last_overall, Kind.RATE) if last_overall is not None else None,
        "by_body": _beside_last_year(by_body, last_by_body),
        "by_agency": _beside_last_year(by_agency, last_by_agency),
        "by_role": selectors.attendance_by_role(year=year),
        "matrices": selectors.partnership_attendance_matrices(year=year),
        "threshold": selectors.challenge_threshold(),
        "compared": bool(last_by_body),
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
        has_records=lambda c: c["has_bodies"],
        records_url="admin:partnership_body_changelist",
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
        has_records=lambda c: bool(c["member_groups"]),
        records_url="admin:partnership_membership_changelist",
    ),
    Section(
        key="attendance",
        title="Appendix: Attendance",
        running_title="Attendance",
        order=920,
        template="partnership/report/attendance.html",
        context=attendance_context,
        appendix=True,
        has_records=lambda c: bool(c["by_body"]),
        records_url="admin:partnership_meeting_changelist",
    ),
]
