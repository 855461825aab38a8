"""The governance records' chapters of the annual report: schools and early years and the other partners'
statements, one per priority, emerging issues, listening to children, the inspections partners reported, policies
and procedures, professional challenge, the year ahead, and the glossary and finance appendices."""

import re
from collections import Counter

from django.urls import reverse

from lscp.comparisons import Kind, YearOnYear
from lscp.report_sections import ContributedPart, KeyFigure, Problem, Section
from reports.markdown import render_markdown

from . import selectors
from .models import ActionStatus


def priority_chapters(year):
    """One chapter per priority of the year's plan, each with the 2022/23 report's Activity | Purpose | Impact |
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
    """Partners' accounts of their year, as the business manager accepted them, but for those of schools and early
    years, which have a chapter of their own (two queries)."""
    statements = selectors.accepted_statements(year=year)
    schools = {s.pk for s in selectors.statements_of_schools_and_early_years(statements)}
    return {
        "statements": [(s, render_markdown(s.text)) for s in statements if s.pk not in schools],
        "schools_included": bool(schools),
    }


def schools_context(year):
    """The accepted statements of education and early years agencies: their forums, training and work (two
    queries)."""
    statements = selectors.statements_of_schools_and_early_years(selectors.accepted_statements(year=year))
    return {"statements": [(s, render_markdown(s.text)) for s in statements]}


def inspections_context(year):
    """The inspections of the year partners reported, each named with its judgement and findings (one query)."""
    return {"inspections": selectors.inspections_in(year=year)}


def policies_context(year):
    """What changed in the policies and procedures in the year (one query)."""
    return {"changes": selectors.policy_changes_in(year=year)}


def year_ahead_context(year):
    """The year after the report's, gathered from the records and the other chapters, nothing retyped (three
    queries): the priorities of the plan that covers it, each priority of this year with the activities whose
    "What next?" says what comes next (the text stays in the priority's chapter), the tracker's open actions due in
    it, and the chapters that set out a plan for it."""
    from reports.sections import registered_sections

    from . import action_sources
    from .models import Priority

    next_year = year.next
    actions = selectors.actions_due_in(year=next_year)
    for action in actions:
        source = action_sources.source_for(action.source_type)
        action.comes_from = source.kind if source is not None else ""
    return {
        "next_year": next_year,
        "next_priorities": list(Priority.objects.for_year(next_year).order_by("number")),
        "next_steps": selectors.next_steps_by_priority(year=year),
        "actions": actions,
        "plans": [section for section in registered_sections() if section.plans_ahead],
    }


def glossary_context(year):
    return {"terms": selectors.glossary_terms()}


def _is_word_character(character):
    return character.isalnum() or character == "_"


def _used_as_a_word(needle, text):
    """Whether `needle` is in `text` as a whole word or phrase, singular or with a plural s or es. Found with
    `str.find`, a fast scan, then the letters either side looked at: a regular expression with a look-behind and no
    regard to case tried every position of the text for each term, and with a long report and a long glossary
    (ten times the demo's: 600 terms, 277 pages) that took 8 seconds of the build."""
    start = text.find(needle)
    while start != -1:
        if start == 0 or not _is_word_character(text[start - 1]):
            end = start + len(needle)
            for plural in ("", "s", "es"):
                after = end + len(plural)
                if text.startswith(plural, end) and (after == len(text) or not _is_word_character(text[after])):
                    return True
        start = text.find(needle, start + 1)
    return False


def glossary_used_in(context, document_text):
    """Keeps the terms that appear in the rest of the report, as whole words, singular or plural (IDVAs, rapid
    reviews): an abbreviation as written (MASH, not "smash"), any other term whatever its case ("adultification"
    finds Adultification)."""
    lowered = document_text.lower()

    def used(term):
        if term.is_abbreviation:
            return _used_as_a_word(term.term, document_text)
        return _used_as_a_word(term.term.lower(), lowered)

    return {**context, "terms": [term for term in context["terms"] if used(term)]}


NOT_IN_GLOSSARY = "Abbreviations not in the glossary"
# Abbreviations that need no entry, kept short on purpose: a name everyone reads without a glossary.
NOT_JARGON = {"UK"}
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def is_abbreviation(word):
    capitals = sum(c.isupper() for c in word)
    return capitals >= 2 and capitals > sum(c.islower() for c in word)


def abbreviations_in(text):
    """Words of two or more capitals (MASH, DfE, CP-IS; a plural s dropped: IDVAs is IDVA). A hyphenated word is
    one abbreviation when each part is one (CYP-OG), otherwise its parts are looked at alone (Morgan-Price)."""
    found = set()
    for word in _WORD.findall(text):
        parts = [re.sub(r"(?<=[A-Z])s$", "", part) for part in word.split("-")]
        if len(parts) > 1 and all(is_abbreviation(part) for part in parts):
            found.add("-".join(parts))
        else:
            found.update(part for part in parts if is_abbreviation(part))
    return found


def glossary_check(context, document_text, year):
    """The abbreviations the report uses that the glossary does not explain, each with a link to add it (one
    query: every term of the glossary, used in this report or not)."""
    explained = {term.term for term in selectors.glossary_terms()}
    unexplained = sorted(abbreviations_in(document_text) - explained - NOT_JARGON)
    add = reverse("admin:governance_glossaryterm_add")
    return [
        Problem(
            f"glossary:{abbreviation}",
            NOT_IN_GLOSSARY,
            f"The report uses “{abbreviation}”, and the glossary does not explain it.",
            f"{add}?term={abbreviation}",
            "Add it to the glossary",
        )
        for abbreviation in unexplained
    ]


def finance_context(year):
    """The year's statement, and its totals beside last year's when last year has lines (two queries more)."""
    statement = selectors.finance_statement(year=year)
    last = selectors.finance_totals(year=year.previous) if year.previous and not statement.is_empty else None
    total = statement.total
    last_year = (
        [
            ("Total income", YearOnYear(total.income, last.income, Kind.MONEY)),
            ("Total expenditure", YearOnYear(total.expenditure, last.expenditure, Kind.MONEY)),
            ("Variance (income less expenditure)", YearOnYear(total.variance, last.variance, Kind.MONEY)),
        ]
        if last is not None
        else []
    )
    return {"statement": statement, "last_year": last_year}


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


def _name(user):
    return (user.get_full_name() or user.username) if user is not None else ""


def statement_parts(year):
    """Each agency's statement for the year, as a part of the report on the business manager's contributions board
    (four queries): every active agency, asked for its statement or not, with who writes it, when it is due, where it
    stands and when it was last changed, and the board's form to set who and when and its Chase button, which post to
    governance's own pages. The statements keep their own workflow here (partners write and submit, the business
    manager accepts or returns); only an accepted statement is printed."""
    from django.utils import timezone

    today = timezone.localdate()
    parts = []
    for row in selectors.statements_for_the_board(year=year, today=today):
        agency, statement, request, progress = row.agency, row.statement, row.request, row.progress
        if request is not None and request.assigned_to_id is not None:
            who = _name(request.assigned_to)
        elif row.writers:
            who = f"{agency.name}'s partner representatives ({', '.join(row.writer_names)})"
        else:
            who = f"{agency.name}'s partner representatives (none can sign in)"
        status = progress.label if request is not None or statement is not None else "Not asked"
        args = [year, agency.pk]
        parts.append(
            ContributedPart(
                title=f"Statement of {agency.name}",
                who=who,
                status=status,
                written=progress.key == "accepted",
                url=reverse("governance:statement_review", args=args),
                last_edited_at=getattr(statement, "last_edited_at", None),
                last_edited_by=getattr(statement, "last_edited_by", None) or "",
                chapter="partners",
                due_on=request.due_on if request else None,
                late=progress.late,
                sent=progress.sent,
                last_chased_at=request.last_chased_at if request else None,
                last_chased_by=_name(request.last_chased_by) if request else "",
                assign_url=reverse("governance:statement_request", args=args),
                writer_choices=tuple((p.user_id, _name(p.user)) for p in row.writers),
                default_writers="Its partner representatives",
                assigned_to_id=request.assigned_to_id if request else None,
                chase_url=reverse("governance:statement_chase", args=args) if request is not None else "",
            )
        )
    return parts


# The agencies' statements are parts of the report people write, with their own workflow: the contributions board
# lists them (reports.sections.contribution_sources).
CONTRIBUTIONS = [statement_parts]

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
        has_records=lambda c: bool(c["engagement_activities"] or c["you_said_we_did"]),
        records_url="admin:governance_engagementactivity_changelist",
    ),
    Section(
        key="challenge",
        title="Professional challenge and escalation",
        running_title="Challenge and escalation",
        order=640,
        template="governance/report/challenge.html",
        context=challenge_context,
        has_records=lambda c: bool(c["raised"]),
        records_url="admin:governance_challengelogentry_changelist",
    ),
    Section(
        key="schools",
        title="Schools and early years",
        order=45,
        template="governance/report/schools.html",
        context=schools_context,
        has_records=lambda c: bool(c["statements"]),
        records_url="admin:governance_agencystatement_changelist",
    ),
    Section(
        key="partners",
        title="Key work by partners",
        order=50,
        template="governance/report/partners.html",
        context=partners_context,
        has_records=lambda c: bool(c["statements"]),
        records_url="admin:governance_agencystatement_changelist",
    ),
    Section(
        key="inspections",
        title="Learning from inspections",
        running_title="Inspections",
        order=430,
        template="governance/report/inspections.html",
        context=inspections_context,
        has_records=lambda c: bool(c["inspections"]),
        records_url="admin:governance_inspection_changelist",
    ),
    Section(
        key="policies",
        title="Policies and procedures",
        order=495,
        template="governance/report/policies.html",
        context=policies_context,
        narrative=True,
        help_text=(
            "The statutory guidance and procedures the partnership works to, and what changed this year and why it "
            "matters to practitioners. The changes recorded in the admin (Policy changes) are listed below it."
        ),
        has_records=lambda c: bool(c["changes"]),
        records_url="admin:governance_policychange_changelist",
    ),
    Section(
        key="year-ahead",
        title="The year ahead",
        order=800,
        template="governance/report/year_ahead.html",
        context=year_ahead_context,
        narrative=True,
        help_text=(
            "The partnership's plan for next year in a few paragraphs: what it will focus on and why. The "
            "priorities recorded for next year, each priority's next steps, the actions due and the other chapters' "
            "plans are added from the records; do not repeat them."
        ),
    ),
    Section(
        key="glossary",
        title="Appendix: Glossary",
        running_title="Glossary",
        order=930,
        template="governance/report/glossary.html",
        context=glossary_context,
        finalise=glossary_used_in,
        check=glossary_check,
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
        has_records=lambda c: not c["statement"].is_empty,
        records_url="admin:governance_expenditureline_changelist",
    ),
]


def young_people_priorities(year):
    """The year's priorities as a list, for the version for young people (three queries, the priorities' own)."""
    return {"priorities": selectors.priorities_for_year(year=year)}


def young_people_listening(year):
    """What children told the partnership and what it did, for the version for young people (two queries)."""
    activities = selectors.engagement_activities(year=year)
    return {
        "children_heard": sum(a.children_taking_part for a in activities),
        "you_said_we_did": selectors.you_said_we_did(year=year),
    }


# The version for children and young people (reports/young_people.py): the same records, in a few plain pages.
YOUNG_PEOPLE_SECTIONS = [
    Section(
        key="young-people-priorities",
        title="What we worked on",
        order=20,
        template="governance/young_people/priorities.html",
        context=young_people_priorities,
    ),
    Section(
        key="young-people-you-said-we-did",
        title="You said, we did",
        order=30,
        template="governance/young_people/you_said_we_did.html",
        context=young_people_listening,
    ),
]
