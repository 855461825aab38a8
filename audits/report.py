"""The quality assurance records' chapter of the annual report: "Scrutiny and challenge", written by the Quality
Assurance subgroup's chairs, with the year's single-agency audits, its multi-agency audits with their findings,
grade distribution and the state of their actions, and the latest Section 11 / 175 cycle's results (returns by
status, ratings by standard). Its figures come from audits/audit_selectors.py only. Governance's "Professional
challenge and escalation" chapter (order 640) follows it."""

from django.conf import settings

from lscp.report_sections import Section

from . import audit_selectors


def scrutiny_context(year):
    """Nine queries however many audits, recommendations, returns or standards."""
    return {
        "single_agency_audits": audit_selectors.single_agency_audits_in(year=year),
        "multi_agency_audits": audit_selectors.multi_agency_audits_in(year=year),
        "section11": audit_selectors.section11_results(year=year),
    }


SECTIONS = [
    Section(
        key="scrutiny",
        title="Scrutiny and challenge",
        order=620,
        template="audits/report/scrutiny.html",
        context=scrutiny_context,
        narrative=True,
        # The Quality Assurance subgroup: "Best Practice and Performance Subgroup" in the demo's registry.
        written_by=settings.QUALITY_ASSURANCE_BODY_NAME,
        help_text=(
            "How the partnership scrutinised its own work this year: what the audits found, what changed as a "
            "result, and what the Section 11 self-assessments showed."
        ),
    ),
]
