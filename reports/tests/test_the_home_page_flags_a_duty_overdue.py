"""The business manager's home page shows the published report's duties still to do, and flags those overdue; it
shows nothing once every body has the report, and nothing to anyone else."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import ReportRecipient

from .conftest import publish

HEADING = "Sending the annual report on"


@pytest.fixture
def published(report):
    ReportRecipient.objects.filter(national=True).update(active=False)
    ReportRecipient.objects.create(name="Westminster Health and Wellbeing Board", email="hwb@example.org")
    ReportRecipient.objects.create(name="Schools Forum")
    return report


def home(client, user):
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


def panel(page):
    """The duties' panel of the home page ("" when it is not shown)."""
    found = re.search(r'<section[^>]*aria-labelledby="report-duties-heading".*?</section>', page, flags=re.S)
    return found.group(0) if found else ""


@pytest.mark.django_db
def test_a_duty_past_its_due_date_is_flagged_overdue_with_a_link_to_it(client, published, manager):
    publish(published, on=timezone.localdate() - timedelta(days=8))
    shown = panel(home(client, manager))
    assert HEADING in shown
    assert '<strong class="text-danger">2 overdue</strong>' in shown
    assert reverse("reports:duties", args=[published.year]) in shown


@pytest.mark.django_db
def test_duties_within_their_seven_days_are_listed_without_the_flag(client, published, manager):
    # Published a week ago: due today, not yet overdue.
    publish(published, on=timezone.localdate() - timedelta(days=7))
    shown = panel(home(client, manager))
    assert HEADING in shown and "2 bodies still to send it to" in shown
    assert "overdue" not in shown


@pytest.mark.django_db
def test_nothing_is_shown_once_every_body_has_the_report(client, published, manager):
    publish(published, on=timezone.localdate() - timedelta(days=8))
    for duty in published.duties.all():
        services.record_duty_sent(duty=duty, sent_by=manager, how_described="By post")
    assert HEADING not in home(client, manager)


@pytest.mark.django_db
def test_only_the_business_manager_sees_the_duties(client, published, chair):
    publish(published, on=timezone.localdate() - timedelta(days=8))
    assert HEADING not in home(client, chair)
