"""The governance records' chapters of the annual report: one per priority, emerging issues, listening to
children, professional challenge, partners' statements, and the glossary and finance appendices."""

import re
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch

from lscp.report_sections import Section
from reports.markdown import render_markdown

from . import selectors
from .models import (
    Action,
    ActionStatus,
    AgencyStatement,
    ChallengeLogEntry,
    EngagementActivity,
    GlossaryTerm,
    Inspection,
    PriorityActivity,
    StatementStatus,
    YouSaidWeDid,
)


def priority_chapters(year):
    """One chapter per priority of the year's plan, each with seed 000's Activity | Purpose | Impact |
    What next? table and the state of the actions raised from its activities (four queries in all)."""
    priorities = selectors.priorities_for_year(year=year)
    activity_ids = [a.pk for p in priorities for a in p.activities.all()]
    activity_type = ContentType.objects.get_for_model(PriorityActivity)
    statuses = {}
    for source_id, status in Action.objects.filter(source_type=activity_type, source_id__in=activity_ids).values_list(
        "source_id", "status"
    ):
        statuses.setdefault(source_id, Counter())[status] += 1
    labels = dict(ActionStatus.choices)
    chapters = []
    for priority in priorities:
        activities = list(priority.activities.all())
        counts = Counter()
        for activity in activities:
            counts.update(statuses.get(activity.pk, {}))
        chapters.append(
            {
                "key": f"priority-{priority.number}",
                "title": f"Priority {priority.number}: {priority.title}",
                "context": {
                    "priority": priority,
                    "activities": activities,
                    "action_counts": [(labels[s], counts[s]) for s in ActionStatus.values if counts[s]],
                    "action_total": sum(counts.values()),
                },
            }
        )
    return chapters


def listening_context(year):
    activities = list(EngagementActivity.objects.in_year(year).select_related("borough").order_by("date"))
    return {
        "engagement_activities": activities,
        "children_heard": sum(a.children_taking_part for a in activities),
        "you_said_we_did": list(YouSaidWeDid.objects.filter(year=year).order_by("order", "pk")),
    }


def challenge_context(year):
    examples = list(
        ChallengeLogEntry.objects.in_year(year)
        .filter(publish_as_example=True)
        .select_related("raised_by_agency", "agency_challenged")
        .order_by("raised_on")
    )
    stages = selectors.challenge_summary(year=year)
    raised, closed = sum(s.raised for s in stages), sum(s.closed for s in stages)
    return {
        "stages": stages,
        "outcomes": selectors.challenge_outcomes(year=year),
        "raised": raised,
        "closed": closed,
        "still_open": raised - closed,
        "examples": examples,
    }


def partners_context(year):
    """Partners' accounts of their year, as the business manager accepted them (two queries)."""
    statements = list(
        AgencyStatement.objects.filter(year=year, status=StatementStatus.ACCEPTED)
        .select_related("agency")
        .prefetch_related(
            Prefetch("inspections", queryset=Inspection.objects.select_related("borough").order_by("date"))
        )
        .order_by("-agency__statutory_partner", "agency__name")
    )
    return {"statements": [(s, render_markdown(s.text)) for s in statements]}


def glossary_context(year):
    return {"terms": list(GlossaryTerm.objects.all())}


def glossary_used_in(context, document_text):
    """Keeps the terms that appear in the rest of the report, as whole words."""
    used = [t for t in context["terms"] if re.search(rf"(?<!\w){re.escape(t.term)}(?!\w)", document_text)]
    return {**context, "terms": used}


def finance_context(year):
    return {"statement": selectors.finance_statement(year=year)}


SECTIONS = [
    Section(
        key="priorities",
        title="Our priorities",
        order=100,
        template="governance/report/priority.html",
        repeat=priority_chapters,
    ),
    Section(
        key="emerging-issues",
        title="Emerging issues",
        order=200,
        template="reports/sections/narrative.html",
        narrative=True,
        help_text="New risks and pressures the partnership saw during the year, and how partners responded.",
    ),
    Section(
        key="listening",
        title="Listening to children and young people",
        running_title="Listening to children",
        order=300,
        template="governance/report/listening.html",
        context=listening_context,
        narrative=True,
        help_text="How the partnership sought and used feedback from children, young people and families.",
    ),
    Section(
        key="challenge",
        title="Professional challenge and escalation",
        running_title="Challenge and escalation",
        order=640,
        template="governance/report/challenge.html",
        context=challenge_context,
    ),
    Section(
        key="partners",
        title="Key work by partners",
        order=700,
        template="governance/report/partners.html",
        context=partners_context,
    ),
    Section(
        key="glossary",
        title="Appendix: Glossary",
        running_title="Glossary",
        order=930,
        template="governance/report/glossary.html",
        context=glossary_context,
        finalise=glossary_used_in,
        appendix=True,
    ),
    Section(
        key="finance",
        title="Appendix: Financial arrangements",
        running_title="Financial arrangements",
        order=940,
        template="governance/report/finance.html",
        context=finance_context,
        appendix=True,
    ),
]
