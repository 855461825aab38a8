"""The demo's coming term, dated from the day the demo is loaded (data.py: COMING_PROGRAMME), and the demo
`delegate` login's own bookings (DEMO_DELEGATE), so that a newcomer to `make demo` finds sessions to book, one
nearly full and one full with a waiting list, and the practitioner's home page has something to show.

None of it is in 2022/23: the figures of the demo's annual report are the past programme's alone.

Loading again changes nothing: while a session of the demo's courses is still to come, the coming term is there
already and is left as it is; the demo delegate's record is found by e-mail. Once every session of a term is past,
loading the demo again plans a new term from that day.
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from lscp.working_days import is_working_day

from ..models import (
    Booking,
    BookingStatus,
    CourseSession,
    Delegate,
    Evaluation,
    EvaluationScore,
    EvaluationStage,
    SessionStatus,
)

TRAINERS = "LSCP training team"


def _working_day(day, step):
    while not is_working_day(day):
        day += timedelta(days=step)
    return day


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour, 0 if hour != 9 else 30)))


def _session(course, *, starts, hours, online, capacity, instructions, venues, number, status):
    session = CourseSession(
        course=course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        online=online,
        venue="" if online else venues[number % len(venues)],
        joining_instructions=instructions if online else "",
        trainers=TRAINERS,
        capacity=capacity,
        status=status,
    )
    session.booking_closes_on = session.compute_booking_closes_on()
    return session


def _demo_delegate(training, agencies, user, made):
    row = training["DEMO_DELEGATE"]
    delegate = Delegate.objects.with_email(row["email"]).first()
    if delegate is None:
        agency = agencies[row["agency"]]
        delegate = Delegate(
            name=row["name"],
            email=row["email"],
            agency=agency,
            sector=agency.sector,
            job_role=row["job_role"],
            line_manager_email=row["line_manager_email"],
            user=user,
        )
        delegate.full_clean()
        delegate.save()
        made["delegates"] += 1
    return delegate


def load(*, training, courses, agencies, pool, user, made, now=None):
    """The coming term with its bookings, and the demo delegate's bookings. `pool` is the demo's delegates (from
    the 2022/23 programme) by e-mail; `user` is the demo `delegate` login (or None)."""
    now = now or timezone.now()
    delegate = _demo_delegate(training, agencies, user, made)
    to_come = CourseSession.objects.filter(course__in=courses.values(), status=SessionStatus.SCHEDULED)
    if to_come.filter(starts_at__gt=now).exists():
        return
    today = timezone.localdate(now)
    rng = random.Random(training["SEED"] + 1)
    by_title = {row["title"]: row for row in training["COURSES"]}
    venues, instructions = training["VENUES"], training["ONLINE_INSTRUCTIONS"]
    pool = sorted(pool.values(), key=lambda d: d.email)

    coming = []
    for number, (title, days, hour, online, capacity, booked, waiting) in enumerate(training["COMING_PROGRAMME"]):
        day = _working_day(today + timedelta(days=days), +1)
        session = _session(
            courses[title],
            starts=_at(day, hour),
            hours=by_title[title]["hours"],
            online=online,
            capacity=capacity,
            instructions=instructions,
            venues=venues,
            number=number,
            status=SessionStatus.SCHEDULED,
        )
        coming.append((session, booked, waiting))
    past = {}
    for title, when, _status in training["DEMO_DELEGATE"]["bookings"]:
        if when < 0:
            day = _working_day(today + timedelta(days=when), -1)
            past[when] = _session(
                courses[title],
                starts=_at(day, 9),
                hours=by_title[title]["hours"],
                online=False,
                capacity=20,
                instructions=instructions,
                venues=venues,
                number=-when,
                status=SessionStatus.HELD,
            )
    bulk_create_with_history([s for s, _, _ in coming] + list(past.values()), CourseSession)
    made["sessions"] += len(coming) + len(past)
    saved = {(s.course_id, s.starts_at): s for s in CourseSession.objects.filter(course__in=courses.values())}
    coming = [(saved[(s.course_id, s.starts_at)], booked, waiting) for s, booked, waiting in coming]
    past = {when: saved[(s.course_id, s.starts_at)] for when, s in past.items()}

    bookings = []

    def book(session, person, status, created_at, **extra):
        bookings.append(
            Booking(
                session=session,
                delegate=person,
                status=status,
                created_at=created_at,
                status_changed_at=created_at,
                line_manager_email=extra.pop("line_manager_email", ""),
                **extra,
            )
        )

    for session, booked, waiting in coming:
        codes = session.course.sector_codes()
        eligible = [d for d in pool if not codes or d.sector in codes]
        chosen = rng.sample(eligible, booked + waiting)
        for order, person in enumerate(chosen):
            status = BookingStatus.BOOKED if order < booked else BookingStatus.WAITING_LIST
            book(session, person, status, now - timedelta(days=20 - order % 18, hours=order % 7))
    for session in past.values():
        ended = session.ends_at
        for person in rng.sample(pool, training["DEMO_DELEGATE"]["past_attendees"]):
            book(
                session,
                person,
                BookingStatus.ATTENDED,
                session.starts_at - timedelta(days=30),
                after_evaluation_sent_at=ended + timedelta(hours=2),
                follow_up_sent_at=ended + timedelta(days=91) if ended + timedelta(days=91) <= now else None,
            )
    manager = delegate.line_manager_email
    answered = []
    for _title, when, status in training["DEMO_DELEGATE"]["bookings"]:
        if when >= 0:
            session = coming[when][0]
            created = now - timedelta(days=3)
            approval = {"approval_requested_at": created} if status == BookingStatus.AWAITING_APPROVAL else {}
            book(session, delegate, status, created, line_manager_email=manager, **approval)
        else:
            session = past[when]
            ended = session.ends_at
            follow_up_due = ended + timedelta(days=91) <= now
            book(
                session,
                delegate,
                status,
                session.starts_at - timedelta(days=30),
                line_manager_email=manager,
                after_evaluation_sent_at=ended + timedelta(hours=2),
                follow_up_sent_at=ended + timedelta(days=91) if follow_up_due else None,
            )
            if follow_up_due:  # long enough ago: the after-session evaluation is in, and the certificate ready
                answered.append((session, ended + timedelta(days=1)))
    bulk_create_with_history(bookings, Booking)
    made["bookings"] += len(bookings)

    for session, submitted in answered:
        booking = Booking.objects.get(session=session, delegate=delegate)
        evaluation = Evaluation.objects.create(
            booking=booking,
            stage=EvaluationStage.AFTER,
            submitted_at=submitted,
            practice_changed=True,
            practice_change="I ask about domestic abuse at every new birth visit, and record what the mother says.",
        )
        scores = [
            EvaluationScore(evaluation=evaluation, outcome=outcome, score=4)
            for outcome in session.course.learning_outcomes.all()
        ]
        bulk_create_with_history(scores, EvaluationScore)
        made["evaluations"] += 1
