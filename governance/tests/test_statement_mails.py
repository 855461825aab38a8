"""The business team hears when a statement is submitted; the partner who submitted it hears when it is
accepted or returned, with the comments. Mails go only once the change is committed."""

import pytest
from django.urls import reverse

from governance.models import AgencyStatement
from governance.services.statements import accept_statement, return_statement, submit_statement
from lscp.financial_year import FinancialYear

YEAR = FinancialYear(2022)


@pytest.fixture
def draft(partner):
    return AgencyStatement.objects.create(agency=partner.person.agency, year=YEAR, text="Our year.")


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://lscp.example.org"
    settings.DEFAULT_FROM_EMAIL = "LSCP business team <lscp@example.org>"
    return settings


@pytest.mark.django_db
def test_submitting_tells_the_business_team_with_a_link(
    site, draft, partner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit_statement(statement=draft, by=partner)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["LSCP business team <lscp@example.org>"]
    assert str(draft.agency) in mail.subject and "2022/23" in mail.subject
    review = reverse("governance:statement_review", args=[YEAR, draft.agency_id])
    assert f"https://lscp.example.org{review}" in mail.body


@pytest.mark.django_db
def test_no_mail_goes_before_the_change_is_committed(
    site, draft, partner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        submit_statement(statement=draft, by=partner)
    assert mailoutbox == []
    assert len(waiting) == 1


@pytest.mark.django_db
def test_accepting_mails_the_submitter(site, draft, partner, manager, mailoutbox, django_capture_on_commit_callbacks):
    submit_statement(statement=draft, by=partner)
    with django_capture_on_commit_callbacks(execute=True):
        accept_statement(statement=draft, by=manager, comments="Thank you, a clear account.")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [partner.person.email]
    assert "accepted" in mail.subject
    assert "Thank you, a clear account." in mail.body
    assert "https://lscp.example.org" + reverse("governance:our_statement", args=[YEAR]) in mail.body


@pytest.mark.django_db
def test_returning_mails_the_submitter_with_the_comments(
    site, draft, partner, manager, mailoutbox, django_capture_on_commit_callbacks
):
    submit_statement(statement=draft, by=partner)
    with django_capture_on_commit_callbacks(execute=True):
        return_statement(statement=draft, by=manager, comments="Please add the CQC inspection & its judgement.")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [partner.person.email]
    assert "returned" in mail.subject
    assert "Please add the CQC inspection & its judgement." in mail.body  # plain text: not HTML-escaped


@pytest.mark.django_db
def test_a_refused_step_sends_nothing(site, draft, partner, manager, mailoutbox, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        accept_statement(statement=draft, by=manager)
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_failing_mail_server_does_not_undo_the_decision(
    site, draft, partner, manager, monkeypatch, django_capture_on_commit_callbacks
):
    submit_statement(statement=draft, by=partner)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("governance.services.statements.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        return_statement(statement=draft, by=manager, comments="More detail.")
    draft.refresh_from_db()
    assert draft.status == "returned"
