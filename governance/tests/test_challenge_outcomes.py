from datetime import date

import pytest
from django.core.exceptions import ValidationError

from governance import selectors
from governance.models import ChallengeLogEntry, ChallengeResolution
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory


def challenge(**fields):
    fields.setdefault("raised_on", date(2022, 9, 1))
    return ChallengeLogEntry(
        raised_by_agency=AgencyFactory(), agency_challenged=AgencyFactory(), issue="Late invitations", **fields
    )


@pytest.mark.django_db
def test_a_closed_challenge_says_how_it_was_settled_and_only_a_closed_one_does():
    with pytest.raises(ValidationError) as closed_without:
        challenge(closed_on=date(2022, 10, 1)).full_clean()
    assert "Say how the challenge was settled." in closed_without.value.message_dict["resolution"]
    with pytest.raises(ValidationError) as settled_but_open:
        challenge(resolution=ChallengeResolution.ACCEPTED).full_clean()
    assert "give the date it was closed" in settled_but_open.value.message_dict["closed_on"][0]
    challenge(closed_on=date(2022, 10, 1), resolution=ChallengeResolution.NOT_ACCEPTED).full_clean()


@pytest.mark.django_db
def test_outcomes_are_counted_from_the_log_for_the_year():
    for resolution, closed in [("accepted", True), ("accepted", True), ("withdrawn", True), ("", False)]:
        entry = challenge(resolution=resolution, closed_on=date(2022, 10, 1) if closed else None)
        entry.save()
    challenge(raised_on=date(2023, 4, 2)).save()  # next year: not counted
    counts = {row.label: row.count for row in selectors.challenge_outcomes(year=FinancialYear(2022))}
    assert counts["Accepted: the agency changed its response"] == 2
    assert counts["Withdrawn"] == 1 and counts["Partly accepted"] == 0 and counts["Still open"] == 1
