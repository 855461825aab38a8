"""The weekly digest of overdue and due-soon actions: to the right people, with the right actions, never twice
in the same week, and again the week after."""

from datetime import date, timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings as django_settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone

from governance.models import ActionDigest, ActionStatus
from governance.services.actions import DigestsNotSent, send_action_digests, week_beginning
from governance.tasks import send_action_digests as send_action_digests_task
from governance.tests.factories import ActionFactory
from lscp.celery import app as celery_app
from partnership.tests.factories import AgencyFactory, PersonFactory, UserFactory

MONDAY = date(2025, 3, 3)
SITE = "https://lscp.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE + "/"
    settings.DEFAULT_FROM_EMAIL = "LSCP business team <lscp@example.org>"


@pytest.fixture
def health(db):
    return AgencyFactory(name="Central Health NHS Trust")


@pytest.fixture
def owner(health):
    return PersonFactory(name="Olu Owner", agency=health, email="olu.owner@health.example.org")


def due(days, **fields):
    return ActionFactory(due_date=MONDAY + timedelta(days=days), **fields)


def sent_to(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


@pytest.mark.django_db
def test_the_owner_gets_their_overdue_and_due_soon_open_actions_only(mailoutbox, health, owner):
    overdue = due(-3, title="Audit neglect referrals", owner_agency=health, owner_person=owner)
    today_ = due(0, title="Brief the GPs", owner_agency=health, owner_person=owner)
    last_day = due(14, title="Refresh the toolkit", owner_agency=health, owner_person=owner)
    due(15, title="Not yet due", owner_agency=health, owner_person=owner)
    due(-3, title="Cancelled one", owner_agency=health, owner_person=owner, status=ActionStatus.CANCELLED)
    due(
        -10,
        title="Completed one",
        owner_agency=health,
        owner_person=owner,
        status=ActionStatus.COMPLETE,
        completed_on=MONDAY - timedelta(days=11),
    )

    assert send_action_digests(today=MONDAY) == 1

    [message] = mailoutbox
    assert message.to == ["olu.owner@health.example.org"]
    assert message.from_email == "LSCP business team <lscp@example.org>"
    assert message.subject == "Your actions this week: 1 overdue, 2 due in the next 14 days"
    body = message.body
    for action in (overdue, today_, last_day):
        assert action.title in body
        assert f"{SITE}{reverse('governance:action', args=[action.pk])}" in body
    assert body.index("Audit neglect referrals") < body.index("DUE IN THE NEXT 14 DAYS") < body.index("Brief the GPs")
    assert "3 days overdue" in body
    for left_out in ("Not yet due", "Cancelled one", "Completed one"):
        assert left_out not in body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{SITE}{reverse("governance:action", args=[overdue.pk])}"' in html

    digest = ActionDigest.objects.get()
    assert (digest.person, digest.week_start, digest.action_count, digest.email) == (
        owner,
        MONDAY,
        3,
        "olu.owner@health.example.org",
    )


@pytest.mark.django_db
def test_each_person_gets_one_email_with_all_their_actions(mailoutbox, health, owner):
    due(-1, owner_agency=health, owner_person=owner)
    due(2, owner_agency=health, owner_person=owner)
    due(5, owner_agency=health, owner_person=owner)
    send_action_digests(today=MONDAY)
    assert sent_to(mailoutbox) == ["olu.owner@health.example.org"]
    assert ActionDigest.objects.get().action_count == 3


@pytest.mark.django_db
def test_an_action_with_no_named_owner_goes_to_the_agencys_representatives_who_can_sign_in(mailoutbox, health):
    PersonFactory(agency=health, email="rep@health.example.org", user=UserFactory(username="rep"))
    PersonFactory(agency=health, email="left@health.example.org", user=UserFactory(username="left", is_active=False))
    PersonFactory(agency=health, email="no-account@health.example.org")
    PersonFactory(agency=AgencyFactory(), email="elsewhere@police.example.org", user=UserFactory(username="cop"))
    action = due(-2, title="Nobody named", owner_agency=health)
    send_action_digests(today=MONDAY)
    assert sent_to(mailoutbox) == ["rep@health.example.org"]
    assert action.title in mailoutbox[0].body


@pytest.mark.django_db
def test_a_named_owner_without_an_email_address_is_covered_by_the_representatives(mailoutbox, health):
    no_email = PersonFactory(agency=health, email="")
    PersonFactory(agency=health, email="rep@health.example.org", user=UserFactory(username="rep"))
    due(3, owner_agency=health, owner_person=no_email)
    send_action_digests(today=MONDAY)
    assert sent_to(mailoutbox) == ["rep@health.example.org"]


@pytest.mark.django_db
def test_representatives_are_not_copied_in_when_an_owner_is_named(mailoutbox, health, owner):
    PersonFactory(agency=health, email="rep@health.example.org", user=UserFactory(username="rep"))
    due(3, owner_agency=health, owner_person=owner)
    send_action_digests(today=MONDAY)
    assert sent_to(mailoutbox) == ["olu.owner@health.example.org"]


@pytest.mark.django_db
def test_people_with_nothing_overdue_or_due_soon_get_nothing(mailoutbox, health, owner):
    PersonFactory(agency=health, email="rep@health.example.org", user=UserFactory(username="rep"))
    due(30, owner_agency=health, owner_person=owner)
    due(15, owner_agency=health)
    assert send_action_digests(today=MONDAY) == 0
    assert mailoutbox == []
    assert not ActionDigest.objects.exists()


@pytest.mark.django_db
def test_nobody_gets_a_second_digest_in_the_same_week(mailoutbox, health, owner):
    due(-3, owner_agency=health, owner_person=owner)
    assert send_action_digests(today=MONDAY) == 1
    # Run again the same day, and later that week with a new action falling due: nothing more is sent.
    assert send_action_digests(today=MONDAY) == 0
    due(5, owner_agency=health, owner_person=owner)
    assert send_action_digests(today=MONDAY + timedelta(days=3)) == 0
    assert send_action_digests(today=MONDAY + timedelta(days=6)) == 0
    assert len(mailoutbox) == 1
    assert ActionDigest.objects.count() == 1


@pytest.mark.django_db
def test_a_digest_goes_again_the_next_week(mailoutbox, health, owner):
    due(-3, owner_agency=health, owner_person=owner)
    send_action_digests(today=MONDAY)
    assert send_action_digests(today=MONDAY + timedelta(days=7)) == 1
    assert len(mailoutbox) == 2
    assert "10 days overdue" in mailoutbox[1].body
    assert list(ActionDigest.objects.order_by("week_start").values_list("week_start", flat=True)) == [
        MONDAY,
        MONDAY + timedelta(days=7),
    ]


@pytest.mark.django_db
def test_a_week_runs_from_monday_to_sunday():
    assert week_beginning(MONDAY) == MONDAY
    assert week_beginning(MONDAY + timedelta(days=6)) == MONDAY
    assert week_beginning(MONDAY + timedelta(days=7)) == MONDAY + timedelta(days=7)
    assert week_beginning(MONDAY - timedelta(days=1)) == MONDAY - timedelta(days=7)


@pytest.mark.django_db
def test_a_digest_the_mail_server_refused_is_not_recorded_and_goes_on_the_next_run(mailoutbox, monkeypatch, health):
    first = PersonFactory(agency=health, name="Ann First", email="ann@health.example.org")
    second = PersonFactory(agency=health, name="Ben Second", email="ben@health.example.org")
    due(-1, owner_agency=health, owner_person=first)
    due(-1, owner_agency=health, owner_person=second)
    real_send = EmailMultiAlternatives.send

    def refuse_ann(message, fail_silently=False):
        if message.to == ["ann@health.example.org"]:
            raise ConnectionRefusedError("mail server down")
        return real_send(message, fail_silently)

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse_ann)
    with pytest.raises(DigestsNotSent):
        send_action_digests(today=MONDAY)
    assert sent_to(mailoutbox) == ["ben@health.example.org"]
    assert list(ActionDigest.objects.values_list("person__name", flat=True)) == ["Ben Second"]

    monkeypatch.setattr(EmailMultiAlternatives, "send", real_send)
    assert send_action_digests(today=MONDAY) == 1
    assert sent_to(mailoutbox) == ["ann@health.example.org", "ben@health.example.org"]


@pytest.mark.django_db
def test_the_task_sends_this_weeks_digests(mailoutbox, health, owner):
    ActionFactory(owner_agency=health, owner_person=owner, due_date=timezone.localdate() - timedelta(days=1))
    assert send_action_digests_task.delay().get() == 1
    assert send_action_digests_task.delay().get() == 0
    assert sent_to(mailoutbox) == ["olu.owner@health.example.org"]


def test_celery_beat_runs_the_digest_on_mondays_at_seven_london_time():
    entry = django_settings.CELERY_BEAT_SCHEDULE["weekly-action-digest"]
    assert entry["task"] == "governance.tasks.send_action_digests"
    assert entry["task"] in celery_app.tasks
    schedule = entry["schedule"]
    assert isinstance(schedule, crontab)
    assert (schedule.minute, schedule.hour, schedule.day_of_week) == ({0}, {7}, {1})
    assert celery_app.conf.timezone == "Europe/London"


@pytest.mark.django_db
def test_the_business_manager_sees_the_digests_sent_in_the_admin_but_cannot_change_them(client, manager, owner):
    digest = ActionDigest.objects.create(person=owner, week_start=MONDAY, action_count=2, email=owner.email)
    client.force_login(manager)
    changelist = client.get(reverse("admin:governance_actiondigest_changelist"))
    assert changelist.status_code == 200
    assert "Olu Owner" in changelist.content.decode()
    assert client.get(reverse("admin:governance_actiondigest_change", args=[digest.pk])).status_code == 200
    assert client.get(reverse("admin:governance_actiondigest_add")).status_code == 403
    assert client.get(reverse("admin:governance_actiondigest_delete", args=[digest.pk])).status_code == 403
    response = client.post(
        reverse("admin:governance_actiondigest_change", args=[digest.pk]),
        {"person": owner.pk, "week_start": "2025-03-10", "action_count": 9},
    )
    assert response.status_code == 403
    digest.refresh_from_db()
    assert (digest.week_start, digest.action_count) == (MONDAY, 2)
