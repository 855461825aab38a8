"""Each duty is done once: the business manager e-mails the published report's public link to the body from its
page, or records how it was sent another way; either way with who and when, and never twice."""

from datetime import date, timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import ReportRecipient, SentHow

from .conftest import publish

SITE = "https://lscp.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE + "/"
    settings.DEFAULT_FROM_EMAIL = "LSCP business team <lscp@example.org>"
    settings.PARTNERSHIP_NAME = "Riverside Safeguarding Children Partnership"


@pytest.fixture
def published(report):
    ReportRecipient.objects.filter(national=True).update(active=False)
    ReportRecipient.objects.create(name="Westminster Health and Wellbeing Board", email="hwb@westminster.example.org")
    ReportRecipient.objects.create(name="Schools Forum", email="")
    return publish(report, on=timezone.localdate() - timedelta(days=2))


def duty_to(report, name):
    return report.duties.get(recipient_name=name)


@pytest.mark.django_db
def test_sending_emails_the_body_the_absolute_link_to_the_published_pdf_and_records_who_and_when(
    client, published, manager, mailoutbox
):
    duty = duty_to(published, "Westminster Health and Wellbeing Board")
    client.force_login(manager)
    response = client.post(reverse("reports:duty_send", args=[published.year, duty.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("reports:duties", args=[published.year])

    [message] = mailoutbox
    assert message.to == ["hwb@westminster.example.org"]
    assert message.from_email == "LSCP business team <lscp@example.org>"
    assert message.reply_to == [manager.email]
    assert message.subject == "Riverside Safeguarding Children Partnership: Annual report 2022/23"
    assert f"{SITE}/reports/2022-23/annual-report.pdf" in message.body
    assert f"{SITE}{reverse('reports:published_pdf', args=[published.year])}" in message.body
    assert f"{SITE}{reverse('reports:report', args=[published.year])}" in message.body
    assert "Eleanor Manager" in message.body
    # The public link opens the published PDF for anybody.
    client.logout()
    assert client.get(reverse("reports:published_pdf", args=[published.year])).status_code == 200

    duty.refresh_from_db()
    assert (duty.sent_on, duty.how, duty.sent_to, duty.sent_by) == (
        timezone.localdate(),
        SentHow.EMAIL,
        "hwb@westminster.example.org",
        manager,
    )
    assert duty.recorded_at is not None


@pytest.mark.django_db
def test_a_second_send_is_refused_and_no_second_email_goes(client, published, manager, mailoutbox):
    duty = duty_to(published, "Westminster Health and Wellbeing Board")
    client.force_login(manager)
    url = reverse("reports:duty_send", args=[published.year, duty.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert len(mailoutbox) == 1
    assert "was already sent to Westminster Health and Wellbeing Board" in response.content.decode()
    with pytest.raises(services.ValidationError):
        services.send_duty_by_email(duty=duty, sent_by=manager)
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_body_without_an_email_address_can_only_be_recorded(client, published, manager, mailoutbox):
    duty = duty_to(published, "Schools Forum")
    client.force_login(manager)
    page = unescape(client.get(reverse("reports:duties", args=[published.year])).content.decode())
    assert reverse("reports:duty_send", args=[published.year, duty.pk]) not in page
    assert reverse("reports:duty_record", args=[published.year, duty.pk]) in page

    response = client.post(reverse("reports:duty_send", args=[published.year, duty.pk]), follow=True)
    assert "Schools Forum has no e-mail address" in response.content.decode()
    assert mailoutbox == []
    duty.refresh_from_db()
    assert not duty.is_done


@pytest.mark.django_db
def test_recording_it_sent_another_way_needs_how_and_then_sending_is_refused(client, published, manager, mailoutbox):
    duty = duty_to(published, "Westminster Health and Wellbeing Board")
    client.force_login(manager)
    url = reverse("reports:duty_record", args=[published.year, duty.pk])
    yesterday = timezone.localdate() - timedelta(days=1)

    refused = client.post(url, {"how_described": "  ", "sent_on": yesterday.isoformat()})
    assert refused.status_code == 200 and "Say how the report was sent" in refused.content.decode()
    duty.refresh_from_db()
    assert not duty.is_done

    client.post(url, {"how_described": "Handed to the chair at the board's meeting.", "sent_on": yesterday.isoformat()})
    duty.refresh_from_db()
    # The page continues the sentence with who recorded it: the full stop typed is not printed before it.
    page = unescape(client.get(reverse("reports:duties", args=[published.year])).content.decode())
    assert "Handed to the chair at the board's meeting, by " in page
    assert (duty.sent_on, duty.how, duty.how_described, duty.sent_by) == (
        yesterday,
        SentHow.OTHER,
        "Handed to the chair at the board's meeting.",
        manager,
    )
    client.post(reverse("reports:duty_send", args=[published.year, duty.pk]))
    assert mailoutbox == []
    again = client.post(url, {"how_described": "By post", "sent_on": yesterday.isoformat()}).content.decode()
    assert "It is not recorded twice" in again
    duty.refresh_from_db()
    assert duty.how_described == "Handed to the chair at the board's meeting."


@pytest.mark.django_db
def test_it_cannot_be_recorded_as_sent_before_it_was_published(published, manager):
    duty = duty_to(published, "Schools Forum")
    with pytest.raises(services.ValidationError) as refused:
        services.record_duty_sent(
            duty=duty, sent_by=manager, how_described="By post", sent_on=published.published_on - timedelta(days=1)
        )
    assert "cannot have been sent before" in str(refused.value)
    duty.refresh_from_db()
    assert not duty.is_done


@pytest.mark.django_db
def test_an_email_the_mail_server_refuses_records_nothing(client, published, manager, monkeypatch, mailoutbox):
    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    duty = duty_to(published, "Westminster Health and Wellbeing Board")
    client.force_login(manager)
    response = client.post(reverse("reports:duty_send", args=[published.year, duty.pk]), follow=True)
    assert "could not be sent" in response.content.decode()
    duty.refresh_from_db()
    assert not duty.is_done and duty.sent_to == "" and duty.sent_by is None


@pytest.mark.django_db
def test_the_page_shows_each_duty_as_sent_due_or_overdue_for_the_same_queries_however_many(
    client, report, manager, django_assert_num_queries
):
    ReportRecipient.objects.filter(national=True).update(active=False)
    for n in range(3):
        ReportRecipient.objects.create(name=f"Board {n}", email=f"board{n}@example.org")
    publish(report, on=timezone.localdate() - timedelta(days=8))
    services.record_duty_sent(duty=duty_to(report, "Board 0"), sent_by=manager, how_described="By post")
    client.force_login(manager)
    url = reverse("reports:duties", args=[report.year])
    client.get(url)  # the session and the roles are read once, like any page

    # Session, user, groups, person (the roles), the report, its duties.
    with django_assert_num_queries(6):
        page = client.get(url).content.decode()
    assert page.count("<h1") == 1
    assert page.count(">Sent</span>") == 1 and page.count(">Overdue</span>") == 2
    assert "2 overdue" in page

    for n in range(3, 13):
        ReportRecipient.objects.create(name=f"Board {n}", email=f"board{n}@example.org")
    # Recipients added after publication are started on their own: the one already sent to is not sent again.
    assert len(services.start_duties(report=report)) == 10
    with django_assert_num_queries(6):
        page = client.get(url).content.decode()
    assert page.count(">Sent</span>") == 1 and page.count(">Overdue</span>") == 12


@pytest.mark.django_db
def test_on_the_seventh_day_a_duty_is_due_and_the_day_after_overdue(client, report, manager, monkeypatch):
    ReportRecipient.objects.filter(national=True).update(active=False)
    ReportRecipient.objects.create(name="Schools Forum")
    publish(report, on=date(2023, 10, 2))
    client.force_login(manager)
    url = reverse("reports:duties", args=[report.year])
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: date(2023, 10, 9))
    assert ">Due</span>" in client.get(url).content.decode()
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: date(2023, 10, 10))
    assert ">Overdue</span>" in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_national_panel_is_told_why_it_gets_the_report_and_a_local_body_is_not(report, manager, mailoutbox):
    ReportRecipient.objects.filter(name="Child Safeguarding Practice Review Panel").update(email="panel@example.org")
    ReportRecipient.objects.create(name="Schools Forum", email="forum@example.org")
    publish(report)
    for name in ("Child Safeguarding Practice Review Panel", "Schools Forum"):
        services.send_duty_by_email(duty=duty_to(report, name), sent_by=manager)
    to_the_panel, to_the_forum = mailoutbox
    assert to_the_panel.to == ["panel@example.org"] and to_the_forum.to == ["forum@example.org"]
    assert "within\nseven days of publication" in to_the_panel.body
    assert "seven days" not in to_the_forum.body
