"""Training's part of the large synthetic partnership (`manage.py generate_load_data`): at scale 1, 20,000
sessions of 200 courses over the ten years and the next six months, 20,000 delegates at the synthetic agencies and
200,000 bookings (ten a session; held sessions have their register taken)."""

import datetime

from django.utils import timezone

from lscp.synthetic import at_hour, fictional_name, first_day, insert, random_day, scaled
from partnership.models import Agency

from .models import Booking, BookingStatus, Course, CourseLevel, CourseSession, Delegate, SessionStatus

BOOKINGS_PER_SESSION = 10
TOPICS = ("Neglect", "Child exploitation", "Domestic abuse", "Online safety", "Working together", "Early help")


def has_records():
    return Course.objects.exists() or Delegate.objects.exists()


def generate(*, scale, rng, tag=""):
    today = timezone.localdate()
    now = timezone.now()
    start = first_day(today)
    agencies = list(Agency.objects.values_list("pk", "sector"))
    courses = insert(
        Course,
        [
            Course(title=f"{rng.choice(TOPICS)} (synthetic course {n}{tag})", level=rng.choice(CourseLevel.values))
            for n in range(1, scaled(200, scale) + 1)
        ],
    )
    delegates = []
    for n in range(1, scaled(20_000, scale, minimum=BOOKINGS_PER_SESSION) + 1):
        agency, sector = rng.choice(agencies)
        delegates.append(
            Delegate(
                name=fictional_name(rng),
                email=f"delegate{n}{tag.strip()}@synthetic.example.org",
                agency_id=agency,
                sector=sector,
            )
        )
    insert(Delegate, delegates)
    sessions = []
    for _ in range(scaled(20_000, scale)):
        day = random_day(rng, start, today + datetime.timedelta(days=180))
        starts_at = at_hour(day, rng.choice((9, 13)))
        held = day < today
        session = CourseSession(
            course=rng.choice(courses),
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=3),
            venue="Synthetic Training Centre",
            capacity=BOOKINGS_PER_SESSION + 5,
            status=SessionStatus.HELD if held else SessionStatus.SCHEDULED,
            register_taken_at=starts_at + datetime.timedelta(hours=4) if held else None,
        )
        session.booking_closes_on = session.compute_booking_closes_on()  # what save() would do
        sessions.append(session)
    insert(CourseSession, sessions)
    bookings = []
    for session in sessions:
        held = session.status == SessionStatus.HELD
        booked_at = min(session.starts_at - datetime.timedelta(days=rng.randrange(7, 60)), now)
        for delegate in rng.sample(delegates, BOOKINGS_PER_SESSION):
            if held:
                status = BookingStatus.ATTENDED if rng.random() < 0.85 else BookingStatus.NO_SHOW
            else:
                status = BookingStatus.BOOKED
            bookings.append(
                Booking(
                    session=session,
                    delegate=delegate,
                    status=status,
                    created_at=booked_at,
                    status_changed_at=session.register_taken_at or booked_at,
                )
            )
    insert(Booking, bookings)
    return {
        "courses": len(courses),
        "training sessions": len(sessions),
        "delegates": len(delegates),
        "bookings": len(bookings),
    }
