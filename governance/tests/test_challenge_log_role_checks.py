"""The challenge log's rules (governance.permissions): who logs challenges, who sees one, and who changes it."""

from datetime import date

import pytest

from governance.models import ChallengeLogEntry
from governance.permissions import (
    can_log_challenges,
    can_see_challenge,
    can_update_challenge,
    can_use_challenge_log,
    challenge_scope,
)
from lscp.roles import ANONYMOUS, roles_for
from partnership.tests.factories import AgencyFactory


def between(raised_by, challenged):
    return ChallengeLogEntry.objects.create(
        raised_by_agency=raised_by, agency_challenged=challenged, issue="Late referral", raised_on=date(2022, 9, 1)
    )


@pytest.mark.django_db
def test_who_reaches_the_challenge_log_and_who_logs(manager, chair, partner, delegate, outsider):
    users = (manager, chair, partner, delegate, outsider)
    assert [can_use_challenge_log(roles_for(u)) for u in users] == [True, True, True, False, False]
    assert [can_log_challenges(roles_for(u)) for u in users] == [False, True, True, False, False]
    assert not can_use_challenge_log(ANONYMOUS) and not can_log_challenges(ANONYMOUS)


@pytest.mark.django_db
def test_the_raising_agency_reads_and_changes_the_challenged_agency_only_reads(manager, partner, chair, outsider):
    ours, other = partner.person.agency, AgencyFactory()
    raised, received, elsewhere = between(ours, other), between(other, ours), between(other, AgencyFactory())
    roles = roles_for(partner)
    assert [can_see_challenge(roles, c) for c in (raised, received, elsewhere)] == [True, True, False]
    assert [can_update_challenge(roles, c) for c in (raised, received, elsewhere)] == [True, False, False]
    for user in (chair, outsider):
        assert not any(can_see_challenge(roles_for(user), c) for c in (raised, received, elsewhere))
        assert not any(can_update_challenge(roles_for(user), c) for c in (raised, received, elsewhere))
    assert all(can_update_challenge(roles_for(manager), c) for c in (raised, received, elsewhere))


@pytest.mark.django_db
def test_the_scope_matches_the_single_checks(manager, partner, chair, delegate):
    ours, other = partner.person.agency, AgencyFactory()
    for raised_by, challenged in [(ours, other), (other, ours), (other, AgencyFactory())]:
        between(raised_by, challenged)
    for user in (manager, partner, chair, delegate):
        roles = roles_for(user)
        in_scope = set(ChallengeLogEntry.objects.filter(challenge_scope(roles)))
        assert in_scope == {c for c in ChallengeLogEntry.objects.all() if can_see_challenge(roles, c)}, user
    assert len(ChallengeLogEntry.objects.filter(challenge_scope(roles_for(partner)))) == 2
    assert not ChallengeLogEntry.objects.filter(challenge_scope(roles_for(delegate))).exists()
