"""The business manager's contributions board lists every chapter of a report with who writes it, when it is due, its
status (written, not started, late) and when it was last changed, then the agencies' statements; it names a
contributor and a due date with real validation, and Chase e-mails that person once per press, recorded and shown."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import AgencyStatement, StatementRequest, StatementStatus
from partnership.tests.factories import AgencyFactory, UserFactory
from reports import services
from reports.models import NarrativeSection


def board(report):
    return reverse("reports:contributions", args=[report.year])


def row(page, key):
    start = page.index(f'id="part-{key}"')
    return page[start : page.index("</tr>", start)]


@pytest.fixture
def foreword(report):
    return NarrativeSection.objects.get(report=report, key="foreword")


@pytest.mark.django_db
def test_each_chapter_shows_who_when_and_whether_it_is_written_or_late(client, manager, partner, report, foreword):
    today = timezone.localdate()
    services.assign_contribution(narrative=foreword, assigned_to=partner, due_on=today - timedelta(days=1))
    introduction = NarrativeSection.objects.get(report=report, key="introduction")
    services.assign_contribution(narrative=introduction, assigned_to=None, due_on=today + timedelta(days=10))
    services.save_narrative(report=report, key="emerging-issues", text="Written.", edited_by=manager)
    client.force_login(manager)

    page = client.get(board(report)).content.decode()

    assert page.count("<h1") == 1
    assert "Nadia Partner" not in row(page, "foreword")  # the account's name, not the registry's
    assert partner.username in row(page, "foreword") and "Late" in row(page, "foreword")
    assert "Not started" in row(page, "introduction") and "the business manager" in row(page, "introduction")
    assert "Written" in row(page, "emerging-issues")
    assert "1 late" in page


@pytest.mark.django_db
def test_the_manager_names_a_contributor_and_a_due_date_on_the_board(client, manager, partner, report, foreword):
    client.force_login(manager)
    response = client.post(
        board(report),
        {"key": "foreword", "foreword-assigned_to": partner.pk, "foreword-due_on": "2023-06-30"},
    )
    assert response.status_code == 302
    foreword.refresh_from_db()
    assert (foreword.assigned_to, foreword.due_on) == (partner, date(2023, 6, 30))


@pytest.mark.django_db
def test_someone_who_is_not_one_of_the_partnerships_people_cannot_be_named(client, manager, report, foreword):
    outsider = UserFactory(username="someone-else")
    client.force_login(manager)
    response = client.post(
        board(report), {"key": "foreword", "foreword-assigned_to": outsider.pk, "foreword-due_on": "not a date"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose one of the people listed" in page
    assert "Enter a valid date" in page
    foreword.refresh_from_db()
    assert foreword.assigned_to is None and foreword.due_on is None


@pytest.mark.django_db
def test_the_model_refuses_a_contributor_without_an_email_address(partner, foreword):
    from django.core.exceptions import ValidationError

    partner.email = ""
    partner.save()
    with pytest.raises(ValidationError, match="no e-mail address"):
        services.assign_contribution(narrative=foreword, assigned_to=partner, due_on=None)


@pytest.mark.django_db
def test_chase_emails_the_contributor_once_per_press_and_shows_when(
    client, manager, partner, report, foreword, mailoutbox
):
    manager.email = "manager@example.org"
    manager.save()
    services.assign_contribution(narrative=foreword, assigned_to=partner, due_on=date(2023, 6, 30))
    client.force_login(manager)
    chase = reverse("reports:contribution_chase", args=[report.year, "foreword"])

    response = client.post(chase, follow=True)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [partner.email] and message.reply_to == [manager.email]
    assert reverse("reports:narrative", args=[report.year, "foreword"]) in message.body
    page = response.content.decode()
    assert f"was e-mailed to {partner.email}" in page
    foreword.refresh_from_db()
    assert foreword.last_chased_by == manager and foreword.last_chased_at is not None
    assert foreword.last_chased_at.strftime("%-d %b %Y") in row(page, "foreword")

    client.post(chase)
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_a_written_chapter_is_not_chased(client, manager, partner, report, foreword, mailoutbox):
    services.assign_contribution(narrative=foreword, assigned_to=partner, due_on=None)
    services.save_narrative(report=report, key="foreword", text="Written.", edited_by=partner)
    client.force_login(manager)
    page = client.post(reverse("reports:contribution_chase", args=[report.year, "foreword"]), follow=True)
    assert "there is nobody to chase" in page.content.decode()
    assert mailoutbox == []


@pytest.mark.django_db
def test_only_the_business_manager_opens_the_board_or_chases(client, chair, partner, report):
    for user in (chair, partner):
        client.force_login(user)
        assert client.get(board(report)).status_code == 403
        assert client.post(reverse("reports:contribution_chase", args=[report.year, "foreword"])).status_code == 403


@pytest.mark.django_db
def test_the_agencies_statements_are_listed_with_their_status(client, manager, report):
    AgencyStatement.objects.create(
        agency=AgencyFactory(name="Central London Community Healthcare"),
        year=report.year,
        text="Our year.",
        status=StatementStatus.SUBMITTED,
    )
    client.force_login(manager)
    page = client.get(board(report)).content.decode()
    assert "Statement of Central London Community Healthcare" in page and "Submitted" in page


@pytest.mark.django_db
def test_a_statement_past_its_due_date_is_counted_late_beside_the_chapters(client, manager, partner, report, foreword):
    today = timezone.localdate()
    services.assign_contribution(narrative=foreword, assigned_to=partner, due_on=today - timedelta(days=1))
    StatementRequest.objects.create(
        agency=AgencyFactory(name="Children's Services"), year=report.year, due_on=today - timedelta(days=3)
    )
    client.force_login(manager)

    page = client.get(board(report)).content.decode()

    assert "Late" in row(page, "statement-of-childrens-services")
    assert "2 late:</strong> 1 chapter not written and 1 statement or other part not sent by their due date." in page


@pytest.mark.django_db
def test_the_board_costs_the_same_queries_with_more_chapters_assigned(
    client, manager, partner, report, django_assert_max_num_queries
):
    client.force_login(manager)
    client.get(board(report))
    for narrative in NarrativeSection.objects.filter(report=report):
        services.assign_contribution(narrative=narrative, assigned_to=partner, due_on=date(2023, 6, 30))
    with django_assert_max_num_queries(12):
        assert client.get(board(report)).status_code == 200
