"""A person with records in every part of the product, for the data protection tests: a registry record with an
account, a membership of a body and their attendance at its meeting, an action they own, a challenge they raised,
a weekly digest and a deadline reminder e-mailed to them, a case review record their account opened (if asked),
a delegate record with the same address that attended a session and evaluated it, a register taken under their
account, a sign-in, and a change their account made."""

from datetime import date, timedelta

from axes.models import AccessLog
from django.utils import timezone

from governance.models import ActionDigest, ChallengeLogEntry
from governance.tests.factories import ActionFactory
from partnership.tests.factories import (
    AgencyFactory,
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)
from reviews.models import DeadlineReminder, ReviewViewing
from reviews.tests.factories import SeriousIncidentFactory
from training.tests.factories import (
    BookingFactory,
    CourseSessionFactory,
    DelegateFactory,
    EvaluationFactory,
    EvaluationScoreFactory,
    LearningOutcomeFactory,
)


def person_with_records(name, email, *, account_active=False, membership_end=date(2023, 3, 31), viewed=False):
    first, last = name.split(" ", 1)
    username = f"{first.lower()}.{last.lower()}"
    # An unusable password: hashing a real one takes a second, and no test signs in as this person.
    user = UserFactory(
        username=username, email=email, first_name=first, last_name=last, is_active=account_active, password="!"
    )
    person = PersonFactory(name=name, email=email, phone="020 7946 0001", user=user)
    membership = MembershipFactory(person=person, start=date(2020, 4, 1), end=membership_end)
    attendance = AttendanceFactory(membership=membership, meeting=MeetingFactory(body=membership.body))
    action = ActionFactory(owner_person=person, owner_agency=person.agency, title=f"Audit of {last}'s referrals")
    ChallengeLogEntry.objects.create(
        raised_by_person=person,
        raised_by_agency=person.agency,
        agency_challenged=AgencyFactory(),
        issue=f"{first} questioned a closure without a visit",
        raised_on=date(2023, 1, 10),
    )
    ActionDigest.objects.create(person=person, week_start=date(2023, 1, 9), email=email, action_count=1)
    incident = SeriousIncidentFactory()
    DeadlineReminder.objects.create(
        incident=incident,
        rule="panel_notification",
        due_date=date(2023, 1, 12),
        lead_working_days=1,
        sent_to=f"business.team@lscp.example.org\n{email}",
    )
    if viewed:
        ReviewViewing.objects.create(viewed_by=user, incident=incident)

    delegate = DelegateFactory(name=name, email=email, agency=person.agency, line_manager_email="lead@example.org")
    session = CourseSessionFactory(starts_at=timezone.now() - timedelta(days=400), status="held")
    booking = BookingFactory(session=session, delegate=delegate, status="attended")
    evaluation = EvaluationFactory(booking=booking, comments=f"{first} found the case studies useful")
    EvaluationScoreFactory(evaluation=evaluation, outcome=LearningOutcomeFactory(course=session.course), score=5)
    session.register_taken_by = user
    session.save()

    AccessLog.objects.create(
        username=username, ip_address="192.0.2.10", user_agent=f"Browser of {first}", attempt_time=timezone.now()
    )
    body = membership.body
    body.meeting_frequency = "monthly"
    body._history_user = user
    body.save()
    return {
        "user": user,
        "person": person,
        "membership": membership,
        "attendance": attendance,
        "action": action,
        "delegate": delegate,
        "booking": booking,
    }
