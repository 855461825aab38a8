"""Publishing the annual report starts its duties: one for each body on the business manager's list, due seven days
after publication (Working Together; the 2019 partnership arrangements), the National Panel and Foundations among
them from the start."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from reports import services
from reports.models import ReportDuty, ReportRecipient

from .conftest import publish, stand_in_build

PUBLISHED = date(2023, 10, 2)
NATIONAL = ["Child Safeguarding Practice Review Panel", "Foundations (the What Works Centre)"]


@pytest.fixture
def health_board(db):
    return ReportRecipient.objects.create(name="Westminster Health and Wellbeing Board", email="hwb@example.org")


def duties_of(report):
    return sorted((d.recipient_name, d.due_on, d.national) for d in report.duties.all())


@pytest.mark.django_db
def test_the_national_panel_and_foundations_are_listed_from_the_start_with_no_invented_address():
    national = ReportRecipient.objects.filter(national=True).order_by("name")
    assert [(r.name, r.email, r.active) for r in national] == [(name, "", True) for name in NATIONAL]


@pytest.mark.django_db
def test_publishing_on_the_page_starts_a_duty_for_each_active_recipient_due_seven_days_later(
    client, report, manager, health_board
):
    ReportRecipient.objects.create(name="Schools Forum", active=False)
    build = stand_in_build(report)
    client.force_login(manager)
    response = client.post(reverse("reports:publish", args=[report.year]), {"build": build.pk})
    assert response.status_code == 302
    report.refresh_from_db()
    due = report.published_on + timedelta(days=7)
    assert duties_of(report) == [
        (NATIONAL[0], due, True),
        (NATIONAL[1], due, True),
        ("Westminster Health and Wellbeing Board", due, False),
    ]
    assert set(report.duties.values_list("build", flat=True)) == {build.pk}
    assert not report.duties.filter(sent_on__isnull=False).exists()


@pytest.mark.django_db
def test_a_report_published_on_an_earlier_day_is_due_seven_days_after_that_day(report, health_board):
    publish(report, on=PUBLISHED)
    assert set(report.duties.values_list("due_on", flat=True)) == {date(2023, 10, 9)}


@pytest.mark.django_db
def test_publishing_the_same_build_again_starts_nothing_more(report, health_board):
    publish(report, on=PUBLISHED)
    services.publish_report(report=report, build=report.published_build, published_on=PUBLISHED)
    assert report.duties.count() == 3


@pytest.mark.django_db
def test_a_correction_is_sent_again_to_those_who_had_it_and_the_others_keep_their_first_due_date(
    report, manager, health_board
):
    publish(report, on=PUBLISHED)
    panel = report.duties.get(recipient_name=NATIONAL[0])
    services.record_duty_sent(duty=panel, sent_by=manager, how_described="Uploaded to the Panel's portal")

    publish(report, on=PUBLISHED + timedelta(days=3))

    open_duties = sorted((d.recipient_name, d.due_on) for d in ReportDuty.objects.open().filter(report=report))
    assert open_duties == [
        # The Panel had the first publication: it is sent the correction, within seven days of it.
        (NATIONAL[0], date(2023, 10, 12)),
        # Foundations and the board were still waiting: the link they are sent serves the correction, and the
        # duty runs from the first publication.
        (NATIONAL[1], date(2023, 10, 9)),
        ("Westminster Health and Wellbeing Board", date(2023, 10, 9)),
    ]
    assert report.duties.count() == 4
