"""Who may open the training pages, from the facts in `lscp.roles`.

The public booking pages are open to everyone, signed in or not: the calendar, a course and a session with the
places left, the booking form, and the two pages reached by a signed link e-mailed to people with no account
(manage-my-booking, and the line manager's approval). The link is the key there: a bad one answers 404, an
expired one 410 (training/links.py). A team administrator books several staff at once on a public form too.

The organiser pages (the sessions with their bookings and waiting lists, the register, moving a delegate,
cancelling a session, the register's export, the import of past attendance) are for those who run the programme:
the business manager and the current chairs of the Learning and Development Subgroup (the body named by
settings.TRAINING_BODY_NAME). The demo's chair co-chairs that subgroup (and the Case Review Subgroup), so in
the demo the business manager and the chair organise training.
"""

from datetime import timedelta

from django.conf import settings

from lscp.access import EVERYONE, Page

ORGANISERS = frozenset({"manager", "chair"})  # the demo's chair co-chairs the Learning and Development Subgroup


def can_organise_training(roles):
    """The business manager and the current chairs of the Learning and Development Subgroup (no query: the names of
    the bodies the user chairs are among their roles' facts)."""
    return roles.is_manager or roles.is_chair_of(name=settings.TRAINING_BODY_NAME)


def can_see_own_bookings(roles):
    """A practitioner with an account (the "Delegates" group) sees their own bookings on their home page: those of
    the delegate with their account's e-mail (training/selectors/practitioner.py)."""
    return roles.is_delegate


def _example_session():
    """A coming session to open: the first in the calendar, or one made for the check when there is none (the
    demo's programme is of a past year)."""
    from django.utils import timezone

    from .models import Course, CourseSession, SessionStatus

    now = timezone.now()
    session = CourseSession.objects.filter(status=SessionStatus.SCHEDULED, starts_at__gt=now, course__active=True)
    session = session.order_by("starts_at").first()
    if session is None:
        course, _ = Course.objects.get_or_create(title="Introduction to Safeguarding Children")
        starts = now.replace(microsecond=0) + timedelta(days=30)
        session = CourseSession.objects.create(
            course=course, starts_at=starts, ends_at=starts + timedelta(hours=3), venue="Town Hall", capacity=20
        )
    return session


def _example_booking(status):
    from partnership.models import Sector

    from .models import Booking, Delegate

    delegate, _ = Delegate.objects.get_or_create(
        email="url-check@example.org",
        defaults={"name": "URL check", "organisation": "A school", "sector": Sector.EDUCATION},
    )
    booking, _ = Booking.objects.get_or_create(
        session=_example_session(), delegate=delegate, defaults={"status": status}
    )
    return booking


def _session():
    return {"pk": _example_session().pk}


def _course():
    return {"pk": _example_session().course_id}


def _booking():
    return {"pk": _example_booking("booked").pk}


def _manage_token():
    from . import links

    return {"token": links.manage_token(_example_booking("booked"))}


def _approval_token():
    from . import links

    return {"token": links.approval_token(_example_booking("awaiting_approval"))}


def _details_token():
    from . import links

    booking = _example_booking("booked")
    delegate = booking.delegate
    was = {"job_role": delegate.job_role, "line_manager_email": delegate.line_manager_email}
    typed = {"job_role": "Headteacher", "line_manager_email": "governors@school.example.org"}
    return {"token": links.details_token(delegate=delegate, booking=booking, was=was, typed=typed)}


PAGES = {
    "training:calendar": Page(EVERYONE),
    "training:course": Page(EVERYONE, _course),
    "training:session": Page(EVERYONE, _session),
    "training:book": [
        Page(EVERYONE, _session),
        # An empty form comes back with its problems, to anyone.
        Page(EVERYONE, _session, method="post"),
    ],
    "training:manage_booking": Page(EVERYONE, _manage_token),
    "training:approval": Page(EVERYONE, _approval_token),
    # The delegate confirms the details given with a booking, by the link sent to their recorded work e-mail.
    "training:delegate_details": [
        Page(EVERYONE, _details_token),
        Page(EVERYONE, _details_token, method="post"),
    ],
    "training:book_team": [
        Page(EVERYONE, _session),
        Page(EVERYONE, _session, method="post"),
    ],
    # What the partnership keeps about the people who book, linked from the booking forms.
    "training:privacy": Page(EVERYONE),
    # The organiser pages.
    "training:organise": Page(ORGANISERS),
    "training:organise_session": Page(ORGANISERS, _session),
    # Adding a session, and changing a coming one: an empty form comes back with its problems.
    "training:add_session": [
        Page(ORGANISERS),
        Page(ORGANISERS, method="post"),
    ],
    "training:edit_session": [
        Page(ORGANISERS, _session),
        Page(ORGANISERS, _session, method="post"),
    ],
    "training:register": [
        Page(ORGANISERS, _session),
        # An empty register comes back with its problems (here: the session has not started).
        Page(ORGANISERS, _session, method="post"),
    ],
    "training:register_export": [
        Page(ORGANISERS, lambda: {**_session(), "format": "csv"}),
        Page(ORGANISERS, lambda: {**_session(), "format": "xlsx"}),
    ],
    "training:move_booking": [
        Page(ORGANISERS, _booking),
        Page(ORGANISERS, _booking, method="post"),
    ],
    "training:cancel_session": [
        Page(ORGANISERS, _session),
        Page(ORGANISERS, _session, method="post"),
    ],
    "training:import_attendance": [
        Page(ORGANISERS),
        Page(ORGANISERS, method="post"),
    ],
    "training:import_attendance_template": [
        Page(ORGANISERS, lambda: {"file_format": "xlsx"}),
        Page(ORGANISERS, lambda: {"file_format": "csv"}),
    ],
}


# The course calendar, the course and session pages and the privacy notice show the public nothing personal: their
# public copy may be cached (lscp/access.py). The booking forms, the signed-link pages and the organiser pages are
# never cached.
CACHEABLE_FOR_THE_PUBLIC = {"training:calendar", "training:course", "training:session", "training:privacy"}

# Evaluations, certificates and impact (training/views/evaluations.py).
#
# The evaluation and certificate pages are reached by signed links e-mailed to delegates, like the manage link.
# The impact page is for the business manager and the chairs of the Learning and Development Subgroup (the body
# named by settings.TRAINING_BODY_NAME): in the demo, the manager and the chair.
TRAINING_IMPACT_READERS = frozenset({"manager", "chair"})


def can_see_training_impact(roles):
    """The business manager, and the current chairs of the Learning and Development Subgroup."""
    return can_organise_training(roles)


def _attended_booking():
    """A delegate who attended and answered the after-session evaluation: their certificate is released."""
    from .models import Booking, BookingStatus

    booking = Booking.objects.filter(status=BookingStatus.ATTENDED, evaluations__stage="after").order_by("pk").first()
    return booking or _example_booking("booked")


def _evaluation_token():
    from . import links

    return {"token": links.evaluation_token(_attended_booking(), "after")}


def _certificate_token():
    from . import links

    return {"token": links.certificate_token(_attended_booking())}


PAGES |= {
    "training:evaluation": Page(EVERYONE, _evaluation_token),
    "training:certificate": Page(EVERYONE, _certificate_token),
    "training:impact": Page(TRAINING_IMPACT_READERS),
}
