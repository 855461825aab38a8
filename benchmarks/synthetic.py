"""Synthetic copies of the demo records, to measure how the report scales with the size of a partnership."""

from django.db import transaction

from partnership.models import Agency, Attendance, Body, Meeting, Membership, Person


@transaction.atomic
def multiply_records(scale):
    """Adds (scale - 1) copies of every agency, person, body, membership, meeting and attendance line, then of
    the governance records."""
    agencies = list(Agency.objects.all())
    people = list(Person.objects.all())
    bodies = list(Body.objects.order_by("pk"))
    memberships = list(Membership.objects.all())
    meetings = list(Meeting.objects.all())
    attendances = list(Attendance.objects.all())
    agency_copies = {}
    for copy in range(1, scale):
        agency_map = {}
        for agency in agencies:
            agency_map[agency.pk] = Agency.objects.create(
                name=f"{agency.name} ({copy})", sector=agency.sector, statutory_partner=agency.statutory_partner
            )
            agency_copies[(copy, agency.pk)] = agency_map[agency.pk].pk
        person_map = {}
        new_people = [
            Person(
                name=f"{p.name} {copy}",
                job_title=p.job_title,
                agency=agency_map[p.agency_id],
                email=f"copy{copy}.{p.email}",
            )
            for p in people
        ]
        for old, new in zip(people, Person.objects.bulk_create(new_people), strict=True):
            person_map[old.pk] = new
        body_map = {}
        for body in bodies:  # in creation order, so parents exist before their groups
            body_map[body.pk] = Body.objects.create(
                name=f"{body.name} ({copy})",
                kind=body.kind,
                parent=body_map.get(body.parent_id),
                borough_id=body.borough_id,
                purpose=body.purpose,
                meeting_frequency=body.meeting_frequency,
                active_from=body.active_from,
                active_to=body.active_to,
            )
        membership_map = {}
        new_memberships = [
            Membership(
                person=person_map[m.person_id],
                body=body_map[m.body_id],
                role=m.role,
                agency=agency_map[m.agency_id],
                start=m.start,
                end=m.end,
            )
            for m in memberships
        ]
        for old, new in zip(memberships, Membership.objects.bulk_create(new_memberships), strict=True):
            membership_map[old.pk] = new
        meeting_map = {}
        new_meetings = [
            Meeting(
                body=body_map[m.body_id],
                starts_at=m.starts_at,
                kind=m.kind,
                theme=m.theme,
                location=m.location,
                online=m.online,
                status=m.status,
            )
            for m in meetings
        ]
        for old, new in zip(meetings, Meeting.objects.bulk_create(new_meetings), strict=True):
            meeting_map[old.pk] = new
        Attendance.objects.bulk_create(
            Attendance(
                meeting=meeting_map[a.meeting_id],
                membership=membership_map[a.membership_id],
                status=a.status,
                deputy_name=a.deputy_name,
                deputy_agency_id=a.deputy_agency_id,
            )
            for a in attendances
        )
    multiply_governance(scale, agency_copies=agency_copies)
    multiply_reviews(scale, agency_copies=agency_copies)
    multiply_data_set(scale)
    multiply_audits(scale, agency_copies=agency_copies)
    multiply_training(scale, agency_copies=agency_copies)


def _clone(instance, **changes):
    """An unsaved copy of a model instance with some fields changed."""
    copy = type(instance)()
    for field in instance._meta.concrete_fields:
        if not field.primary_key:
            setattr(copy, field.attname, getattr(instance, field.attname))
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


@transaction.atomic
def multiply_governance(scale, *, agency_copies):
    """Adds (scale - 1) copies of the governance records: priorities, activities, metrics, actions, challenges,
    engagement, You said / We did, statements and inspections, finance lines and glossary terms.

    `agency_copies` maps (copy number, original agency id) to the copied agency's id, from multiply_records."""
    from django.contrib.contenttypes.models import ContentType

    from governance.models import (
        Action,
        ActivityMetric,
        AgencyStatement,
        ChallengeLogEntry,
        Contribution,
        EngagementActivity,
        ExpenditureLine,
        GlossaryTerm,
        Inspection,
        Priority,
        PriorityActivity,
        YouSaidWeDid,
    )

    activity_type = ContentType.objects.get_for_model(PriorityActivity)
    priorities = list(Priority.objects.all())
    activities = list(PriorityActivity.objects.all())
    metrics = list(ActivityMetric.objects.all())
    actions = list(Action.objects.filter(source_type=activity_type))
    challenges = list(ChallengeLogEntry.objects.all())
    engagement = list(EngagementActivity.objects.all())
    you_said = list(YouSaidWeDid.objects.all())
    statements = list(AgencyStatement.objects.all())
    inspections = list(Inspection.objects.all())
    contributions = list(Contribution.objects.all())
    expenditure = list(ExpenditureLine.objects.all())
    terms = list(GlossaryTerm.objects.all())
    top_number = max((p.number for p in priorities), default=0)

    def agency(copy, agency_id):
        return agency_copies.get((copy, agency_id), agency_id) if agency_id else agency_id

    for copy in range(1, scale):
        priority_map = {}
        for p in priorities:
            priority_map[p.pk] = Priority.objects.create(
                **{f.attname: getattr(p, f.attname) for f in p._meta.concrete_fields if not f.primary_key}
                | {"number": p.number + top_number * copy, "title": f"{p.title} ({copy})"}
            )
        activity_map = {}
        for a in activities:
            activity_map[a.pk] = _clone(
                a, priority_id=priority_map[a.priority_id].pk, lead_agency_id=agency(copy, a.lead_agency_id)
            )
            activity_map[a.pk].save()
        ActivityMetric.objects.bulk_create(_clone(m, activity_id=activity_map[m.activity_id].pk) for m in metrics)
        Action.objects.bulk_create(
            _clone(
                a,
                source_id=activity_map[a.source_id].pk,
                owner_agency_id=agency(copy, a.owner_agency_id),
                owner_person_id=None,
                title=f"{a.title} ({copy})",
            )
            for a in actions
            if a.source_id in activity_map
        )
        ChallengeLogEntry.objects.bulk_create(
            _clone(
                c,
                raised_by_agency_id=agency(copy, c.raised_by_agency_id),
                raised_by_person_id=None,
                agency_challenged_id=agency(copy, c.agency_challenged_id),
            )
            for c in challenges
        )
        EngagementActivity.objects.bulk_create(_clone(e) for e in engagement)
        YouSaidWeDid.objects.bulk_create(_clone(y, heard_at_id=None) for y in you_said)
        statement_map = {}
        for s in statements:
            statement_map[s.pk] = _clone(s, agency_id=agency(copy, s.agency_id))
            statement_map[s.pk].save()
        Inspection.objects.bulk_create(_clone(i, statement_id=statement_map[i.statement_id].pk) for i in inspections)
        Contribution.objects.bulk_create(
            _clone(c, agency_id=agency(copy, c.agency_id), label=f"{c.label} ({copy})" if c.label else c.label)
            for c in contributions
        )
        ExpenditureLine.objects.bulk_create(_clone(e, note=f"{e.note} ({copy})") for e in expenditure)
        GlossaryTerm.objects.bulk_create(_clone(t, term=f"{t.term}{copy}") for t in terms)


@transaction.atomic
def multiply_reviews(scale, *, agency_copies):
    """Adds (scale - 1) copies of the case review records the "Learning from reviews" chapter reads: incidents with
    their rapid reviews, practice reviews with their findings (and themes), recommendations and the actions raised
    from them, disseminations, and national reviews. Stored due dates and stages are copied as they are."""
    from django.contrib.contenttypes.models import ContentType

    from governance.models import Action
    from reviews.models import (
        Dissemination,
        Finding,
        NationalReview,
        PracticeReview,
        RapidReview,
        Recommendation,
        SeriousIncident,
    )

    recommendation_type = ContentType.objects.get_for_model(Recommendation)
    incidents = list(SeriousIncident.objects.all())
    rapid_reviews = {r.incident_id: r for r in RapidReview.objects.all()}
    reviews = list(PracticeReview.objects.all())
    findings = list(Finding.objects.prefetch_related("themes"))
    recommendations = list(Recommendation.objects.all())
    actions = list(Action.objects.filter(source_type=recommendation_type))
    disseminations = list(Dissemination.objects.filter(practice_review__isnull=False))
    national = list(NationalReview.objects.all())
    for copy in range(1, scale):
        rapid_map = {}
        for incident in incidents:
            new = _clone(incident, code_name=f"{incident.code_name} ({copy})")
            new.save()
            if incident.pk in rapid_reviews:
                old = rapid_reviews[incident.pk]
                rapid_map[old.pk] = _clone(old, incident_id=new.pk)
                rapid_map[old.pk].save()
        review_map = {}
        for review in reviews:
            rapid = rapid_map.get(review.rapid_review_id)
            review_map[review.pk] = _clone(
                review, code_name=f"{review.code_name} ({copy})", rapid_review_id=rapid.pk if rapid else None
            )
        for old, new in zip(reviews, PracticeReview.objects.bulk_create(list(review_map.values())), strict=True):
            review_map[old.pk] = new
        for finding in findings:
            new = _clone(finding, review_id=review_map[finding.review_id].pk)
            new.save()
            new.themes.set(finding.themes.all())
        recommendation_map = {}
        for recommendation in recommendations:
            new = _clone(
                recommendation,
                review_id=review_map[recommendation.review_id].pk,
                agency_id=agency_copies.get((copy, recommendation.agency_id), recommendation.agency_id),
            )
            new.save()
            recommendation_map[recommendation.pk] = new
        Action.objects.bulk_create(
            _clone(
                action,
                title=f"{action.title} ({copy})",
                source_id=recommendation_map[action.source_id].pk,
                owner_agency_id=agency_copies.get((copy, action.owner_agency_id), action.owner_agency_id),
            )
            for action in actions
        )
        Dissemination.objects.bulk_create(
            _clone(d, practice_review_id=review_map[d.practice_review_id].pk) for d in disseminations
        )
        NationalReview.objects.bulk_create(_clone(n, title=f"{n.title} ({copy})") for n in national)


@transaction.atomic
def multiply_data_set(scale):
    """Adds (scale - 1) copies of the data set's observations, each moved back by two more years (the demo holds
    2022/23 and the year before): a partnership with ten times the history. The chapters read the report year and
    the one before, so the queries must not grow with the rows; the printed tables stay their size (ten times the
    indicators would only lengthen the data table, and its query count is pinned by
    audits/tests/test_data_chapters_cost_the_same_queries_with_more_data.py)."""
    from audits.models import Observation

    observations = list(Observation.objects.all())
    for copy in range(1, scale):
        Observation.objects.bulk_create(
            _clone(
                observation,
                period_start=_years_earlier(observation.period_start, 2 * copy),
                period_end=_years_earlier(observation.period_end, 2 * copy),
            )
            for observation in observations
        )


def _years_earlier(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def multiply_audits(scale, *, agency_copies):
    """Adds (scale - 1) copies of the audit records the "Scrutiny and challenge" chapter reads: multi-agency audits
    with their agencies taking part, graded cases, recommendations and the actions raised from them; single-agency
    audits; and in each Section 11 cycle, the copied agencies in scope with copies of their returns, responses,
    scrutiny and the actions raised for standards not fully met."""
    from django.contrib.contenttypes.models import ContentType

    from audits.models import (
        AuditParticipation,
        AuditRecommendation,
        CaseJudgement,
        Cycle,
        MultiAgencyAudit,
        Return,
        Scrutiny,
        SingleAgencyAudit,
        StandardResponse,
    )
    from governance.models import Action

    def agency(copy, agency_id):
        return agency_copies.get((copy, agency_id), agency_id)

    recommendation_type = ContentType.objects.get_for_model(AuditRecommendation)
    response_type = ContentType.objects.get_for_model(StandardResponse)
    audits = list(MultiAgencyAudit.objects.order_by("planned_on", "pk"))  # earlier audits before their re-audits
    participations = list(AuditParticipation.objects.all())
    judgements = list(CaseJudgement.objects.all())
    recommendations = list(AuditRecommendation.objects.all())
    recommendation_actions = list(Action.objects.filter(source_type=recommendation_type))
    single = list(SingleAgencyAudit.objects.all())
    cycle_agencies = [(cycle, list(cycle.agencies.values_list("pk", flat=True))) for cycle in Cycle.objects.all()]
    returns = list(Return.objects.filter(started_from__isnull=True)) + list(
        Return.objects.filter(started_from__isnull=False)
    )
    responses = list(StandardResponse.objects.all())
    scrutinies = list(Scrutiny.objects.all())
    response_actions = list(Action.objects.filter(source_type=response_type))
    for copy in range(1, scale):
        audit_map = {}
        for audit in audits:
            earlier = audit_map.get(audit.earlier_audit_id)
            audit_map[audit.pk] = _clone(
                audit, theme=f"{audit.theme} ({copy})", earlier_audit_id=earlier.pk if earlier else None
            )
            audit_map[audit.pk].save()
        AuditParticipation.objects.bulk_create(
            _clone(p, audit_id=audit_map[p.audit_id].pk, agency_id=agency(copy, p.agency_id)) for p in participations
        )
        CaseJudgement.objects.bulk_create(
            _clone(j, audit_id=audit_map[j.audit_id].pk, agency_id=agency(copy, j.agency_id)) for j in judgements
        )
        recommendation_map = {}
        for recommendation in recommendations:
            new = _clone(
                recommendation,
                audit_id=audit_map[recommendation.audit_id].pk,
                agency_id=agency(copy, recommendation.agency_id) if recommendation.agency_id else None,
            )
            new.save()
            recommendation_map[recommendation.pk] = new
        SingleAgencyAudit.objects.bulk_create(
            _clone(a, topic=f"{a.topic} ({copy})", agency_id=agency(copy, a.agency_id)) for a in single
        )
        for cycle, agency_ids in cycle_agencies:
            cycle.agencies.add(*[agency(copy, agency_id) for agency_id in agency_ids])
        return_map = {}
        for agency_return in returns:  # returns started from another after it
            started = return_map.get(agency_return.started_from_id)
            return_map[agency_return.pk] = _clone(
                agency_return,
                agency_id=agency(copy, agency_return.agency_id),
                started_from_id=started.pk if started else None,
            )
            return_map[agency_return.pk].save()
        response_map = {}
        for response in responses:
            new = _clone(response, agency_return_id=return_map[response.agency_return_id].pk)
            new.save()
            response_map[response.pk] = new
        Scrutiny.objects.bulk_create(_clone(s, agency_return_id=return_map[s.agency_return_id].pk) for s in scrutinies)
        Action.objects.bulk_create(
            _clone(
                action,
                title=f"{action.title} ({copy})",
                source_id=(recommendation_map if action.source_type_id == recommendation_type.pk else response_map)[
                    action.source_id
                ].pk,
                owner_agency_id=agency(copy, action.owner_agency_id),
            )
            for action in recommendation_actions + response_actions
        )


def multiply_training(scale, *, agency_copies):
    """Adds (scale - 1) copies of the training records the "Multi-agency training" chapter reads: courses with their
    learning outcomes, sessions, delegates (at the copied agencies), bookings with their registers, evaluations and
    their scores. Statuses and sent markers are copied as they are."""
    from training.models import Booking, Course, CourseSession, Delegate, Evaluation, EvaluationScore, LearningOutcome

    courses = list(Course.objects.all())
    outcomes = list(LearningOutcome.objects.all())
    sessions = list(CourseSession.objects.all())
    delegates = list(Delegate.objects.all())
    bookings = list(Booking.objects.all())
    evaluations = list(Evaluation.objects.all())
    scores = list(EvaluationScore.objects.all())
    for copy in range(1, scale):
        course_map = {}
        for old, new in zip(
            courses,
            Course.objects.bulk_create(_clone(c, title=f"{c.title} ({copy})", prerequisite_id=None) for c in courses),
            strict=True,
        ):
            course_map[old.pk] = new.pk
        outcome_map = {}
        for old, new in zip(
            outcomes,
            LearningOutcome.objects.bulk_create(_clone(o, course_id=course_map[o.course_id]) for o in outcomes),
            strict=True,
        ):
            outcome_map[old.pk] = new.pk
        session_map = {}
        for old, new in zip(
            sessions,
            CourseSession.objects.bulk_create(_clone(s, course_id=course_map[s.course_id]) for s in sessions),
            strict=True,
        ):
            session_map[old.pk] = new.pk
        delegate_map = {}
        new_delegates = [
            _clone(
                d,
                email=d.email.replace("@", f"+{copy}@", 1),
                agency_id=agency_copies.get((copy, d.agency_id), d.agency_id),
            )
            for d in delegates
        ]
        for old, new in zip(delegates, Delegate.objects.bulk_create(new_delegates), strict=True):
            delegate_map[old.pk] = new.pk
        booking_map = {}
        new_bookings = [
            _clone(b, session_id=session_map[b.session_id], delegate_id=delegate_map[b.delegate_id]) for b in bookings
        ]
        for old, new in zip(bookings, Booking.objects.bulk_create(new_bookings, batch_size=2000), strict=True):
            booking_map[old.pk] = new.pk
        evaluation_map = {}
        new_evaluations = [_clone(e, booking_id=booking_map[e.booking_id]) for e in evaluations]
        for old, new in zip(evaluations, Evaluation.objects.bulk_create(new_evaluations, batch_size=2000), strict=True):
            evaluation_map[old.pk] = new.pk
        EvaluationScore.objects.bulk_create(
            (
                _clone(s, evaluation_id=evaluation_map[s.evaluation_id], outcome_id=outcome_map[s.outcome_id])
                for s in scores
            ),
            batch_size=5000,
        )
    from django.db import connection

    if connection.vendor == "postgresql":  # fresh statistics for the planner after the bulk copies
        with connection.cursor() as cursor:
            for model in (Course, LearningOutcome, CourseSession, Delegate, Booking, Evaluation, EvaluationScore):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
