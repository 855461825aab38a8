"""The members' appendix opens each body's list with its chairs (the independent chair first, then the chairs and
co-chairs), then everyone else by name, and lists the Executive before the wider partnership, as the 2022/23 report's
appendix does."""

import pytest

from lscp.financial_year import FinancialYear
from partnership.models import BodyKind, MembershipRole
from partnership.selectors import partnership_member_groups
from partnership.tests.factories import BodyFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_the_chairs_come_first_and_the_executive_before_the_partnership():
    executive = BodyFactory(name="A Executive", kind=BodyKind.EXECUTIVE)
    partnership = BodyFactory(name="B Partnership", kind=BodyKind.PARTNERSHIP, parent=executive)
    for name, role in [
        ("Aaron Abbot", MembershipRole.MEMBER),
        ("Bea Business", MembershipRole.BUSINESS_MANAGER),
        ("Mia Middleton", MembershipRole.CO_CHAIR),
        ("Zoe Zeller", MembershipRole.INDEPENDENT_CHAIR),
    ]:
        MembershipFactory(body=partnership, role=role, person=PersonFactory(name=name))
    MembershipFactory(body=executive, person=PersonFactory(name="Eve Executive"))

    groups = partnership_member_groups(year=FinancialYear(2022))
    assert [body.kind for body, _ in groups] == [BodyKind.EXECUTIVE, BodyKind.PARTNERSHIP]
    names = [m.person.name for m in groups[1][1]]
    assert names == ["Zoe Zeller", "Mia Middleton", "Aaron Abbot", "Bea Business"]
