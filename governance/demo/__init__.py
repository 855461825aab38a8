"""Demo governance records for 2022/23 from the 2022/23 annual report (the data in data.py): priorities and
activities, the action tracker in every status, the challenge log, the voice of the child, partners' statements
(schools and early years among them) with their inspections, changes to policies and procedures, finance and the
glossary."""

import re
import runpy
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from lscp.financial_year import FinancialYear
from partnership.models import (
    Agency,
    Body,
    LocalAuthority,
    Person,
)

from ..models import (
    Action,
    ActionUpdate,
    ActivityMetric,
    AgencyStatement,
    ChallengeLogEntry,
    ChallengeResolution,
    Contribution,
    EngagementActivity,
    ExpenditureLine,
    GlossaryTerm,
    Inspection,
    PolicyChange,
    Priority,
    PriorityActivity,
    ReservesBroughtForward,
    StatementRequest,
    StatementStatus,
    YouSaidWeDid,
)

# Organisations are written in data.py as the 2022/23 annual report writes them; these are the demo agencies
# (partnership/demo/data.py) they are.
GOVERNANCE = runpy.run_path(str(Path(__file__).with_name("data.py")))
GOVERNANCE_AGENCIES = {
    "NHS North West London Integrated Care Board": "North West London Integrated Care Board",
    "Metropolitan Police Service": "Metropolitan Police Service, Central West Basic Command Unit",
    "Bi-Borough Children's Services": "Children's Services RBKC/WCC",
    "Bi-Borough Family Services": "Children's Services RBKC/WCC",
    "Family & Children's Services, Royal Borough of Kensington and Chelsea": "Children's Services RBKC",
    "Royal Borough of Kensington and Chelsea and Westminster City Council": "Children's Services RBKC/WCC",
    # The councils' contributions: appendix 3 calls the line "Children's Services".
    "Royal Borough of Kensington and Chelsea": "Children's Services RBKC",
    "Westminster City Council": "Children's Services WCC",
    # Challenges the partnership itself raised: the business team is hosted by bi-borough children's services,
    # and the business manager raises them.
    "Local Safeguarding Children Partnership": "Children's Services RBKC/WCC",
}
# Organisations the 2022/23 report names that the demo registry has no sensible match for.
GOVERNANCE_NEW_AGENCIES = {
    "Drive Partnership": {"sector": "voluntary", "boroughs": ["WCC"]},
    "Home Office": {"sector": "other", "boroughs": ["RBKC", "WCC"]},
    # The local authorities' early years service, whose Early Years Strategic Lead runs the early years DSL forum.
    "Early Years Service RBKC/WCC": {"sector": "early_years", "boroughs": ["RBKC", "WCC"]},
}
# Activity leads that are bodies rather than agencies. The MACE panel is shared with Hammersmith & Fulham,
# so it is a linked panel, not one of the partnership's own groups.
GOVERNANCE_BODIES = {
    "Transitional Safeguarding Steering Group (LSCP and SAEB)": "Transitional Safeguarding Steering Group",
    "Multi-Agency Child Exploitation (MACE) Panel": "Multi-Agency Child Exploitation (MACE) Panel",
}
MACE_PANEL = {
    "name": "Multi-Agency Child Exploitation (MACE) Panel",
    "kind": "linked_board",
    "purpose": (
        "The panel shared by Hammersmith & Fulham, Kensington and Chelsea and Westminster that coordinates the "
        "response to children at risk of exploitation."
    ),
    "meeting_frequency": "monthly",
}
CONTRIBUTION_LABELS = {
    "Royal Borough of Kensington and Chelsea": "Children's Services",
    "Westminster City Council": "Children's Services",
}
INSPECTION_KINDS = {"focused_visit": "Focused visit", "childrens_home": "Children's home inspection"}
BUSINESS_MANAGER = "Eleanor Blackwood"
STATEMENTS_SUBMITTED = datetime(2023, 5, 31, 12, 0)
STATEMENTS_DECIDED = datetime(2023, 6, 14, 12, 0)
STATEMENTS_AWAITING_DECISION = {"Imperial College Healthcare NHS Trust"}
# The 2023/24 statements the business manager has asked for, on the annual report's contributions board: the agency,
# the demo login named to write it (None: its partner representatives) and the days from the day the demo is loaded
# it is due, so that the board always shows one late, one due within the reminders' working days and one later.
NEXT_YEAR_STATEMENTS = [
    ("National Probation Service", None, 4),
    ("Children's Services RBKC/WCC", "chair", -8),
    ("Metropolitan Police Service, Central West Basic Command Unit", None, 30),
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# Actions in every status, drawn from the activities' "What next?" (illustrative: the 2022/23 report gives no
# tracker). Days are counted from the day the demo is loaded, so some are overdue and some due soon.
# (title, activity, owner agency, owner person, lead body, due in days, status, RAG, completed days ago)
DEMO_ACTIONS = [
    (
        "Present partners' reflections on the low number of Restart referrals",
        "Development of the Westminster Restart Project",
        "Children's Services RBKC/WCC",
        "Fiona Makepeace",
        "Local Safeguarding Children Partnership",
        -20,
        "at_risk",
        "amber",
        None,
    ),
    (
        "Share probation's learning on referring families to the Restart programme",
        "Development of the Westminster Restart Project",
        "National Probation Service",
        "Nadia Chaudhry",
        None,
        -12,
        "not_started",
        "red",
        None,
    ),
    (
        "Reflect the Restart learning in the next domestic abuse local learning review",
        "Development of the Westminster Restart Project",
        "National Probation Service",
        "Nadia Chaudhry",
        "Case Review Subgroup",
        40,
        "not_started",
        "",
        None,
    ),
    (
        "Extend Safe and Together to Kensington and Chelsea practitioners from April 2024",
        "Roll out of Safe and Together Model Training",
        "Children's Services RBKC",
        None,
        None,
        200,
        "on_track",
        "green",
        None,
    ),
    (
        "Find an education representative for the CYP operational group",
        "IDVA role in Kensington and Chelsea",
        "Education RBKC/WCC",
        None,
        "Local Safeguarding Children Partnership",
        9,
        "not_started",
        "red",
        None,
    ),
    (
        "Track how NRM decisions are used in pre-sentence reports for young people",
        "National Referral Mechanism: Home Office Pilot Project (June 2021)",
        "National Probation Service",
        "Nadia Chaudhry",
        "Best Practice and Performance Subgroup",
        30,
        "at_risk",
        "amber",
        None,
    ),
    (
        "Report to the partnership twice a year on the MACE panel's impact",
        "Relaunch of the shared MACE Panel",
        "Metropolitan Police Service, Central West Basic Command Unit",
        None,
        "Local Safeguarding Children Partnership",
        5,
        "on_track",
        "green",
        None,
    ),
    (
        "Link every school without a Safer Schools Officer to its safer neighbourhood team",
        "Safer Schools Officers",
        "Metropolitan Police Service, Central West Basic Command Unit",
        None,
        None,
        -30,
        "complete",
        "green",
        40,
    ),
    (
        "Report back on what the Emotional Wellbeing and Mental Health Plan achieved in 2022-2023",
        "Emotional Wellbeing and Mental Health Plan",
        "North West London Integrated Care Board",
        None,
        "Local Safeguarding Children Partnership",
        -5,
        "complete",
        "green",
        10,
    ),
    (
        "Bring the learning from local rapid reviews on adolescent mental health to the GP forums",
        "Emotional Wellbeing and Mental Health Plan",
        "North West London Integrated Care Board",
        None,
        "Case Review Subgroup",
        60,
        "cancelled",
        "",
        None,
    ),
    (
        "Survey young people on whether the We Got U campaign made support easier to reach",
        "We Got U, U Got This Campaign",
        "Children's Services RBKC/WCC",
        None,
        "Children and Community Engagement and Accountability Subgroup",
        -60,
        "cancelled",
        "",
        None,
    ),
    (
        "Run the transitional safeguarding data task-and-finish group",
        "Development of Transitional Safeguarding Steering Group (July 2022)",
        "Adult Social Care RBKC/WCC",
        "Joanne Kirkbride",
        "Transitional Safeguarding Steering Group",
        -3,
        "at_risk",
        "red",
        None,
    ),
]
# (action title, days ago, author login, text)
DEMO_ACTION_UPDATES = [
    (
        "Present partners' reflections on the low number of Restart referrals",
        35,
        "manager",
        "Two of five partners have sent their reflections; the others are chased through the Executive.",
    ),
    (
        "Track how NRM decisions are used in pre-sentence reports for young people",
        14,
        "partner",
        "Case sample agreed with the youth justice service; access to court outcomes is still being arranged.",
    ),
    (
        "Link every school without a Safer Schools Officer to its safer neighbourhood team",
        40,
        "manager",
        "Every school now has a named contact; the list is on the partnership's website.",
    ),
    (
        "Run the transitional safeguarding data task-and-finish group",
        21,
        "chair",
        "The group has met once; adult services data for 18 to 24 year olds is not yet available.",
    ),
]


def _ensure(model, lookup, defaults):
    """get_or_create that checks a new record against the model's own rules before saving it."""
    found = model.objects.filter(**lookup).first()
    if found is not None:
        return found, False
    record = model(**lookup, **defaults)
    record.full_clean()
    record.save()
    return record, True


def _start_date(activity):
    """The month an activity's name gives ("… (July 2022)"), as its first day."""
    match = re.search(r"\(([A-Z][a-z]+) (\d{4})\)", activity)
    if not match or match.group(1) not in _MONTHS:
        return None
    return date(int(match.group(2)), _MONTHS.index(match.group(1)) + 1, 1)


def load(*, stdout):
    year = FinancialYear.parse(GOVERNANCE["YEAR"])
    boroughs = {b.code: b for b in LocalAuthority.objects.all()}
    agencies = {a.name: a for a in Agency.objects.all()}
    for name, row in GOVERNANCE_NEW_AGENCIES.items():
        if name not in agencies:
            agency, _ = _ensure(Agency, {"name": name}, {"sector": row["sector"]})
            agency.boroughs.set([boroughs[c] for c in row["boroughs"]])
            agencies[name] = agency

    def agency(name):
        return agencies[GOVERNANCE_AGENCIES.get(name, name)]

    bodies = {b.name: b for b in Body.objects.all()}
    if MACE_PANEL["name"] not in bodies:
        bodies[MACE_PANEL["name"]], _ = _ensure(
            Body, {"name": MACE_PANEL["name"]}, {k: v for k, v in MACE_PANEL.items() if k != "name"}
        )
    people = {p.name: p for p in Person.objects.all()}
    made = Counter()

    activities = {}
    plan = FinancialYear.parse(GOVERNANCE["PLAN_PERIOD"])
    for row in GOVERNANCE["PRIORITIES"]:
        priority, created = _ensure(
            Priority,
            {"first_year": plan, "number": row["number"]},
            {"last_year": plan, "title": row["title"], "description": row["description"]},
        )
        made["priorities"] += created
        for order, item in enumerate(row["activities"], start=1):
            lead = item["lead"]
            activity, _ = _ensure(
                PriorityActivity,
                {"priority": priority, "activity": item["activity"]},
                {
                    "purpose": item["purpose"],
                    "impact": item["impact"],
                    "what_next": item["what_next"],
                    "start_date": _start_date(item["activity"]),
                    "lead_body": bodies[GOVERNANCE_BODIES[lead]] if lead in GOVERNANCE_BODIES else None,
                    "lead_agency": None if lead in GOVERNANCE_BODIES else agency(lead),
                    "order": order,
                },
            )
            activities[item["activity"]] = activity
            for metric_order, (value, label) in enumerate(item["metrics"], start=1):
                _ensure(
                    ActivityMetric,
                    {"activity": activity, "label": label},
                    {"value": Decimal(value), "order": metric_order},
                )

    engagements = {}
    for row in GOVERNANCE["ENGAGEMENT_ACTIVITIES"]:
        engagement, created = _ensure(
            EngagementActivity,
            {"date": date.fromisoformat(row["date"]), "group": row["group"]},
            {
                "age_range": row["age_range"],
                "borough": boroughs.get(row["borough"]),
                "topic": row["topic"],
                "method": row["method"],
                "children_taking_part": row["children"],
            },
        )
        engagements[row["date"]] = engagement
        made["engagement activities"] += created
    # The July 2022 conversations with the leaving care groups produced the table (demo_governance.py).
    heard_at = engagements.get("2022-07-19")
    for order, row in enumerate(GOVERNANCE["YOU_SAID_WE_DID"], start=1):
        _ensure(
            YouSaidWeDid,
            {"year": year, "you_said": row["you_said"]},
            {"we_did": row["we_did"], "status": row["status"], "heard_at": heard_at, "order": order},
        )

    for term, expansion, definition in GOVERNANCE["GLOSSARY"]:
        if not GlossaryTerm.objects.filter(term__iexact=term).exists():
            _ensure(GlossaryTerm, {"term": term}, {"expansion": expansion, "definition": definition})
            made["glossary terms"] += 1

    manager = User.objects.get(username="manager")
    tz = timezone.get_current_timezone()
    for row in GOVERNANCE["AGENCY_STATEMENTS"]:
        awaiting = row["agency"] in STATEMENTS_AWAITING_DECISION
        statement, created = _ensure(
            AgencyStatement,
            {"agency": agency(row["agency"]), "year": year},
            {
                "text": row["text"],
                "status": StatementStatus.SUBMITTED if awaiting else StatementStatus.ACCEPTED,
                "submitted_at": STATEMENTS_SUBMITTED.replace(tzinfo=tz),
                "decided_by": None if awaiting else manager,
                "decided_at": None if awaiting else STATEMENTS_DECIDED.replace(tzinfo=tz),
            },
        )
        made["agency statements"] += created
        for inspection in row["inspections"]:
            _ensure(
                Inspection,
                {
                    "statement": statement,
                    "inspectorate": inspection["inspectorate"],
                    "kind": INSPECTION_KINDS.get(inspection["kind"], inspection["kind"]),
                    "borough": boroughs.get(inspection["borough"]),
                    "date": date.fromisoformat(inspection["date"]),
                },
                {
                    "name": inspection.get("name", ""),
                    "judgement": inspection["judgement"] or "",
                    "findings": inspection.get("findings", ""),
                    "recommendations": inspection["recommendations"],
                },
            )

    for title, kind, owner, changed_on, what_changed, link in GOVERNANCE["POLICY_CHANGES"]:
        _, created = _ensure(
            PolicyChange,
            {"title": title, "changed_on": date.fromisoformat(changed_on)},
            {"kind": kind, "agency": agency(owner) if owner else None, "what_changed": what_changed, "link": link},
        )
        made["policy changes"] += created

    for row in GOVERNANCE["CHALLENGES"]:
        raised_on = date.fromisoformat(row["date"])
        by_partnership = row["raised_by_agency"] == "Local Safeguarding Children Partnership"
        # Illustrative: a challenge whose impact is still awaited stays open; the others closed within weeks.
        still_open = row["impact"].startswith(("Not yet known", "Expected"))
        _, created = _ensure(
            ChallengeLogEntry,
            {
                "raised_by_agency": agency(row["raised_by_agency"]),
                "agency_challenged": agency(row["agency_challenged"]),
                "raised_on": raised_on,
            },
            {
                "raised_by_person": people[BUSINESS_MANAGER] if by_partnership else None,
                "issue": row["issue"],
                "stage": row["stage"],
                "outcome": row["outcome"],
                "impact": row["impact"],
                "closed_on": None if still_open else raised_on + timedelta(days=56),
                # Illustrative: the 2022/23 report reports its challenges as taken up by the agency challenged.
                "resolution": "" if still_open else ChallengeResolution.ACCEPTED,
                "publish_as_example": row["publish"],
            },
        )
        made["challenges"] += created

    for borough_code, lines in GOVERNANCE["FINANCE"].items():
        borough = boroughs[borough_code]
        for order, (name, amount) in enumerate(lines["contributions"], start=1):
            known = GOVERNANCE_AGENCIES.get(name, name) in agencies
            _ensure(
                Contribution,
                {
                    "year": year,
                    "borough": borough,
                    "agency": agency(name) if known else None,
                    "label": CONTRIBUTION_LABELS.get(name, "" if known else name),
                },
                {"amount": amount, "order": order},
            )
        for category, amount, note in lines["expenditure"]:
            _ensure(
                ExpenditureLine,
                {"year": year, "borough": borough, "category": category, "note": note},
                {"amount": amount},
            )
        if lines["reserves_brought_forward"] is not None:
            _ensure(
                ReservesBroughtForward,
                {"year": year, "borough": borough},
                {"amount": lines["reserves_brought_forward"]},
            )

    today = timezone.localdate()
    activity_type = ContentType.objects.get_for_model(PriorityActivity)
    for title, activity, owner, person, lead_body, due_in, status, rag, completed_ago in DEMO_ACTIONS:
        _, created = _ensure(
            Action,
            {"title": title, "source_type": activity_type, "source_id": activities[activity].pk},
            {
                "description": activities[activity].what_next,
                "owner_agency": agencies[owner],
                "owner_person": people[person] if person else None,
                "lead_body": bodies[lead_body] if lead_body else None,
                "due_date": today + timedelta(days=due_in),
                "status": status,
                "rag": rag,
                "completed_on": today - timedelta(days=completed_ago) if completed_ago is not None else None,
            },
        )
        made["actions"] += created
    users = {u.username: u for u in User.objects.filter(username__in=["manager", "chair", "partner"])}
    for title, days_ago, author, text in DEMO_ACTION_UPDATES:
        action = Action.objects.get(title=title)
        if not action.updates.filter(text=text).exists():
            _ensure(
                ActionUpdate,
                {"action": action, "text": text},
                {"date": today - timedelta(days=days_ago), "author": users[author]},
            )
    made["2023/24 statements asked for"] += _ask_for_next_years_statements(manager, today=today)
    added = ", ".join(f"{count} {what}" for what, count in made.items() if count) or "nothing new"
    stdout.write(f"Governance records for {year}: {added} added.")


def _ask_for_next_years_statements(manager, *, today):
    """Asks the agencies of NEXT_YEAR_STATEMENTS for their 2023/24 statements, as the business manager does on the
    board. An agency asked before is left as it is (the business manager's changes are kept)."""
    from ..services.statements import request_statement

    year = FinancialYear(2023)
    asked = set(StatementRequest.objects.filter(year=year).values_list("agency__name", flat=True))
    made = 0
    for name, username, days in NEXT_YEAR_STATEMENTS:
        if name in asked:
            continue
        writer = User.objects.get(username=username) if username else None
        request_statement(
            agency=Agency.objects.get(name=name),
            year=year,
            assigned_to=writer,
            due_on=today + timedelta(days=days),
            by=manager,
        )
        made += 1
    return made
