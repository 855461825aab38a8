"""The registry's facts loader gives `lscp.roles` the name and kind of every body the user currently belongs to, in
the same query as their memberships, so a rule about a body named in an app's settings asks nothing more."""

from datetime import date

import pytest
from django.conf import settings

from lscp.roles import BodyFacts, roles_for
from partnership.models import BodyKind, MembershipRole
from partnership.tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def executive_chair_of_the_subgroup(db):
    user = UserFactory(username="fiona")
    person = PersonFactory(user=user)
    subgroup = BodyFactory(name=settings.CASE_REVIEW_BODY_NAME)
    executive = BodyFactory(name="Executive", kind=BodyKind.EXECUTIVE)
    former = BodyFactory(name="Training Subgroup")
    MembershipFactory(person=person, body=subgroup, role=MembershipRole.CO_CHAIR)
    MembershipFactory(person=person, body=executive)
    MembershipFactory(person=person, body=former, role=MembershipRole.CHAIR, end=date(2021, 3, 31))
    return user, subgroup, executive


def test_the_roles_carry_each_current_body_with_its_name_and_kind_in_three_queries(
    executive_chair_of_the_subgroup, django_assert_num_queries
):
    user, subgroup, executive = executive_chair_of_the_subgroup
    with django_assert_num_queries(3):  # groups, person, memberships with their bodies
        roles = roles_for(user)
    assert roles.member_bodies == {
        BodyFacts(pk=subgroup.pk, name=settings.CASE_REVIEW_BODY_NAME, kind=BodyKind.SUBGROUP),
        BodyFacts(pk=executive.pk, name="Executive", kind=BodyKind.EXECUTIVE),
    }
    assert roles.member_body_ids == {subgroup.pk, executive.pk}
    assert roles.chaired_body_ids == {subgroup.pk}


def test_a_rule_about_a_named_body_or_a_kind_asks_no_query(executive_chair_of_the_subgroup, django_assert_num_queries):
    user, subgroup, executive = executive_chair_of_the_subgroup
    roles = roles_for(user)
    with django_assert_num_queries(0):
        assert roles.is_chair_of(name=settings.CASE_REVIEW_BODY_NAME)
        assert roles.is_member_of(kind=BodyKind.EXECUTIVE)
        assert not roles.is_chair_of(kind=BodyKind.EXECUTIVE)
        assert not roles.is_chair_of(name="Training Subgroup")  # that chair ended in 2021
        assert not roles.is_member_of(name="Training Subgroup")
        assert roles.body_ids(kind=BodyKind.SUBGROUP) == {subgroup.pk}
        assert roles.body_ids(chaired=True) == {subgroup.pk}


def test_someone_without_a_person_record_belongs_to_no_body(outsider):
    roles = roles_for(outsider)
    assert roles.member_bodies == frozenset()
    assert not roles.is_member_of(name=settings.CASE_REVIEW_BODY_NAME)
