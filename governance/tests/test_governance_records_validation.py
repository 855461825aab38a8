"""Each governance record refuses what the partnership's rules forbid, with a message a user can act on."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance.models import (
    Action,
    ActionStatus,
    AgencyStatement,
    ChallengeLogEntry,
    Contribution,
    ExpenditureLine,
    Priority,
    PriorityActivity,
    StatementStatus,
)
from governance.tests.factories import ActionFactory, ContributionFactory, PriorityActivityFactory, PriorityFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory, BodyFactory, LocalAuthorityFactory, PersonFactory


def errors_of(record):
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    return caught.value.message_dict


@pytest.mark.django_db
def test_an_action_points_at_a_record_that_exists():
    action = ActionFactory.build(owner_agency=AgencyFactory(), source_type=None, source_id=None)
    action.full_clean()  # no source at all is allowed
    action.source_type = ContentType.objects.get_for_model(PriorityActivity)
    action.source_id = 999_999
    assert "no priority activity number 999999" in errors_of(action)["source_id"][0]
    action.source_type = ContentType.objects.get_for_model(Priority)
    action.source_id = PriorityFactory().pk
    assert errors_of(action)["source_type"] == ["Actions cannot be raised from that kind of record."]


@pytest.mark.django_db
def test_an_action_links_to_its_activity_and_back():
    activity = PriorityActivityFactory()
    action = ActionFactory(source_type=ContentType.objects.get_for_model(activity), source_id=activity.pk)
    assert action.source == activity
    assert list(activity.actions.all()) == [action]
    assert list(Action.objects.from_source(activity)) == [action]


@pytest.mark.django_db
def test_an_actions_named_owner_works_for_the_owning_agency():
    action = ActionFactory.build(source_type=None, source_id=None, owner_agency=AgencyFactory(name="Probation"))
    action.owner_person = PersonFactory(name="Sam Lee", agency=AgencyFactory(name="Police"))
    assert errors_of(action)["owner_person"] == [
        "Sam Lee works for Police, not Probation: choose someone from Probation."
    ]


@pytest.mark.django_db
def test_a_complete_action_has_a_completion_date_and_only_then():
    action = ActionFactory.build(source_type=None, source_id=None, owner_agency=AgencyFactory())
    action.status = ActionStatus.COMPLETE
    assert errors_of(action)["completed_on"] == ["Give the date the action was completed."]
    action.completed_on = timezone.localdate() + timedelta(days=1)
    assert "has not come yet" in errors_of(action)["completed_on"][0]
    action.status = ActionStatus.ON_TRACK
    assert any("Only a complete action" in message for message in errors_of(action)["completed_on"])


@pytest.mark.django_db
def test_an_activity_has_one_lead_and_a_plan_ends_after_it_starts():
    activity = PriorityActivityFactory.build(priority=PriorityFactory(), lead_body=BodyFactory())
    activity.lead_agency = AgencyFactory()
    assert "not both" in errors_of(activity)["lead_agency"][0]
    plan = Priority(first_year=FinancialYear(2024), last_year=FinancialYear(2022), number=1, title="Neglect")
    assert "cannot end before it starts" in errors_of(plan)["last_year"][0]


@pytest.mark.django_db
def test_priorities_for_a_year_include_multi_year_plans():
    three_years = PriorityFactory(first_year=FinancialYear(2022), last_year=FinancialYear(2024), number=1)
    PriorityFactory(first_year=FinancialYear(2021), last_year=FinancialYear(2021), number=1)
    assert list(Priority.objects.for_year(FinancialYear(2023))) == [three_years]
    assert three_years.plan_period == "2022/23 to 2024/25"


@pytest.mark.django_db
def test_an_agency_cannot_challenge_itself_or_close_a_challenge_before_it_was_raised():
    police = AgencyFactory(name="Police")
    entry = ChallengeLogEntry(
        raised_by_agency=police,
        agency_challenged=police,
        issue="Late strategy discussion invitations",
        raised_on=date(2022, 9, 1),
        closed_on=date(2022, 8, 1),
    )
    errors = errors_of(entry)
    assert "cannot challenge itself" in errors["agency_challenged"][0]
    assert "closed before it was raised" in errors["closed_on"][0]


@pytest.mark.django_db
def test_a_statement_is_written_before_it_is_sent_and_returned_with_reasons():
    statement = AgencyStatement(agency=AgencyFactory(), year=FinancialYear(2022), status=StatementStatus.SUBMITTED)
    assert "Write the statement" in errors_of(statement)["text"][0]
    statement.text = "Our year."
    statement.status = StatementStatus.RETURNED
    assert "Say what needs changing" in errors_of(statement)["manager_comments"][0]
    statement.manager_comments = "Add your Ofsted visit."
    statement.full_clean()


@pytest.mark.django_db
def test_income_names_its_source_and_other_spending_says_what_it_was():
    borough = LocalAuthorityFactory()
    income = Contribution(year=FinancialYear(2022), borough=borough, amount=Decimal("10.00"))
    assert "Choose the contributing agency" in errors_of(income)["label"][0]
    income.label = "LSCP training"
    income.full_clean()
    spending = ExpenditureLine(year=FinancialYear(2022), borough=borough, category="other", amount=Decimal("-1"))
    errors = errors_of(spending)
    assert "Say what this other spending was" in errors["note"][0]
    assert "positive sum" in errors["amount"][0]


@pytest.mark.django_db
def test_a_partner_contributes_once_per_borough_and_year():
    first = ContributionFactory()
    again = Contribution(year=first.year, borough=first.borough, agency=first.agency, amount=Decimal("1.00"))
    with pytest.raises(ValidationError, match="already recorded for the borough and year"):
        again.full_clean()
