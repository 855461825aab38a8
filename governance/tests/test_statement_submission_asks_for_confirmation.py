"""Submitting a statement cannot be undone, so the first press only checks and asks; the confirmation sends it,
carrying what was typed."""

import re

import pytest
from django.core import mail

from governance.models import AgencyStatement, Inspection, StatementStatus

from .test_statement_partner_writes_and_submits import OFSTED, URL, form_data

pytestmark = pytest.mark.django_db


def hidden_fields(page):
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))


def test_the_first_press_asks_and_keeps_nothing(client, partner, manager):
    client.force_login(partner)
    response = client.post(URL, form_data("Our year in *safeguarding*.", [OFSTED], submit="1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Send your statement for 2022/23 to the business manager?" in page
    assert "<em>safeguarding</em>" in page and "With 1 inspection." in page
    assert not AgencyStatement.objects.exists() and not Inspection.objects.exists()
    assert mail.outbox == []


def test_confirming_sends_what_was_typed(client, partner, manager):
    client.force_login(partner)
    page = client.post(URL, form_data("Our year.", [OFSTED], submit="1")).content.decode()
    carried = hidden_fields(page)
    assert carried["statement-text"] == "Our year."
    assert carried["inspections-0-inspectorate"] == "Ofsted"
    carried.pop("csrfmiddlewaretoken", None)
    response = client.post(URL, {**carried, "confirmed": "1"})
    assert response.status_code == 302
    statement = AgencyStatement.objects.get()
    assert statement.status == StatementStatus.SUBMITTED
    assert statement.inspections.get().inspectorate == "Ofsted"


def test_going_back_from_the_question_keeps_the_text_and_saves_nothing(client, partner):
    client.force_login(partner)
    page = client.post(URL, form_data("Our year.", [OFSTED], submit="1")).content.decode()
    carried = hidden_fields(page)
    carried.pop("csrfmiddlewaretoken", None)
    carried.pop("submit")
    response = client.post(URL, {**carried, "preview": "1"})
    assert response.status_code == 200
    assert "Our year." in response.content.decode()
    assert not AgencyStatement.objects.exists()


def test_a_statement_that_cannot_be_sent_is_refused_before_the_question(client, partner):
    client.force_login(partner)
    response = client.post(URL, form_data("   ", submit="1"))
    assert "Write the statement before sending it" in response.content.decode()
    assert "Send your statement" not in response.content.decode()


def test_add_another_inspection_puts_the_focus_on_the_new_row(client, partner):
    client.force_login(partner)
    page = client.post(URL, form_data("Our year.", [OFSTED], add_inspection="1")).content.decode()
    focused = re.findall(r"<[^>]*\bautofocus\b[^>]*>", page)
    assert len(focused) == 1
    assert 'name="inspections-1-' in focused[0]
