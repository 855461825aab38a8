"""The audit workflows of the Quality Assurance subgroup: a multi-agency audit recorded from its theme to its
findings and actions (the audit, the agencies taking part and their cases, the grade of each case, the findings,
the recommendations and an action in the shared tracker from one), and the single-agency audits agencies share.

Each function is one transaction: a refused step saves nothing. Messages are the named constants below or the
models' own (audits/models/multi_agency.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from governance.models import Action

from ..models import (
    AuditParticipation,
    AuditRecommendation,
    CaseJudgement,
    Grade,
    MultiAgencyAudit,
    SingleAgencyAudit,
)

CASE_NEEDS_GRADE = "Case %(row)s (%(case)s): choose its grade."
GRADE_NEEDS_CASE = "Case %(row)s: give the agency's case code for the grade “%(grade)s”."
CASE_GRADED_TWICE = "Case %(row)s: %(case)s is graded in an earlier row already. Each case is graded once."
MORE_CASES_THAN_AUDITED = (
    "%(agency)s audited %(audited)s case%(plural)s, but %(graded)s are graded here: grade no more cases than it "
    "audited, or change the number it audited first."
)
AGENCY_NOT_TAKING_PART = "%(agency)s is not among the agencies taking part in this audit: add it to them first."
RECOMMENDATION_NOT_OF_AUDIT = "That recommendation is not one of this audit's. Reload the page and try again."
FINDINGS_EMPTY = "Write the strengths, the areas for development, or both."


def _save(record, by, **clean_options):
    record.full_clean(**clean_options)
    if by is not None:
        record._history_user = by
    record.save()
    return record


@transaction.atomic
def save_audit(
    *,
    theme,
    kind,
    audit=None,
    priority=None,
    earlier_audit=None,
    scope="",
    planned_on=None,
    held_on=None,
    workshop_on=None,
    by=None,
):
    """Records a multi-agency audit (or changes an existing one's details): its theme and the priority it comes
    from, whether it is new or a re-audit of an earlier audit, and its dates."""
    audit = audit or MultiAgencyAudit()
    audit.theme = (theme or "").strip()
    audit.priority = priority
    audit.kind = kind
    audit.earlier_audit = earlier_audit
    audit.scope = (scope or "").strip()
    audit.planned_on = planned_on
    audit.held_on = held_on
    audit.workshop_on = workshop_on
    return _save(audit, by)


@transaction.atomic
def set_participation(*, audit, agency, cases_audited, by=None):
    """Adds an agency to those taking part, with the number of its cases it audited; for an agency already taking
    part, changes that number."""
    participation = AuditParticipation.objects.filter(audit=audit, agency=agency).first() or AuditParticipation(
        audit=audit, agency=agency
    )
    participation.cases_audited = cases_audited
    graded = CaseJudgement.objects.filter(audit=audit, agency=agency).count()
    if cases_audited is not None and graded > cases_audited:
        raise ValidationError({"cases_audited": _too_many(agency, cases_audited, graded)})
    return _save(participation, by)


def _too_many(agency, audited, graded):
    return MORE_CASES_THAN_AUDITED % {
        "agency": agency,
        "audited": audited,
        "plural": "" if audited == 1 else "s",
        "graded": graded,
    }


@transaction.atomic
def record_judgements(*, audit, agency, cases, by=None):
    """Sets the graded cases of one agency in the audit to `cases`, a list of (case reference, grade) in the
    order of the form's rows: a row left empty is skipped, a case no longer listed is removed, a changed grade is
    changed. Every row is checked first, with the row's number in each message; one bad row saves nothing."""
    participation = AuditParticipation.objects.filter(audit=audit, agency=agency).first()
    if participation is None:
        raise ValidationError(AGENCY_NOT_TAKING_PART % {"agency": agency})
    errors, wanted = {}, {}
    labels = dict(Grade.choices)
    for row, (reference, grade) in enumerate(cases, start=1):
        reference = (reference or "").strip()
        if not reference and not grade:
            continue
        if not grade:
            errors[f"grade_{row}"] = CASE_NEEDS_GRADE % {"row": row, "case": reference}
        elif not reference:
            errors[f"case_{row}"] = GRADE_NEEDS_CASE % {"row": row, "grade": labels.get(grade, grade)}
        elif reference.casefold() in {known.casefold() for known in wanted}:
            errors[f"case_{row}"] = CASE_GRADED_TWICE % {"row": row, "case": reference}
        else:
            wanted[reference] = (row, grade)
    if not errors and len(wanted) > participation.cases_audited:
        errors["__all__"] = _too_many(agency, participation.cases_audited, len(wanted))
    existing = {j.case_reference: j for j in CaseJudgement.objects.filter(audit=audit, agency=agency)}
    unchanged = {reference: j.grade for reference, j in existing.items()}
    saved = []
    for reference, (row, grade) in wanted.items():
        judgement = existing.get(reference) or CaseJudgement(audit=audit, agency=agency, case_reference=reference)
        judgement.grade = grade
        try:
            judgement.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                field = "grade" if name == "grade" else "case"
                errors[f"{field}_{row}"] = [f"Case {row}: {message}" for message in messages]
            continue
        saved.append(judgement)
    if errors:
        raise ValidationError(errors)
    CaseJudgement.objects.filter(audit=audit, agency=agency).exclude(case_reference__in=list(wanted)).delete()
    for judgement in saved:
        if judgement.pk is None or unchanged[judgement.case_reference] != judgement.grade:
            _save(judgement, by)
    return saved


@transaction.atomic
def record_findings(*, audit, strengths, areas_for_development, by=None):
    """The audit's findings: what it found working well and the areas for development."""
    strengths, areas = (strengths or "").strip(), (areas_for_development or "").strip()
    if not strengths and not areas:
        raise ValidationError(FINDINGS_EMPTY)
    audit.strengths, audit.areas_for_development = strengths, areas
    return _save(audit, by)


@transaction.atomic
def add_recommendation(*, audit, text, agency=None, by=None):
    """Adds a recommendation, numbered after the audit's last one; `agency` is the agency it is made to (None for
    the whole partnership)."""
    last = MultiAgencyAudit.objects.select_for_update().filter(pk=audit.pk).aggregate(n=Max("recommendations__number"))
    recommendation = AuditRecommendation(
        audit=audit, number=(last["n"] or 0) + 1, text=(text or "").strip(), agency=agency
    )
    return _save(recommendation, by)


@transaction.atomic
def raise_action(*, recommendation, title, owner_agency, due_date, description="", lead_body=None, by=None):
    """Raises an action in the shared action tracker from a recommendation of a multi-agency audit. The owner
    agency's partners update it there; so do the chairs of its lead body (the Quality Assurance subgroup, by
    default in the form), who can close it."""
    action = Action(
        title=(title or "").strip(),
        description=(description or "").strip(),
        source_type=ContentType.objects.get_for_model(AuditRecommendation),
        source_id=recommendation.pk,
        owner_agency=owner_agency,
        lead_body=lead_body,
        due_date=due_date,
    )
    return _save(action, by)


@transaction.atomic
def save_single_agency_audit(
    *, agency, topic, method, date, audit=None, key_findings="", presented_to=None, presented_at=None, by=None
):
    """Records a single-agency audit shared with the partnership (or changes one): the agency, topic, method,
    date, key findings, and the body and meeting it was presented to."""
    audit = audit or SingleAgencyAudit()
    audit.agency = agency
    audit.topic = (topic or "").strip()
    audit.method = method
    audit.date = date
    audit.key_findings = (key_findings or "").strip()
    audit.presented_to = presented_to
    audit.presented_at = presented_at
    return _save(audit, by)
