"""The demo's audits and Section 11 records (the literals in assurance_data.py): the 2015/16 LSCB report's standards and
example ratings in two cycles (a pilot, then the relaunch of 2023–24 with returns at every stage) and a cycle open now
with no return yet, the NRM multi-agency audit of September 2023 with its cases, findings, recommendations and actions,
two single-agency audits of 2022/23, and a lay member.

The first two Section 11 cycles are closed, so the returns are written as they stood (the services refuse to start a
return in a closed cycle); the actions for standards not fully met and everything about the audits go through the
services. Each record is found by its natural key first, so loading again changes nothing."""

import runpy
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.utils import timezone

from governance.models import Action, Priority
from lscp.financial_year import FinancialYear
from partnership.models import Agency, Body, Person

from ..models import (
    AuditParticipation,
    AuditRecommendation,
    CaseJudgement,
    Cycle,
    MultiAgencyAudit,
    Return,
    Scrutiny,
    SingleAgencyAudit,
    Standard,
    StandardResponse,
    StandardSet,
)
from ..services import audits as audit_services
from ..services import section11 as section11_services

DATA = runpy.run_path(str(Path(__file__).with_name("assurance_data.py")))


def _day(text):
    return date.fromisoformat(text) if text else None


def _moment(text):
    return timezone.make_aware(datetime.combine(_day(text), time(10, 0)))


def _agency(name):
    return Agency.objects.get(name=name)


def _lay_member():
    data = DATA["LAY_MEMBER"]
    person = Person.objects.filter(email__iexact=data["email"]).first()
    if person is None:
        person = Person(name=data["name"], job_title=data["job_title"], email=data["email"])
        person.agency = Agency.objects.get(name="Lay Members")
        person.full_clean()
        person.save()
    return person


def _standards():
    data = DATA["STANDARD_SET"]
    standard_set, _ = StandardSet.objects.get_or_create(
        name=data["name"],
        version=data["version"],
        defaults={"kind": data["kind"], "in_use_since": _day(data["in_use_since"])},
    )
    for number, title, guidance in DATA["STANDARDS"]:
        Standard.objects.get_or_create(
            standard_set=standard_set, number=number, defaults={"title": title, "guidance": guidance}
        )
    return standard_set


def _return(cycle, row, manager, previous):
    agency = _agency(row["agency"])
    if Return.objects.filter(cycle=cycle, agency=agency).exists():
        return Return.objects.get(cycle=cycle, agency=agency)
    submitted = row.get("submitted_on")
    agency_return = Return(
        cycle=cycle,
        agency=agency,
        status="in_progress",
        started_from=previous.get(agency.pk),
        submitted_at=_moment(submitted) if submitted else None,
    )
    agency_return.full_clean()
    agency_return.save()
    for standard in cycle.standard_set.standards.order_by("number"):
        rating = row["ratings"].get(standard.number, "")
        response = StandardResponse(
            agency_return=agency_return,
            standard=standard,
            rating=rating,
            evidence=DATA["EVIDENCE"] if rating else "",
        )
        response.full_clean()
        response.save()
    if not submitted:
        return agency_return
    agency_return.status = "submitted"
    agency_return.save(update_fields=["status"])
    if cycle.closes_on.year >= 2022:
        # As submit_return does: an action for each standard not fully met, due three months after submission.
        for action in section11_services.raise_actions_for_standards_not_met(agency_return=agency_return, by=manager):
            Action.objects.filter(pk=action.pk).update(due_date=_day(submitted) + timedelta(days=91))
    scrutiny = row["scrutiny"]
    record = Scrutiny(
        agency_return=agency_return,
        by=manager,
        comments=scrutiny["comments"],
        challenge_session_on=_day(scrutiny.get("challenge_session_on")),
        outcome=scrutiny["outcome"],
        recorded_at=_moment(scrutiny.get("challenge_session_on") or submitted) + timedelta(days=1),
    )
    record.full_clean()
    record.save()
    agency_return.status = row["status"]
    agency_return.save(update_fields=["status"])
    return agency_return


def load_section11(manager):
    standard_set = _standards()
    accepted = {}
    for data in DATA["CYCLES"]:
        cycle, created = Cycle.objects.get_or_create(
            name=data["name"],
            defaults={
                "standard_set": standard_set,
                "opens_on": _day(data["opens_on"]),
                "closes_on": _day(data["closes_on"]),
            },
        )
        if created:
            cycle.agencies.set(Agency.objects.filter(name__in=data["agencies"]))
        for row in data["returns"]:
            agency_return = _return(cycle, row, manager, accepted)
            if agency_return.status == "accepted":
                accepted[agency_return.agency_id] = agency_return
    load_open_cycle(standard_set)


# The cycle open now: dated from the day the demo is loaded, so that the demo partner (the National Probation Service)
# has a return to start and complete, and their home page says when it is due. Found by its name (the financial year
# it opens in), so loading again the same year changes nothing; the closed cycles above are untouched.
OPEN_CYCLE_OPENED_DAYS_AGO = 14
OPEN_CYCLE_OPEN_FOR_DAYS = 12 * 7
OPEN_CYCLE_AGENCIES = [
    "National Probation Service",
    "North West London Integrated Care Board",
    "Metropolitan Police Service, Central West Basic Command Unit",
    "Central London Community Healthcare NHS Trust",
    "Imperial College Healthcare NHS Trust",
]


def load_open_cycle(standard_set):
    opens_on = timezone.localdate() - timedelta(days=OPEN_CYCLE_OPENED_DAYS_AGO)
    year = FinancialYear.for_date(opens_on)
    name = f"Section 11 audit {year.start_year}–{(year.start_year + 1) % 100:02d}"
    cycle = Cycle.objects.filter(name=name).first()
    if cycle is not None:
        return cycle
    cycle = Cycle(
        name=name,
        standard_set=standard_set,
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=OPEN_CYCLE_OPENED_DAYS_AGO + OPEN_CYCLE_OPEN_FOR_DAYS),
    )
    cycle.full_clean()
    cycle.save()
    cycle.agencies.set(Agency.objects.filter(name__in=OPEN_CYCLE_AGENCIES))
    return cycle


def load_nrm_audit(manager):
    data = DATA["NRM_AUDIT"]
    audit = MultiAgencyAudit.objects.filter(theme=data["theme"]).first()
    if audit is None:
        audit = audit_services.save_audit(
            theme=data["theme"],
            kind="new",
            priority=Priority.objects.filter(title=data["priority_title"]).order_by("-first_year").first(),
            scope=data["scope"],
            planned_on=_day(data["planned_on"]),
            held_on=_day(data["held_on"]),
            workshop_on=_day(data["workshop_on"]),
            by=manager,
        )
    for agency_name, cases_audited, cases in data["participations"]:
        agency = _agency(agency_name)
        if not AuditParticipation.objects.filter(audit=audit, agency=agency).exists():
            audit_services.set_participation(audit=audit, agency=agency, cases_audited=cases_audited, by=manager)
        if not CaseJudgement.objects.filter(audit=audit, agency=agency).exists():
            audit_services.record_judgements(audit=audit, agency=agency, cases=cases, by=manager)
    if not audit.strengths:
        audit_services.record_findings(
            audit=audit,
            strengths=data["strengths"],
            areas_for_development=data["areas_for_development"],
            by=manager,
        )
    subgroup = Body.objects.filter(name="Best Practice and Performance Subgroup").first()
    for number, text, agency_name, actions in data["recommendations"]:
        recommendation = AuditRecommendation.objects.filter(audit=audit, number=number).first()
        if recommendation is None:
            recommendation = audit_services.add_recommendation(
                audit=audit, text=text, agency=_agency(agency_name) if agency_name else None, by=manager
            )
        if recommendation.actions.exists():
            continue
        for title, owner, due, status, completed_on in actions:
            action = audit_services.raise_action(
                recommendation=recommendation,
                title=title,
                owner_agency=_agency(owner),
                lead_body=subgroup,
                due_date=_day(due),
                by=manager,
            )
            action.status, action.completed_on = status, _day(completed_on)
            action.full_clean()
            action.save()
    return audit


def load_single_agency_audits(manager):
    subgroup = Body.objects.filter(name="Best Practice and Performance Subgroup").first()
    for row in DATA["SINGLE_AGENCY_AUDITS"]:
        agency = _agency(row["agency"])
        if SingleAgencyAudit.objects.filter(agency=agency, topic=row["topic"]).exists():
            continue
        audit_services.save_single_agency_audit(
            agency=agency,
            topic=row["topic"],
            method=row["method"],
            date=_day(row["date"]),
            key_findings=row["key_findings"],
            presented_to=subgroup,
            by=manager,
        )


def load(*, stdout):
    manager = User.objects.get(username="manager")
    _lay_member()
    load_section11(manager)
    load_nrm_audit(manager)
    load_single_agency_audits(manager)
    stdout.write(
        f"Quality assurance: {Cycle.objects.count()} Section 11 cycles, {Return.objects.count()} returns, "
        f"{MultiAgencyAudit.objects.count()} multi-agency and {SingleAgencyAudit.objects.count()} single-agency "
        "audits."
    )
