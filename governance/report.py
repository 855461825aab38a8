"""The governance records' chapters of the annual report: one per priority, emerging issues, listening to
children, professional challenge, partners' statements, and the glossary and finance appendices."""

import re
from collections import Counter

from lscp.report_sections import KeyFigure, Section
from reports.markdown import render_markdown

from . import selectors
from .models import ActionStatus


def priority_chapters(year):
    """One chapter per priority of the year's plan, each with seed 000's Activity | Purpose | Impact |
    What next? table and the state of the actions raised from its activities (four queries in all)."""
    priorities = selectors.priorities_for_year(year=year)
    statuses = selectors.action_statuses_by_activity(
        activity_ids=[a.pk for p in priorities for a in p.activities.all()]
    )
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
    activities = selectors.engagement_activities(year=year)
    return {
        "engagement_activities": activities,
        "children_heard": sum(a.children_taking_part for a in activities),
        "you_said_we_did": selectors.you_said_we_did(year=year),
    }


def challenge_context(year):
    stages = selectors.challenge_summary(year=year)
    raised, closed = sum(s.raised for s in stages), sum(s.closed for s in stages)
    return {
        "stages": stages,
        "outcomes": selectors.challenge_outcomes(year=year),
        "raised": raised,
        "closed": closed,
        "still_open": raised - closed,
        "examples": selectors.published_challenge_examples(year=year),
    }


def partners_context(year):
    """Partners' accounts of their year, as the business manager accepted them (two queries)."""
    return {"statements": [(s, render_markdown(s.text)) for s in selectors.accepted_statements(year=year)]}


def glossary_context(year):
    return {"terms": selectors.glossary_terms()}


def glossary_used_in(context, document_text):
    """Keeps the terms that appear in the rest of the report, as whole words."""
    used = [t for t in context["terms"] if re.search(rf"(?<!\w){re.escape(t.term)}(?!\w)", document_text)]
    return {**context, "terms": used}


def finance_context(year):
    return {"statement": selectors.finance_statement(year=year)}


def key_figures(year):
    """Children and young people heard, and professional challenges raised (two queries)."""
    heard = sum(activity.children_taking_part for activity in selectors.engagement_activities(year=year))
    raised = sum(stage.raised for stage in selectors.challenge_summary(year=year))
    return [
        KeyFigure(
            heard,
            "children and young people who told us their views",
            "listening",
            singular="child or young person who told us their views",
        ),
        KeyFigure(
            raised,
            "professional challenges raised between partners",
            "challenge",
            singular="professional challenge raised between partners",
        ),
    ]


KEY_FIGURES = [key_figures]

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
        written_by="Children and Community Engagement",
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
