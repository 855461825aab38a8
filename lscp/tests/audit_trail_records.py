"""Records with a known change history for the audit trail's tests: two agencies, each created and changed on known
days by known people."""

from datetime import date

from lscp.testing import aware
from partnership.tests.factories import AgencyFactory, UserFactory

SPRING, SUMMER = date(2024, 3, 4), date(2024, 6, 3)


def saved_by(record, user, day, **changes):
    for name, value in changes.items():
        setattr(record, name, value)
    record._history_user = user
    record._history_date = aware(day)
    record.save()
    return record


def two_agencies(manager):
    """Riverside Council, created and renamed by the business manager in the spring; Hillside Health Trust, created by
    the business manager in the spring and changed by Sam Member in the summer."""
    member = UserFactory(username="member", first_name="Sam", last_name="Member")
    riverside = saved_by(AgencyFactory.build(name="Riverside Borough Council"), manager, SPRING)
    saved_by(riverside, manager, SPRING, name="Riverside Council")
    hillside = saved_by(AgencyFactory.build(name="Hillside Health Trust"), manager, SPRING)
    saved_by(hillside, member, SUMMER, statutory_partner=True)
    return riverside, hillside, member
