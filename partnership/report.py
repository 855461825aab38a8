"""The partnership's chapters of the annual report: its structure, and the members and attendance appendices."""

from django.db.models import Q

from lscp.financial_year import FinancialYear
from reports.sections import Section

from . import selectors
from .diagram import as_data_uri, structure_svg
from .models import Body, BodyKind, Membership, MembershipRole

# The partnership proper: the bodies whose members seed 000's appendix 1 lists ("LSCP Executive" and "Members
# of and advisers to the LSCP"), and whose attendance the appendix sets out meeting by meeting, as the seeds'
# board attendance tables do. Subgroups and linked boards have their own records and pages.
PARTNERSHIP_KINDS = (BodyKind.EXECUTIVE, BodyKind.PARTNERSHIP)


def _active_in(year):
    return Body.objects.filter(Q(active_from__isnull=True) | Q(active_from__lte=year.end)).filter(
        Q(active_to__isnull=True) | Q(active_to__gte=year.start)
    )


def structure_context(year: FinancialYear):
    bodies = list(_active_in(year).order_by("name"))
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
    memberships = list(
        Membership.objects.overlapping(start=year.start, end=year.end)
        .filter(body__in=_active_in(year).filter(kind__in=PARTNERSHIP_KINDS))
        .select_related("person", "agency", "body")
        .order_by("body__name", "person__name")
    )
    kind_order = {kind: i for i, kind in enumerate(BodyKind.values)}
    groups = {}
    for membership in memberships:
        groups.setdefault(membership.body, []).append(membership)
    ordered = sorted(groups.items(), key=lambda item: (kind_order.get(item[0].kind, 99), item[0].name))
    return {"member_groups": ordered, "plain_member": MembershipRole.MEMBER}


def attendance_context(year: FinancialYear):
    return {
        "overall": selectors.attendance_overall(year=year),
        "by_body": selectors.attendance_by_body(year=year),
        "by_agency": selectors.attendance_by_agency(year=year),
        "by_role": selectors.attendance_by_role(year=year),
        "matrices": selectors.attendance_matrices(year=year, bodies=Body.objects.filter(kind__in=PARTNERSHIP_KINDS)),
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
