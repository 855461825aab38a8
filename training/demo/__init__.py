"""Demo training records: the 2022/23 programme of the K&C and Westminster annual report 2022/23 (data.py), with
its bookings, registers and evaluations synthesised from a fixed random seed; then a coming term dated from the
day the demo is loaded, and the demo `delegate` login's own bookings (coming.py).

The whole plan (sessions, delegates, bookings, evaluations and scores) is drawn first from `random.Random(SEED)`,
whatever the database holds, so every load plans the same records; then each record is written only if it is not
there yet, found by its natural key (a course by title, a session by course and start, a delegate by e-mail, a
booking by session and delegate, an evaluation by booking and stage). Loading twice changes nothing.

The sessions are in the past, so they are written directly (bulk, with their change history) rather than through
the booking service, which refuses a session that has started. The sent markers of the evaluation e-mails are set
as if the e-mails had gone, so the periodic jobs send nothing for the demo year.
"""

import random
import runpy
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from partnership.models import Agency, Body, Membership, Person

from ..models import (
    Booking,
    BookingStatus,
    Course,
    CourseSession,
    Delegate,
    EligibleSector,
    Evaluation,
    EvaluationScore,
    LearningOutcome,
    SessionStatus,
)
from ..services.evaluations import add_months
from . import coming

TRAINING = runpy.run_path(str(Path(__file__).with_name("data.py")))
STAGES = ("before", "after", "follow_up")


def _aware(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _weekday(day):
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _session_days(course, count, index):
    """`count` weekdays spread over the financial year, each course offset from the others."""
    if course.get("on"):
        return [date.fromisoformat(course["on"])]
    start = date(TRAINING["YEAR_START"], 4, 4)
    span = 350
    step = span / count
    return [_weekday(start + timedelta(days=int(step * n + (index * 11) % max(int(step), 1)))) for n in range(count)]


def _plan_delegates(rng):
    """The pool of delegates: fictional names, each at a real agency, in a fixed order."""
    pool = []
    first, last = TRAINING["FIRST_NAMES"], TRAINING["LAST_NAMES"]
    number = 0
    for agency, count in TRAINING["DELEGATE_AGENCIES"].items():
        for _ in range(count):
            name_first = first[number % len(first)]
            name_last = last[(number * 7 + number // len(first)) % len(last)]
            pool.append(
                {
                    "name": f"{name_first} {name_last}",
                    "email": f"{name_first}.{name_last}.{number + 1}@practitioners.example.org".lower(),
                    "agency": agency,
                    "job_role_index": rng.randrange(100),
                }
            )
            number += 1
    return pool


def plan(agency_sectors):
    """Everything the demo writes, as plain data, drawn from the fixed seed. `agency_sectors` maps each agency's
    name to its sector (from the registry)."""
    rng = random.Random(TRAINING["SEED"])
    delegates = _plan_delegates(rng)
    for delegate in delegates:
        sector = agency_sectors[delegate["agency"]]
        roles = TRAINING["JOB_ROLES"].get(sector, ["Practitioner"])
        delegate["sector"] = sector
        delegate["job_role"] = roles[delegate.pop("job_role_index") % len(roles)]

    sessions = []
    for index, course in enumerate(TRAINING["COURSES"]):
        eligible = set(course.get("eligible_sectors", ()))
        candidates = [d for d in delegates if not eligible or d["sector"] in eligible]
        for number, day in enumerate(_session_days(course, course["sessions"], index)):
            online = course.get("online_only") or (number % 3 == 2)
            starts = _aware(day, 9 if course["hours"] >= 5 else 13 if number % 2 else 9, 30)
            session = {
                "course": course["title"],
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=course["hours"]),
                "online": bool(online),
                "venue": "" if online else TRAINING["VENUES"][number % 2],
                "capacity": course["capacity"],
                "bookings": [],
            }
            if "attended" in course:
                chosen = rng.sample(candidates, course["attended"] + course["no_shows"])
                statuses = ["attended"] * course["attended"] + ["no_show"] * course["no_shows"]
            else:
                chosen = rng.sample(candidates, rng.randint(course["capacity"] - 6, course["capacity"]))
                statuses = []
                for _ in chosen:
                    draw = rng.random()
                    if draw < TRAINING["CANCELLED_RATE"]:
                        statuses.append("cancelled_by_delegate")
                    elif draw < TRAINING["CANCELLED_RATE"] + TRAINING["NO_SHOW_RATE"]:
                        statuses.append("no_show")
                    else:
                        statuses.append("attended")
            for order, (delegate, status) in enumerate(zip(chosen, statuses, strict=True)):
                booking = {
                    "email": delegate["email"],
                    "status": status,
                    "created_at": starts - timedelta(days=40 - order % 30, hours=order % 7),
                    "evaluations": [],
                }
                if status == "attended":
                    for stage in STAGES:
                        if rng.random() >= TRAINING["RESPONSE_RATES"][stage]:
                            continue
                        scores = [
                            rng.choices(range(1, 6), weights=TRAINING["SCORE_WEIGHTS"][stage])[0]
                            for _ in course["outcomes"]
                        ]
                        changed = None
                        if stage == "after":
                            changed = rng.random() < TRAINING["WILL_CHANGE_PRACTICE"]
                        elif stage == "follow_up":
                            changed = rng.random() < TRAINING["CHANGED_PRACTICE"]
                        booking["evaluations"].append(
                            {
                                "stage": stage,
                                "scores": scores,
                                "practice_changed": changed,
                                "practice_change": rng.choice(TRAINING["PRACTICE_CHANGES"]) if changed else "",
                                "comments": rng.choice(TRAINING["COMMENTS"]),
                            }
                        )
                session["bookings"].append(booking)
            sessions.append(session)
    return delegates, sessions


def _submitted_at(session, stage):
    ends = session["ends_at"]
    if stage == "before":
        return session["starts_at"] - timedelta(days=3)
    if stage == "after":
        return ends + timedelta(days=2)
    return timezone.make_aware(datetime.combine(add_months(ends.date(), 3), time(10))) + timedelta(days=5)


def _ensure_courses(agencies, made):
    courses = {}
    for row in TRAINING["COURSES"]:
        course = Course.objects.filter(title__iexact=row["title"]).first()
        if course is None:
            course = Course(
                title=row["title"],
                level=row["level"],
                category=row["category"],
                duration=row["duration"],
                description=row["description"],
                needs_manager_approval=row["title"] in TRAINING["NEEDS_MANAGER_APPROVAL"],
            )
            course.full_clean()
            course.save()
            course.agencies.set([agencies[name] for name in row.get("co_delivered_by", ())])
            for sector in row.get("eligible_sectors", ()):
                EligibleSector.objects.create(course=course, sector=sector)
            made["courses"] += 1
        if not course.learning_outcomes.exists():
            for order, text in enumerate(row["outcomes"], start=1):
                LearningOutcome.objects.create(course=course, text=text, order=order)
        courses[row["title"]] = course
    return courses


def _analyse(models):
    """Refreshes PostgreSQL's statistics of the tables just filled in bulk. Without it the planner may go on
    believing them empty (statistics taken before the load) and join thousands of rows by nested scans, which turns
    the chapter's aggregates from milliseconds into minutes. ANALYZE inside the loading transaction counts its own
    rows."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _ensure_learning_body(made):
    """The Learning and Development Subgroup, its co-chairs and members (data.py: LEARNING_BODY), each found
    first: by name for the body and the registry demo's people, by e-mail for the people added here."""
    row = TRAINING["LEARNING_BODY"]
    body = Body.objects.filter(name=row["name"]).first()
    if body is None:
        body = Body(
            name=row["name"],
            kind=row["kind"],
            parent=Body.objects.get(name=row["parent"]),
            purpose=row["purpose"],
            meeting_frequency=row["frequency"],
            active_from=date.fromisoformat(row["active_from"]),
        )
        body.full_clean()
        body.save()
        made["bodies"] += 1
    new_people = TRAINING["LEARNING_NEW_PEOPLE"]
    agencies = {a.name: a for a in Agency.objects.filter(name__in=[p["agency"] for p in new_people.values()])}
    start = date.fromisoformat(TRAINING["LEARNING_MEMBERS_START"])
    for name, role in TRAINING["LEARNING_MEMBERS"]:
        new = new_people.get(name)
        if new is None:  # one of the registry demo's people (one name per post)
            person = Person.objects.filter(name=name).order_by("pk").first()
            if person is None:
                raise LookupError(f"The registry's demo has no {name}, a member of the {row['name']}.")
        else:
            person = Person.objects.filter(email__iexact=new["email"]).first()
            if person is None:
                person = Person(
                    name=name, job_title=new["job_title"], email=new["email"], agency=agencies[new["agency"]]
                )
                person.full_clean()
                person.save()
                made["people"] += 1
        _, created = Membership.objects.get_or_create(
            person=person, body=body, start=start, defaults={"role": role, "agency": person.agency}
        )
        made["memberships"] += created


def load(*, stdout):
    agencies = {
        a.name: a
        for a in Agency.objects.filter(
            name__in=TRAINING["DELEGATE_AGENCIES"].keys()
            | {name for row in TRAINING["COURSES"] for name in row.get("co_delivered_by", ())}
        )
    }
    made = Counter()
    _ensure_learning_body(made)
    courses = _ensure_courses(agencies, made)
    delegates_plan, sessions_plan = plan({name: agency.sector for name, agency in agencies.items()})

    known = {email.lower() for email in Delegate.objects.values_list("email", flat=True)}
    new_delegates = [
        Delegate(
            name=d["name"],
            email=d["email"],
            agency=agencies[d["agency"]],
            sector=d["sector"],
            job_role=d["job_role"],
        )
        for d in delegates_plan
        if d["email"] not in known
    ]
    bulk_create_with_history(new_delegates, Delegate)
    made["delegates"] += len(new_delegates)
    delegates = {d.email.lower(): d for d in Delegate.objects.filter(email__in=[p["email"] for p in delegates_plan])}

    existing_sessions = {
        (s.course_id, s.starts_at): s for s in CourseSession.objects.filter(course__in=courses.values())
    }
    new_sessions = []
    for row in sessions_plan:
        course = courses[row["course"]]
        if (course.pk, row["starts_at"]) in existing_sessions:
            continue
        session = CourseSession(
            course=course,
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            online=row["online"],
            venue=row["venue"],
            joining_instructions=TRAINING["ONLINE_INSTRUCTIONS"] if row["online"] else "",
            trainers="LSCP training team",
            capacity=row["capacity"],
            status=SessionStatus.HELD,
        )
        session.booking_closes_on = session.compute_booking_closes_on()
        new_sessions.append(session)
    cancelled = TRAINING["CANCELLED"]
    cancelled_course = courses[cancelled["course"]]
    cancelled_start = _aware(date.fromisoformat(cancelled["on"]), 9, 30)
    if (cancelled_course.pk, cancelled_start) not in existing_sessions:
        session = CourseSession(
            course=cancelled_course,
            starts_at=cancelled_start,
            ends_at=cancelled_start + timedelta(hours=3, minutes=30),
            venue=TRAINING["VENUES"][0],
            trainers="LSCP training team",
            capacity=20,
            status=SessionStatus.CANCELLED,
            cancelled_reason=cancelled["reason"],
        )
        session.booking_closes_on = session.compute_booking_closes_on()
        new_sessions.append(session)
    bulk_create_with_history(new_sessions, CourseSession)
    made["sessions"] += len(new_sessions)
    sessions = {(s.course_id, s.starts_at): s for s in CourseSession.objects.filter(course__in=courses.values())}

    booking_keys = set(Booking.objects.filter(session__in=sessions.values()).values_list("session_id", "delegate_id"))
    new_bookings = []
    for row in sessions_plan:
        session = sessions[(courses[row["course"]].pk, row["starts_at"])]
        for planned in row["bookings"]:
            delegate = delegates[planned["email"]]
            if (session.pk, delegate.pk) in booking_keys:
                continue
            status = planned["status"]
            attended = status == BookingStatus.ATTENDED
            new_bookings.append(
                Booking(
                    session=session,
                    delegate=delegate,
                    status=status,
                    created_at=planned["created_at"],
                    status_changed_at=row["ends_at"]
                    if status != "cancelled_by_delegate"
                    else row["starts_at"] - timedelta(days=5),
                    cancelled_at=row["starts_at"] - timedelta(days=5) if status == "cancelled_by_delegate" else None,
                    after_evaluation_sent_at=row["ends_at"] + timedelta(hours=2) if attended else None,
                    follow_up_sent_at=_submitted_at(row, "follow_up") - timedelta(days=5) if attended else None,
                )
            )
    bulk_create_with_history(new_bookings, Booking)
    made["bookings"] += len(new_bookings)

    bookings = {(b.session_id, b.delegate_id): b for b in Booking.objects.filter(session__in=sessions.values())}
    answered = set(Evaluation.objects.filter(booking__session__in=sessions.values()).values_list("booking_id", "stage"))
    outcomes = {}
    for outcome in LearningOutcome.objects.filter(course__in=courses.values()).order_by("course", "order", "id"):
        outcomes.setdefault(outcome.course_id, []).append(outcome)
    new_evaluations, planned_scores = [], []
    for row in sessions_plan:
        course = courses[row["course"]]
        session = sessions[(course.pk, row["starts_at"])]
        for planned in row["bookings"]:
            booking = bookings[(session.pk, delegates[planned["email"]].pk)]
            for answer in planned["evaluations"]:
                if (booking.pk, answer["stage"]) in answered:
                    continue
                new_evaluations.append(
                    Evaluation(
                        booking=booking,
                        stage=answer["stage"],
                        submitted_at=_submitted_at(row, answer["stage"]),
                        practice_changed=answer["practice_changed"],
                        practice_change=answer["practice_change"],
                        comments=answer["comments"],
                    )
                )
                planned_scores.append((course.pk, answer["scores"]))
    created = bulk_create_with_history(new_evaluations, Evaluation)
    if created and created[0].pk is None:  # a database that does not return ids from a bulk insert
        by_key = {
            (e.booking_id, e.stage): e
            for e in Evaluation.objects.filter(
                Q(booking__in=[e.booking_id for e in new_evaluations]), submitted_at__isnull=False
            )
        }
        created = [by_key[(e.booking_id, e.stage)] for e in new_evaluations]
    scores = []
    for evaluation, (course_id, planned) in zip(created, planned_scores, strict=True):
        course_outcomes = outcomes[course_id]
        scores.extend(
            EvaluationScore(evaluation=evaluation, outcome=outcome, score=score)
            for outcome, score in zip(course_outcomes, planned, strict=True)
        )
    bulk_create_with_history(scores, EvaluationScore)
    made["evaluations"] += len(new_evaluations)

    coming.load(
        training=TRAINING,
        courses=courses,
        agencies=agencies,
        pool=delegates,
        user=User.objects.filter(username="delegate").first(),
        made=made,
    )

    _analyse(
        [Delegate, CourseSession, Booking, Evaluation, EvaluationScore, Course, LearningOutcome],
    )
    summary = ", ".join(f"{count} {what}" for what, count in made.items() if count) or "nothing new"
    stdout.write(f"Training: the 2022/23 programme and a coming term ({summary}).")
